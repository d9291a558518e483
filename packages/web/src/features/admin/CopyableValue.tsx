import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import styles from './admin.module.css';

/**
 * A value to copy (an invitation code, a link, a token's secret): read-only text anyone can select,
 * and a button that copies it. Where the clipboard is refused, the text is selected for copying by hand.
 */
export function CopyableValue({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      announcer.toast(t('invitations.copied'), { tone: 'success', duration: 3_000 });
    } catch {
      input.current?.select();
      announcer.toast(t('invitations.copyFailed'), { tone: 'error' });
    }
  };
  return (
    <div className={styles.copyable}>
      <label className={styles.copyLabel}>
        {label}
        <input ref={input} className={[styles.input, styles.copyValue].join(' ')} readOnly value={value} onFocus={(event) => event.target.select()} />
      </label>
      <Button variant="secondary" onClick={() => void copy()}>
        {copyLabel}
      </Button>
    </div>
  );
}
