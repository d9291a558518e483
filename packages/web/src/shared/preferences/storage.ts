// localStorage that never throws: storage can be disabled or full (private browsing, old WebViews),
// and a lost preference must not break the page.
const PREFIX = 'yishi.';

export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Keep working for this visit; the choice is just not remembered.
  }
}
