import { useTranslation } from 'react-i18next';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';

// Placeholder: the board feature replaces this screen once the API schema exists.
export function BoardPage() {
  const { t } = useTranslation(['board', 'common']);
  // Read here so a route without them fails loudly; the real screen will query with them.
  useRequiredParams('slug');
  return (
    <>
      <PageHeader title={t('title')} />
      <p>{t('placeholder.body', { ns: 'common' })}</p>
    </>
  );
}
