// The parts of an action that every screen shows the same way: its summary (status, owner, due date,
// progress bar), its weighted steps and its news with photos. Used by the concern page and the actions
// pages; the data comes from each screen's own query.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format/useFormat.ts';
import { statusLabel } from '../i18n/dynamic-key.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { CheckIcon } from '../ui/icons.tsx';
import { ProgressBar } from '../ui/ProgressBar.tsx';
import styles from './ActionParts.module.css';

export const ACTION_TONES: Record<string, Tone> = { PLANNED: 'neutral', IN_PROGRESS: 'info', DONE: 'success', BLOCKED: 'danger' };

export interface ActionSummaryData {
  title: string;
  status: string;
  progress: number;
  overdue: boolean;
  dueAt: string;
  doneAt?: string | null;
  blockedReason?: string | null;
  ownerDepartment?: string | null;
  owner?: { displayName: string } | null;
}

/**
 * Status and overdue badges, the title (a link where given; left out with `headingLevel={null}` where
 * the page's h1 already says it), who carries it out, when, and the bar.
 */
export function ActionSummary({ action, headingLevel = 3, to }: { action: ActionSummaryData; headingLevel?: 2 | 3 | null; to?: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const who = action.owner?.displayName ?? action.ownerDepartment;
  const Heading = headingLevel === null ? null : headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <div className={styles.head}>
        <Badge tone={ACTION_TONES[action.status] ?? 'neutral'}>{statusLabel(i18n, 'Action', action.status) ?? action.status}</Badge>
        {action.overdue ? <Badge tone="danger">{t('action.overdue', { date: format.date(action.dueAt) })}</Badge> : null}
      </div>
      {Heading ? <Heading className={styles.title}>{to ? <Link to={to}>{action.title}</Link> : action.title}</Heading> : null}
      <p className={styles.meta}>
        {who ? <span>{t('action.owner', { name: who })}</span> : null}
        <span>{action.doneAt ? t('action.done', { date: format.date(action.doneAt) }) : t('action.due', { date: format.date(action.dueAt) })}</span>
      </p>
      {action.status === 'BLOCKED' && action.blockedReason ? <p className={styles.blocked}>{t('action.blocked', { reason: action.blockedReason })}</p> : null}
      <ProgressBar label={t('action.progress')} value={action.progress} />
    </>
  );
}

export interface MilestoneData {
  id: string;
  title: string;
  weight: number;
  position: number;
  done: boolean;
  doneAt?: string | null;
}

/** The steps in order, each with its share of the work; `control` adds e.g. a cadre's "done" button. */
export function MilestoneList({
  milestones,
  control,
  headingLevel = 4,
}: {
  milestones: readonly MilestoneData[];
  control?: (milestone: MilestoneData) => ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!milestones.length) return null;
  const sorted = [...milestones].sort((a, b) => a.position - b.position);
  const totalWeight = sorted.reduce((sum, milestone) => sum + milestone.weight, 0);
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className={styles.subheading}>{t('action.milestones')}</Heading>
      <ol className={styles.milestones}>
        {sorted.map((milestone) => (
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
            {control ? <span className={styles.milestoneControl}>{control(milestone)}</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export interface ProgressUpdateData {
  id: string;
  body: string;
  createdAt: string;
  author: { displayName: string };
  photos: readonly { url: string }[];
}

/** Progress reports, newest first, each with its photos (a tap opens the full size). */
export function ProgressUpdateList({ updates, headingLevel = 4 }: { updates: readonly ProgressUpdateData[]; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className={styles.subheading}>{t('action.updates')}</Heading>
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
