import { Suspense, useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../shared/routing/paths.ts';
import { useViewer } from '../shared/session/viewer.ts';
import { Loading } from '../shared/ui/Loading.tsx';
import styles from './AppShell.module.css';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { TextSizeToggle } from './TextSizeToggle.tsx';

export const MAIN_CONTENT_ID = 'main-content';

export interface AppShellProps {
  /** The notifications feature's bell: a slot, so the shell imports no feature. */
  NotificationBell: ComponentType<{ className?: string }>;
}

/** Header (language, text size; brand, notifications, account), the connection banner, and the page. */
export function AppShell({ NotificationBell }: AppShellProps) {
  const { t } = useTranslation();
  const mainRef = useMoveFocusOnNavigation();
  return (
    <div className={styles.shell}>
      <a href={`#${MAIN_CONTENT_ID}`} className={styles.skipLink}>
        {t('skipToContent')}
      </a>
      <header className={styles.header}>
        {/* Display preferences in a slim bar on top, as on many public-service sites: found at once,
            and out of the way of the main row. */}
        <div className={styles.preferences}>
          <div className={styles.preferencesInner}>
            <LanguageSwitch className={styles.tool} />
            <TextSizeToggle className={styles.tool} />
          </div>
        </div>
        <div className={styles.headerInner}>
          <Link to={paths.communities()} className={styles.brand} aria-label={t('header.home')}>
            <BrandMark />
            <span aria-hidden="true">{t('appName')}</span>
          </Link>
          <div className={styles.tools}>
            <NotificationBell className={styles.tool} />
            <AccountLink className={styles.tool} />
          </div>
        </div>
      </header>
      <ConnectionBanner />
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className={styles.main}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function AccountLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  if (viewer.status === 'signedIn') {
    // Later: a link to the account page. For now the name shows who is signed in.
    return (
      <span className={className} title={t('header.account', { name: viewer.viewer.displayName })}>
        {viewer.viewer.displayName}
      </span>
    );
  }
  return (
    <Link to={paths.signIn()} className={className}>
      {t('header.signIn')}
    </Link>
  );
}

/**
 * After a client-side navigation, move focus to <main> and scroll to the top: without it a screen
 * reader stays on the link just pressed and hears nothing of the new page. Not on the first load,
 * where the browser starts at the top (and the skip link must come first).
 */
function useMoveFocusOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}

function BrandMark() {
  return (
    <svg className={styles.brandMark} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#ffffff" />
      <path d="M14 20h36v20H30l-10 8v-8h-6z" fill="#0b4f9c" />
    </svg>
  );
}
