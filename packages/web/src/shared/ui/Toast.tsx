import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons.tsx';
import styles from './Toast.module.css';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastOptions {
  tone?: ToastTone;
  /** Milliseconds on screen. Errors stay until dismissed: nobody should miss that something failed. */
  duration?: number;
}

export interface Announcer {
  /** A short visible message that also reaches screen readers, e.g. "已附议" after seconding a concern. */
  toast(message: string, options?: ToastOptions): void;
  /** For screen readers only, when the change is already visible, e.g. "列表已更新". */
  announce(message: string): void;
}

interface ToastEntry {
  id: number;
  message: string;
  tone: ToastTone;
}

// Long enough to read slowly, twice.
const DEFAULT_DURATION_MS = 8_000;

const AnnouncerContext = createContext<Announcer | null>(null);

export function useAnnouncer(): Announcer {
  const announcer = use(AnnouncerContext);
  if (!announcer) throw new Error('useAnnouncer() needs an <AnnouncerProvider> above it (see src/app/providers.tsx).');
  return announcer;
}

/**
 * Owns the page's live regions. They are rendered from the start and stay empty until needed: a live
 * region added together with its text is often not announced.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const nextId = useRef(1);
  const toastElements = useRef(new Map<number, HTMLElement>());

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const scheduleDismiss = useCallback(
    (id: number, duration: number) => {
      const check = () => {
        // Not while the reader is on it (focused its close button, or hovering).
        const element = toastElements.current.get(id);
        if (element && (element.contains(document.activeElement) || element.matches(':hover'))) {
          window.setTimeout(check, 2_000);
          return;
        }
        dismiss(id);
      };
      window.setTimeout(check, duration);
    },
    [dismiss],
  );

  const announcer = useMemo<Announcer>(
    () => ({
      toast(message, options = {}) {
        const tone = options.tone ?? 'info';
        const id = nextId.current++;
        setToasts((current) => [...current.slice(-2), { id, message, tone }]);
        if (tone !== 'error') scheduleDismiss(id, options.duration ?? DEFAULT_DURATION_MS);
      },
      announce(message) {
        // Clear first, so the same words twice are announced twice.
        setAnnouncement('');
        window.setTimeout(() => setAnnouncement(message), 50);
      },
    }),
    [scheduleDismiss],
  );

  const renderToast = (toast: ToastEntry) => {
    const Icon = toast.tone === 'error' ? AlertIcon : toast.tone === 'success' ? CheckIcon : InfoIcon;
    return (
      <div
        key={toast.id}
        ref={(element) => {
          if (element) toastElements.current.set(toast.id, element);
          else toastElements.current.delete(toast.id);
        }}
        className={[styles.toast, toast.tone !== 'info' ? styles[toast.tone] : undefined].filter(Boolean).join(' ')}
      >
        <Icon className={styles.icon} />
        <p className={styles.message}>{toast.message}</p>
        <IconButton className={styles.dismiss} label={t('toast.dismiss')} icon={<CloseIcon />} onClick={() => dismiss(toast.id)} />
      </div>
    );
  };

  return (
    <AnnouncerContext value={announcer}>
      {children}
      <div className={styles.viewport}>
        <div className={styles.region} role="status">
          {toasts.filter((toast) => toast.tone !== 'error').map(renderToast)}
        </div>
        <div className={styles.region} role="alert">
          {toasts.filter((toast) => toast.tone === 'error').map(renderToast)}
        </div>
      </div>
      <div className="visually-hidden" role="status">
        {announcement}
      </div>
    </AnnouncerContext>
  );
}
