import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format/useFormat.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import type { RoomSession } from './SessionPage.tsx';
import styles from './session.module.css';

/** What the session decided, who came and how many voted: the turnout as a bar, to see at a glance. */
export function Minutes({ session, slug }: { session: RoomSession; slug: string }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  const minutes = session.minutes;
  return (
    <section className={[styles.section, styles.minutes].join(' ')} aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t('minutes.heading')}</h2>
      {!minutes ? (
        <p className={styles.muted}>{t('minutes.writing')}</p>
      ) : (
        <>
          <p className={styles.bigFigure}>{t('minutes.attendance', { count: minutes.attendance, formatted: format.number(minutes.attendance) })}</p>
          <ProgressBar label={t('minutes.turnout')} value={minutes.turnout.voterCount} max={minutes.turnout.eligibleCount} />
          <p>{t('minutes.turnoutText', { voters: format.number(minutes.turnout.voterCount), eligible: format.number(minutes.turnout.eligibleCount) })}</p>
          <h3>{t('minutes.decisions')}</h3>
          {minutes.decisions.length ? (
            <ul className={styles.ballot}>
              {minutes.decisions.map((decision) => (
                <li key={decision.decisionId} className={styles.proposal}>
                  <p className={styles.strong}>{decision.title}</p>
                  <p className={styles.factsLine}>
                    {decision.quorumMet ? (
                      <Badge tone={decision.adoptedProposalIds.length ? 'success' : 'neutral'}>
                        {decision.adoptedProposalIds.length ? t('minutes.adoptedCount', { count: decision.adoptedProposalIds.length }) : t('minutes.noneAdopted')}
                      </Badge>
                    ) : (
                      <Badge tone="danger">{t('minutes.quorumMissed')}</Badge>
                    )}
                    <Link to={paths.concern(slug, decision.concernId)}>{t('minutes.concern')}</Link>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>{t('minutes.noDecisions')}</p>
          )}
        </>
      )}
    </section>
  );
}
