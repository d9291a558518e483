import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { CheckIcon } from '../../shared/ui/icons.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { ActionDetailsQuery, type ActionFields } from './actions.documents.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import styles from './actions.module.css';
import { RatingPanel } from './RatingPanel.tsx';

export type Action = ResultOf<typeof ActionFields>;

const ACTION_TONES: Record<string, Tone> = { PLANNED: 'neutral', IN_PROGRESS: 'info', DONE: 'success', BLOCKED: 'danger' };

/** "办理进度": for each action, a progress bar, its steps, the latest news with photos, and its rating. */
export function ActionProgress({ actions, concernStatus }: { actions: readonly Action[]; concernStatus: string }) {
  const { t } = useTranslation(['concern', 'common']);
  if (!actions.length) return null;
  return (
    <section className={styles.section} aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('action.heading')}</h2>
      {actions.map((action) => (
        <ActionCard key={action.id} action={action} concernStatus={concernStatus} />
      ))}
    </section>
  );
}

function ActionCard({ action, concernStatus }: { action: Action; concernStatus: string }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const who = action.owner?.displayName ?? action.ownerDepartment;
  return (
    <article className={styles.action}>
      <div className={styles.head}>
        <Badge tone={ACTION_TONES[action.status] ?? 'neutral'}>{statusLabel(i18n, 'Action', action.status) ?? action.status}</Badge>
        {action.overdue ? <Badge tone="danger">{t('action.overdue', { date: format.date(action.dueAt) })}</Badge> : null}
      </div>
      <h3 className={styles.title}>{action.title}</h3>
      <p className={styles.meta}>
        {who ? <span>{t('action.owner', { name: who })}</span> : null}
        <span>{action.doneAt ? t('action.done', { date: format.date(action.doneAt) }) : t('action.due', { date: format.date(action.dueAt) })}</span>
      </p>
      {action.status === 'BLOCKED' && action.blockedReason ? <p className={styles.blocked}>{t('action.blocked', { reason: action.blockedReason })}</p> : null}
      <ProgressBar label={t('action.progress')} value={action.progress} />

      <ActionDetails actionId={action.id} version={action.version} />
      {action.ratingWindow ? <RatingPanel action={action} concernStatus={concernStatus} /> : null}
    </article>
  );
}

function ActionDetails({ actionId, version }: { actionId: string; version: number }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  // The version in the context: a newer action (a step done, news posted) asks again.
  const [{ data, error }, refetch] = useQuery({ query: ActionDetailsQuery, variables: { id: actionId }, context: useMemo(() => ({ version }), [version]) });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={3} />;
  const milestones = [...(data.action?.milestones ?? [])].sort((a, b) => a.position - b.position);
  const totalWeight = milestones.reduce((sum, milestone) => sum + milestone.weight, 0);
  const updates = data.action?.updates.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      {milestones.length ? (
        <>
          <h4 className={styles.subheading}>{t('action.milestones')}</h4>
          <ol className={styles.milestones}>
            {milestones.map((milestone) => (
              <li key={milestone.id} className={milestone.done ? styles.milestoneDone : styles.milestoneTodo}>
                <span className={styles.milestoneMark} aria-hidden="true">
                  {milestone.done ? <CheckIcon /> : null}
                </span>
                <span className={styles.milestoneText}>
                  <span className="visually-hidden">{milestone.done ? t('action.milestoneDone') : t('action.milestoneTodo')}</span>
                  {milestone.title}
                  <span className={styles.milestoneMeta}>
                    {milestone.done && milestone.doneAt ? t('action.milestoneDoneAt', { date: format.date(milestone.doneAt) }) : null}
                    {totalWeight > 0 ? <span>{t('action.weight', { share: format.percent(milestone.weight / totalWeight) })}</span> : null}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h4 className={styles.subheading}>{t('action.updates')}</h4>
      {updates.length ? (
        <ul className={styles.updates}>
          {updates.map((update) => (
            <li key={update.id} className={styles.update}>
              <p className={styles.updateMeta}>{t('action.updateBy', { name: update.author.displayName, date: format.dateTime(update.createdAt) })}</p>
              <p className={styles.updateBody}>{update.body}</p>
              {update.photos.length ? (
                <ul className={styles.photos}>
                  {update.photos.map((photo, index) => (
                    <li key={photo.url}>
                      <a href={photo.url} target="_blank" rel="noreferrer">
                        <img src={photo.url} alt={t('action.photo', { n: index + 1 })} loading="lazy" />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('action.noUpdates')}</p>
      )}
    </>
  );
}
