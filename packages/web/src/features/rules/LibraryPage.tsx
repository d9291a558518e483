import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

// Placeholder: the rules feature replaces this screen once the API schema exists.
export function LibraryPage() {
  const { t } = useTranslation(['rules', 'common']);
  return (
    <>
      <PageHeader title={t('libraryTitle')} />
      <p>{t('placeholder.body', { ns: 'common' })}</p>
    </>
  );
}
