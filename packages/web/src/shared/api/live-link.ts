import { createClient, type FormattedExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';
import type { ConnectionStore } from './connection.ts';

export interface LiveLink {
  /** Starts a subscription; returns the function that ends it. */
  subscribe(payload: SubscribePayload, sink: Sink<FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>>): () => void;
  dispose(): void;
}

export interface LiveLinkOptions {
  /** ws:// or wss:// URL of the GraphQL endpoint. */
  url: string;
  /** Tests pass fakes for these three; the browser's own are the default. */
  webSocketImpl?: unknown;
  retryWait?: (retries: number) => Promise<void>;
  /** Where `online` and `offline` events come from. */
  networkEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** How long to wait for the server's pong before the socket is taken for dead (phones change networks). */
const PONG_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_MS = 12_000;

/**
 * graphql-ws, wired to the connection store. Lazy: the socket opens with the first subscription and
 * closes shortly after the last. So a close while nothing is subscribed is no outage; a close while
 * something is subscribed is one, until the socket is back (then the store triggers the resync).
 * Browser offline/online events cover pages with no subscription at all: their queries still resync
 * when the network returns.
 */
export function createLiveLink(connection: ConnectionStore, options: LiveLinkOptions): LiveLink {
  let activeSubscriptions = 0;
  let socketOpen = false;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const ws = createClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: KEEP_ALIVE_MS,
    // Residents leave a live session open for an hour on a flaky phone: never give up.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: options.retryWait ?? backoff,
    on: {
      connected: () => {
        socketOpen = true;
        connection.markRestored();
      },
      closed: () => {
        socketOpen = false;
        clearTimeout(pongTimer);
        if (activeSubscriptions > 0) connection.markLost();
      },
      // A ping with no pong in time: terminate the socket, and graphql-ws reconnects with backoff.
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (socketOpen) ws.terminate();
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  const networkEvents = options.networkEvents ?? window;
  const onOffline = () => connection.markLost();
  const onOnline = () => {
    // With live subscriptions, wait for the socket itself to report `connected`.
    if (activeSubscriptions === 0 || socketOpen) connection.markRestored();
  };
  networkEvents.addEventListener('offline', onOffline);
  networkEvents.addEventListener('online', onOnline);

  return {
    subscribe(payload, sink) {
      activeSubscriptions += 1;
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        activeSubscriptions -= 1;
      };
      const unsubscribe = ws.subscribe<Record<string, unknown>, Record<string, unknown>>(payload, {
        next: (value) => sink.next(value),
        error: (error) => {
          release();
          sink.error(error);
        },
        complete: () => {
          release();
          sink.complete();
        },
      });
      return () => {
        release();
        unsubscribe();
      };
    },
    dispose() {
      networkEvents.removeEventListener('offline', onOffline);
      networkEvents.removeEventListener('online', onOnline);
      clearTimeout(pongTimer);
      void ws.dispose();
    },
  };
}

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not hit by everyone at once. */
function backoff(retries: number): Promise<void> {
  const ceiling = Math.min(1_000 * 2 ** retries, 30_000);
  const wait = ceiling / 2 + Math.random() * (ceiling / 2);
  return new Promise((resolve) => setTimeout(resolve, wait));
}
