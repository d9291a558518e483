import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../shared/routing/paths.ts';
import { Timeline } from '../../shared/ui/Timeline.tsx';
import type { ConcernDetail } from './ConcernPage.tsx';
import styles from './concern.module.css';
import { timelineSentence } from './timeline.ts';

/** "办理经过": every step, who and when, oldest first. */
export function ConcernTimeline({ concern, slug }: { concern: ConcernDetail; slug: string }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const entries = concern.timeline.map((entry, index) => {
    const sentence = timelineSentence(entry, i18n);
    return {
      id: `${entry.at}-${entry.kind}-${index}`,
      at: entry.at,
      tone: sentence.tone,
      title: sentence.title,
      body:
        sentence.quote || sentence.link ? (
          <>
            {sentence.link ? (
              <p>
                <Link to={paths.concern(slug, sentence.link.concernId)}>{sentence.link.title}</Link>
              </p>
            ) : null}
            {sentence.quote ? <blockquote className={styles.quote}>{sentence.quote}</blockquote> : null}
          </>
        ) : undefined,
    };
  });
  return (
    <section className={styles.section} aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      <p className={styles.muted}>{t('timeline.intro')}</p>
      <Timeline entries={entries} label={t('timeline.heading')} />
    </section>
  );
}
