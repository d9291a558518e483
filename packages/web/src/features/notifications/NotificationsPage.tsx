import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

// Placeholder: the notifications feature replaces this screen once the API schema exists.
export function NotificationsPage() {
  const { t } = useTranslation(['notifications', 'common']);
  return (
    <>
      <PageHeader title={t('title')} />
      <p>{t('placeholder.body', { ns: 'common' })}</p>
    </>
  );
}
