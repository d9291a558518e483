import { createContext, use, useSyncExternalStore } from 'react';

// Who is using the app, as far as the client knows. The header shows it ("登录" or the name), and the
// API client asks it whether a FORBIDDEN may mean an expired session (see shared/api/client.ts).
//
// The store does not know how to ask the server: it is given a `load` function (features/auth owns
// the `me` query), and refresh() runs it. Authorization itself is always the server's.

export interface Viewer {
  displayName: string;
}

export type ViewerState =
  /** Not asked yet, or the server could not be reached: show public things, offer to sign in. */
  | { status: 'unknown' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; viewer: Viewer };

export interface ViewerStore {
  getState(): ViewerState;
  subscribe(listener: () => void): () => void;
  /** Asks the server again; concurrent calls share one request. A failure keeps the last state. */
  refresh(): Promise<void>;
}

export function createViewerStore(load: () => Promise<ViewerState>): ViewerStore {
  let state: ViewerState = { status: 'unknown' };
  let pending: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      pending ??= load()
        .then(
          (next) => {
            state = next;
            for (const listener of [...listeners]) listener();
          },
          () => {
            // Offline or the server is down: keep what we knew; the connection banner says the rest.
          },
        )
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}

export const ViewerContext = createContext<ViewerStore | null>(null);

export function useViewer(): ViewerState {
  const store = use(ViewerContext);
  if (!store) throw new Error('useViewer() needs a <ViewerContext> provider above it (see src/app/providers.tsx).');
  return useSyncExternalStore(store.subscribe, store.getState);
}
