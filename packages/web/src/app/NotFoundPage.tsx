import { useTranslation } from 'react-i18next';
import { paths } from '../shared/routing/paths.ts';
import { ButtonLink } from '../shared/ui/Button.tsx';
import { PageHeader } from '../shared/ui/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <ButtonLink to={paths.communities()} variant="primary">
        {t('actions.goHome')}
      </ButtonLink>
    </>
  );
}
