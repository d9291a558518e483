import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/useFormat.ts';
import styles from './TallyBar.module.css';

export interface Tally {
  support: number;
  oppose: number;
  abstain: number;
}

export interface TallyBarProps {
  tally: Tally;
  /** e.g. the proposal's title; shown above the bar. */
  caption?: string;
}

const CHOICES = ['support', 'oppose', 'abstain'] as const;

/**
 * Support, oppose and abstain as one stacked bar, with the numbers written out below it. The bar is a
 * picture of the numbers, so it is hidden from screen readers; the list and total under it are the
 * text alternative, and what everyone reads for exact counts.
 */
export function TallyBar({ tally, caption }: TallyBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = tally.support + tally.oppose + tally.abstain;

  return (
    <figure className={styles.tally}>
      {caption ? <figcaption>{caption}</figcaption> : null}
      <div className={styles.bar} aria-hidden="true">
        {total > 0
          ? CHOICES.map((choice) =>
              tally[choice] > 0 ? (
                <div key={choice} className={`${styles.segment} ${styles[choice]}`} style={{ width: `${(tally[choice] / total) * 100}%` }} />
              ) : null,
            )
          : null}
      </div>
      {total > 0 ? (
        <>
          <ul className={styles.legend}>
            {CHOICES.map((choice) => (
              <li key={choice} className={styles.entry}>
                <span className={`${styles.swatch} ${styles[choice]}`} aria-hidden="true" />
                <span>{t(`tally.${choice}`)}</span>
                <span className={styles.count}>{t('tally.votes', { votes: format.number(tally[choice]) })}</span>
                <span className={styles.percent}>({format.percent(tally[choice] / total)})</span>
              </li>
            ))}
          </ul>
          <p className={styles.total}>{t('tally.total', { total: format.number(total) })}</p>
        </>
      ) : (
        <p className={styles.empty}>{t('tally.noVotes')}</p>
      )}
    </figure>
  );
}
