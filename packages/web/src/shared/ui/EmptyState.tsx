import type { ReactNode } from 'react';
import styles from './EmptyState.module.css';
import { EmptyIcon } from './icons.tsx';

export interface EmptyStateProps {
  /** What is empty, e.g. "还没有诉求". */
  title: string;
  /** What the reader can do about it, e.g. "有烦心事？点下面的按钮反映一下。" */
  body?: ReactNode;
  /** Usually one Button or ButtonLink. */
  action?: ReactNode;
  /** Heading level that fits the page outline (an empty list under an h1 gets h2). */
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, body, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={styles.empty}>
      <EmptyIcon className={styles.icon} />
      <Heading className={styles.title}>{title}</Heading>
      {body ? <p className={styles.body}>{body}</p> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
