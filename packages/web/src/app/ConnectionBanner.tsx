import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../shared/api/ApiProvider.tsx';
import { SpinnerIcon } from '../shared/ui/icons.tsx';
import styles from './ConnectionBanner.module.css';

/**
 * "正在重新连接…" while the live link is down. Nothing to press: the client retries by itself and,
 * once back, quietly re-runs the queries on screen (see shared/api/resync-exchange.ts).
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state } = useConnectionStatus();
  return (
    <div role="status" aria-live="polite">
      {state === 'reconnecting' ? (
        <div className={styles.inner}>
          <div className={styles.content}>
            <SpinnerIcon className={styles.spinner} />
            <span>{t('connection.reconnecting')}</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
