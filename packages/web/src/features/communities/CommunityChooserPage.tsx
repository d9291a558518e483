import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

// Placeholder: the communities feature replaces this screen once the API schema exists.
export function CommunityChooserPage() {
  const { t } = useTranslation(['communities', 'common']);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <p>{t('placeholder.body', { ns: 'common' })}</p>
    </>
  );
}
