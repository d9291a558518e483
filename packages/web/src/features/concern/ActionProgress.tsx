import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { paths } from '../../shared/routing/paths.ts';
import { ActionSummary, MilestoneList, ProgressUpdateList } from '../../shared/actions/ActionParts.tsx';
import { ActionDetailsQuery, type ActionFields } from './actions.documents.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import styles from './actions.module.css';
import { RatingPanel } from './RatingPanel.tsx';

export type Action = ResultOf<typeof ActionFields>;

/** "办理进度": for each action, a progress bar, its steps, the latest news with photos, and its rating. */
export function ActionProgress({ actions, concernStatus, slug }: { actions: readonly Action[]; concernStatus: string; slug: string }) {
  const { t } = useTranslation(['concern', 'common']);
  if (!actions.length) return null;
  return (
    <section className={styles.section} aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('action.heading')}</h2>
      {actions.map((action) => (
        <ActionCard key={action.id} action={action} concernStatus={concernStatus} to={paths.action(slug, action.id)} />
      ))}
    </section>
  );
}

function ActionCard({ action, concernStatus, to }: { action: Action; concernStatus: string; to: string }) {
  return (
    <article className={styles.action}>
      <ActionSummary action={action} to={to} />
      <ActionDetails actionId={action.id} version={action.version} />
      {action.ratingWindow ? <RatingPanel action={action} concernStatus={concernStatus} /> : null}
    </article>
  );
}

function ActionDetails({ actionId, version }: { actionId: string; version: number }) {
  // The version in the context: a newer action (a step done, news posted) asks again.
  const [{ data, error }, refetch] = useQuery({ query: ActionDetailsQuery, variables: { id: actionId }, context: useMemo(() => ({ version }), [version]) });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={3} />;
  return (
    <>
      <MilestoneList milestones={data.action?.milestones ?? []} />
      <ProgressUpdateList updates={data.action?.updates.edges.map((edge) => edge.node) ?? []} />
    </>
  );
}
