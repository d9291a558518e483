import { useTranslation } from 'react-i18next';
import { useApi } from '../../shared/api/ApiProvider.tsx';
import { adoptAccountLanguage } from '../../shared/i18n/i18n.ts';
import { useViewerStore, type Viewer } from '../../shared/session/viewer.ts';

/**
 * After the server signed someone in (or out): tell the header at once, start a fresh API session (an
 * empty cache, a new WebSocket that carries the new cookie), and use the account's language unless the
 * reader picked one on this device.
 */
export function useSessionChange() {
  const api = useApi();
  const store = useViewerStore();
  const { i18n } = useTranslation();
  return {
    signedIn(viewer: Viewer) {
      store.set({ status: 'signedIn', viewer });
      api.renewSession();
      adoptAccountLanguage(i18n, viewer.locale);
    },
    signedOut() {
      store.set({ status: 'signedOut' });
      api.renewSession();
    },
  };
}

/**
 * Where to go after signing in: a path inside this app, never another site ("//evil.example") and never
 * back to the sign-in or register page.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  if (/^\/(signin|register)(\/|\?|$)/.test(value)) return null;
  return value;
}

/**
 * Empty fields, caught before anything is sent, as the ValidationError the server would answer with
 * (so the form shows them the same way); null when every field has something in it.
 */
export function requiredIssues(fields: Record<string, string>) {
  const issues = Object.entries(fields)
    .filter(([, value]) => !value.trim())
    .map(([field]) => ({ path: ['input', field], message: 'Required', code: 'REQUIRED' }));
  return issues.length ? { __typename: 'ValidationError' as const, issues } : null;
}
