import { useTranslation } from 'react-i18next';
import { SpinnerIcon } from './icons.tsx';
import styles from './Loading.module.css';

/**
 * A spinner with words ("正在加载…"), announced politely. The words stay visible: a spinner alone is
 * easy to miss or misread.
 */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.loading} role="status">
      <SpinnerIcon className={styles.spinner} />
      <span>{label ?? t('loading')}</span>
    </div>
  );
}

/**
 * Grey lines where text will appear, so the page does not jump when it arrives. Pure decoration:
 * screen readers hear `label` once instead.
 */
export function Skeleton({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.skeleton} role="status">
      <span className="visually-hidden">{label ?? t('loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className={styles.line} aria-hidden="true" />
      ))}
    </div>
  );
}
