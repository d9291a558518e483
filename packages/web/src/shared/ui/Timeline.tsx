import type { ReactNode } from 'react';
import type { DateInput } from '../format/format.ts';
import { useFormat } from '../format/useFormat.ts';
import type { Tone } from './Badge.tsx';
import styles from './Timeline.module.css';

export interface TimelineEntry {
  id: string;
  /** When it happened (the API's DateTime string). */
  at: DateInput;
  /** Who did what, e.g. "王书记回应了这条诉求". */
  title: ReactNode;
  body?: ReactNode;
  /** Colours the marker; the title must say the same in words. */
  tone?: Tone;
}

/**
 * A concern's history, oldest first: "everything settled, everything echoed" made visible. Each time is
 * shown as an exact date and time; the relative form ("3天前") is in the tooltip.
 */
export function Timeline({ entries, label }: { entries: readonly TimelineEntry[]; label: string }) {
  const format = useFormat();
  return (
    <ol className={styles.timeline} aria-label={label}>
      {entries.map((entry) => {
        const date = new Date(entry.at);
        return (
          <li key={entry.id} className={styles.entry}>
            <span className={[styles.marker, entry.tone && entry.tone !== 'neutral' ? styles[entry.tone] : undefined].filter(Boolean).join(' ')} aria-hidden="true" />
            <time className={styles.time} dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()} title={format.relative(date)}>
              {format.dateTime(date)}
            </time>
            <p className={styles.title}>{entry.title}</p>
            {entry.body ? <div className={styles.body}>{entry.body}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
