// Whether the live link to the server works, for the connection banner and the silent resync.
//
// The design rules for real time say events carry full snapshots and "a client that reconnects
// re-queries". So after any outage the store bumps `resyncs` and tells its resync listeners; the resync
// exchange then re-runs every query on screen (see resync-exchange.ts). Residents never press "reload".

export type ConnectionState = 'connected' | 'reconnecting';

export interface ConnectionStatus {
  state: ConnectionState;
  /** How many times the link has come back after an outage; a key for anything that must refetch. */
  resyncs: number;
}

export interface ConnectionStore {
  getStatus(): ConnectionStatus;
  /** For useSyncExternalStore: called whenever the status object changes. */
  subscribe(listener: () => void): () => void;
  /** Called once each time the link comes back after an outage. */
  onResync(listener: () => void): () => void;
  /** The link is down; it is being retried with backoff. */
  markLost(): void;
  /** The link works (again). Only a recovery from `reconnecting` triggers a resync. */
  markRestored(): void;
}

export function createConnectionStore(): ConnectionStore {
  let status: ConnectionStatus = { state: 'connected', resyncs: 0 };
  const listeners = new Set<() => void>();
  const resyncListeners = new Set<() => void>();

  const publish = (next: ConnectionStatus) => {
    status = next;
    for (const listener of [...listeners]) listener();
  };

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    markLost() {
      if (status.state === 'reconnecting') return;
      publish({ ...status, state: 'reconnecting' });
    },
    markRestored() {
      if (status.state === 'connected') return;
      publish({ state: 'connected', resyncs: status.resyncs + 1 });
      for (const listener of [...resyncListeners]) listener();
    },
  };
}
