import { useSyncExternalStore } from 'react';
import { readPreference, writePreference } from './storage.ts';

// Large-text mode for residents who find 18px too small. It sets `data-text-size="large"` on <html>;
// tokens.css turns that into a larger root font size, and every size in rem follows.
export type TextSize = 'normal' | 'large';

const STORAGE_KEY = 'textSize';
const listeners = new Set<() => void>();
let current: TextSize = readPreference(STORAGE_KEY) === 'large' ? 'large' : 'normal';

/** Applies the remembered size before the first render, so the page does not jump. */
export function applyStoredTextSize(): void {
  document.documentElement.dataset.textSize = current;
}

export function setTextSize(size: TextSize): void {
  if (size === current) return;
  current = size;
  writePreference(STORAGE_KEY, size);
  document.documentElement.dataset.textSize = size;
  for (const listener of [...listeners]) listener();
}

export function useTextSize(): [TextSize, (size: TextSize) => void] {
  const size = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return [size, setTextSize];
}
