import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { paths } from '../shared/routing/paths.ts';
import { Button, ButtonLink } from '../shared/ui/Button.tsx';
import { PageHeader } from '../shared/ui/PageHeader.tsx';

/**
 * Shown in place of a page that threw while loading or rendering: most often a chunk that failed to
 * download on a weak connection, or one that a new release replaced. Reloading fixes both.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert">
      <PageHeader title={t('routeError.title')} description={t('routeError.body')} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2)' }}>
        <Button onClick={() => window.location.reload()}>{t('actions.reloadPage')}</Button>
        <ButtonLink to={paths.communities()} reloadDocument>
          {t('actions.goHome')}
        </ButtonLink>
      </div>
    </div>
  );
}
