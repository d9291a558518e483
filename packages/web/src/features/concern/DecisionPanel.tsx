import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import { TallyBar } from '../../shared/ui/TallyBar.tsx';
import type { ResultOf } from '../../shared/api/graphql.ts';
import type { ConcernDeliberationQuery } from './deliberation.documents.ts';
import styles from './deliberation.module.css';

type Decision = NonNullable<NonNullable<NonNullable<ResultOf<typeof ConcernDeliberationQuery>['concern']>['votingWindow']>['decision']>;

/**
 * The recorded result: a tally bar per proposal, the adopted ones marked, the quorum, who chaired, when.
 * `draftRuleTo`: for cadres, where to write a standing rule from it.
 */
export function DecisionPanel({ decision, draftRuleTo }: { decision: Decision; draftRuleTo?: string }) {
  const { t } = useTranslation(['concern', 'common']);
  return (
    <section className={styles.section} aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('decision.heading')}</h2>
      <DecisionBody decision={decision} />
      {draftRuleTo ? <ButtonLink to={draftRuleTo}>{t('decision.draftRule')}</ButtonLink> : null}
    </section>
  );
}

function DecisionBody({ decision }: { decision: Decision }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const counts = { voters: format.number(decision.voterCount), needed: format.number(decision.quorumCount), eligible: format.number(decision.eligibleCount) };
  return (
    <div className={styles.decision}>
      <p className={styles.muted}>
        {t('decision.decidedAt', { date: format.dateTime(decision.decidedAt) })} · {t('decision.chair', { name: decision.chairName })}
      </p>
      <p className={decision.quorumMet ? styles.quorumMet : styles.quorumMissed}>
        {decision.quorumMet ? t('decision.quorumMet', counts) : t('decision.quorumMissed', counts)}
      </p>
      <ul className={styles.decisionLines}>
        {decision.tally.map((line) => (
          <li key={line.proposal.id} className={line.adopted ? styles.lineAdopted : undefined}>
            <div className={styles.lineHead}>
              <Badge tone={line.adopted ? 'success' : 'neutral'}>{line.adopted ? t('decision.adopted') : t('decision.notAdopted')}</Badge>
              <span className={styles.lineTitle}>{line.title}</span>
            </div>
            <TallyBar tally={line} />
          </li>
        ))}
      </ul>
      <p className={styles.muted}>{t('decision.threshold', { percent: decision.thresholdPercent })}</p>
    </div>
  );
}
