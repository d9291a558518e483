import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { ConcernStatusBadge, DeadlineBadge } from '../../shared/concerns/ConcernBadges.tsx';
import { SecondToggle } from '../../shared/concerns/SecondToggle.tsx';
import { useFormat } from '../../shared/format/useFormat.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import type { BoardConcernFields } from './board.documents.ts';
import styles from './board.module.css';

export type BoardConcern = ResultOf<typeof BoardConcernFields>;

/**
 * One concern on the board: what and where, its status and deadline, and the "附议" toggle. The title
 * is the link to the concern; the rest of the card is not a link, so the toggle cannot open it by mistake.
 */
export function ConcernCard({ concern, slug }: { concern: BoardConcern; slug: string }) {
  const { t, i18n } = useTranslation(['board', 'common']);
  const format = useFormat();
  const photo = concern.photos[0];
  const place = [concern.group ? localizedName(i18n.language, concern.group) : null, concern.place].filter(Boolean).join(' · ');
  return (
    <article className={[styles.card, concern.overdue ? styles.cardOverdue : undefined].filter(Boolean).join(' ')}>
      <div className={styles.cardMain}>
        <div className={styles.cardText}>
          <h3 className={styles.cardTitle}>
            <Link to={paths.concern(slug, concern.id)}>{concern.title}</Link>
          </h3>
          <p className={styles.cardPlace}>
            <PinIcon />
            <span className="visually-hidden">{t('card.place')}</span>
            {place}
          </p>
          <div className={styles.badges}>
            <ConcernStatusBadge status={concern.status} />
            <DeadlineBadge status={concern.status} deadlineAt={concern.deadlineAt} />
            <Badge tone="neutral">{localizedName(i18n.language, concern.category)}</Badge>
          </div>
        </div>
        {photo ? (
          <img
            className={styles.thumb}
            src={photo.url}
            alt={t('card.photo', { title: concern.title })}
            loading="lazy"
            decoding="async"
            width={88}
            height={88}
          />
        ) : null}
      </div>
      <div className={styles.cardFooter}>
        <SecondToggle concern={concern} />
        <p className={styles.meta}>
          <time dateTime={concern.createdAt} title={format.dateTime(concern.createdAt)}>
            {t('card.reported', { relative: format.relative(concern.createdAt) })}
          </time>
          {concern.proposalCount > 0 ? <span>{t('card.proposals', { count: concern.proposalCount })}</span> : null}
        </p>
      </div>
    </article>
  );
}

function PinIcon() {
  return (
    <svg width="1.1em" height="1.1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0Z" />
      <circle cx="12" cy="10" r="3" />
    </svg>
  );
}
