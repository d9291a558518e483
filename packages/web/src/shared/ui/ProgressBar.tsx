import { useId } from 'react';
import { useFormat } from '../format/useFormat.ts';
import styles from './ProgressBar.module.css';

export interface ProgressBarProps {
  /** What is progressing, e.g. "办理进度". It names the progress bar for screen readers too. */
  label: string;
  /** Done so far, between 0 and `max`. */
  value: number;
  max?: number;
}

/** A labelled bar with the percentage written out; e.g. an action's progress from its milestones. */
export function ProgressBar({ label, value, max = 100 }: ProgressBarProps) {
  const format = useFormat();
  const labelId = useId();
  const ratio = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  const percent = Math.round(ratio * 100);
  const text = format.percent(ratio);
  return (
    <div className={styles.progress}>
      <div className={styles.header}>
        <span id={labelId} className={styles.label}>
          {label}
        </span>
        <span className={styles.value} aria-hidden="true">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className={styles.track}
      >
        <div className={styles.fill} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
