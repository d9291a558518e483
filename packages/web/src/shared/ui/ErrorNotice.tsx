import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error.ts';
import { Button } from './Button.tsx';
import styles from './ErrorNotice.module.css';
import { AlertIcon } from './icons.tsx';

export interface ErrorNoticeProps {
  /** A typed error result, a CombinedError, or anything thrown: shown as one sentence, never raw. */
  error: unknown;
  /** A short heading above the sentence, e.g. "附议没有成功". */
  title?: string;
  /** Shows a "再试一次" button, e.g. to re-run a failed query. */
  onRetry?: () => void;
}

/** Announced at once (role=alert): put it where the failed thing would have been. */
export function ErrorNotice({ error, title, onRetry }: ErrorNoticeProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className={styles.notice} role="alert">
      <AlertIcon className={styles.icon} />
      <div className={styles.content}>
        {title ? <p className={styles.title}>{title}</p> : null}
        <p className={styles.message}>{describeError(error, i18n)}</p>
        {onRetry ? (
          <div className={styles.actions}>
            <Button variant="secondary" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
