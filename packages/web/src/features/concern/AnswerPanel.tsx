import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/useFormat.ts';
import type { ConcernDetail } from './ConcernPage.tsx';
import styles from './concern.module.css';

/**
 * The cadre's public answer, highlighted: the "echo" every concern is owed. Before it comes, the
 * deadline; after the deadline, that it is overdue and the admins were told.
 */
export function AnswerPanel({ concern }: { concern: ConcernDetail }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const declined = concern.status === 'DECLINED';
  const answeredAt = declined ? concern.declinedAt : concern.acknowledgedAt;

  if (concern.answer && answeredAt) {
    return (
      <section className={[styles.answer, declined ? styles.answerDeclined : undefined].filter(Boolean).join(' ')} aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t('answer.heading')}</h2>
        <blockquote className={styles.answerText}>{concern.answer}</blockquote>
        <p className={styles.answerBy}>
          {t(declined ? 'answer.declined' : 'answer.acknowledged', {
            name: concern.answeredBy?.displayName ?? t('timeline.someone'),
            date: format.dateTime(answeredAt),
          })}
        </p>
      </section>
    );
  }
  if (concern.status !== 'REPORTED') return null;
  return (
    <section className={[styles.answer, styles.answerWaiting, concern.overdue ? styles.answerOverdue : undefined].filter(Boolean).join(' ')} aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('answer.heading')}</h2>
      <p>{t('answer.waiting')}</p>
      <p className={styles.answerBy}>
        {concern.overdue
          ? t('answer.overdue', { date: format.dateTime(concern.deadlineAt) })
          : t('answer.waitingDeadline', { date: format.dateTime(concern.deadlineAt), relative: format.relative(concern.deadlineAt) })}
      </p>
    </section>
  );
}
