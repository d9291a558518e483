import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields, mutationOutcome } from '../../shared/api/mutation-result.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import styles from './AccountMenu.module.css';
import { useSessionChange } from './session-change.ts';

const LogOutMutation = graphql(
  `
    mutation LogOut {
      logOut {
        __typename
        ... on LogOutSuccess {
          data
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

/**
 * The header's account slot: "登录" for visitors (coming back to this page afterwards); for a signed-in
 * person, their name as a button that opens a small panel with "退出登录". A disclosure, not an ARIA
 * menu: Tab moves through it as through any list of buttons, and Esc closes it.
 */
export function AccountMenu({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSessionChange();
  const announcer = useAnnouncer();
  const [open, setOpen] = useState(false);
  const [{ fetching }, logOut] = useMutation(LogOutMutation);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // A new page closes the panel.
  const [pathname, setPathname] = useState(location.pathname);
  if (pathname !== location.pathname) {
    setPathname(location.pathname);
    setOpen(false);
  }

  if (viewer.status !== 'signedIn') {
    const here = location.pathname + location.search;
    const onAuthPage = location.pathname === paths.signIn() || location.pathname === paths.register();
    return (
      <Link to={onAuthPage ? paths.signIn() : paths.signIn(here)} className={className}>
        {t('header.signIn')}
      </Link>
    );
  }

  const signOut = async () => {
    const result = await logOut({});
    const outcome = mutationOutcome(result.error, result.data?.logOut);
    if (!outcome.ok) {
      announcer.toast(t('failedBecause', { what: t('header.signOut'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
      return;
    }
    setOpen(false);
    session.signedOut();
    announcer.toast(t('header.signedOut'), { tone: 'success' });
    await navigate(paths.communities());
  };

  const name = viewer.viewer.displayName;
  return (
    <div ref={rootRef} className={styles.root}>
      <button
        ref={buttonRef}
        type="button"
        className={[className, styles.trigger].filter(Boolean).join(' ')}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('header.accountMenu', { name })}
        onClick={() => setOpen((current) => !current)}
      >
        <PersonIcon />
        <span className={styles.name}>{name}</span>
        <ChevronIcon className={open ? styles.chevronOpen : undefined} />
      </button>
      <div id={panelId} className={styles.panel} hidden={!open}>
        <p className={styles.who}>{t('header.account', { name })}</p>
        <button type="button" className={styles.item} aria-busy={fetching || undefined} onClick={() => void signOut()}>
          {t('header.signOut')}
        </button>
      </div>
    </div>
  );
}

function PersonIcon() {
  return (
    <svg width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </svg>
  );
}

function ChevronIcon({ className }: { className?: string }) {
  return (
    <svg className={className} width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}
