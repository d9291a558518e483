import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

// Placeholder: the auth feature replaces this screen once the API schema exists.
export function RegisterPage() {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <>
      <PageHeader title={t('registerTitle')} />
      <p>{t('placeholder.body', { ns: 'common' })}</p>
    </>
  );
}
