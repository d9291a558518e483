// Clients of a listening server, as real ones talk to it: graphql-ws (with `ws` as the socket) for
// subscriptions, fetch for queries and mutations.
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../app.js';
import { callerHeaders, type Caller } from './harness.js';

/** Starts the app's HTTP server on a free port, once, and returns its WebSocket URL. */
export async function listen(app: App): Promise<string> {
  if (!app.server.listening) await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as { port: number };
  return `ws://127.0.0.1:${port}/graphql`;
}

export interface ClientSetup extends Partial<ClientOptions> {
  /** The Origin header of the upgrade, as a browser would send it. */
  origin?: string;
}

/**
 * A graphql-ws client signed in as `as`: a user by the session cookie on the upgrade (as a browser),
 * a token by `authorization` in the connection_init payload. Not lazy: it connects at once.
 */
export function wsClient(url: string | (() => string), as: Caller, setup: ClientSetup = {}): Client {
  const { origin, ...options } = setup;
  const headers: Record<string, string> = as && 'cookie' in as ? { cookie: as.cookie } : {};
  class SignedInWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers, ...(origin ? { origin } : {}) });
    }
  }
  return createClient({
    url: typeof url === 'string' ? url : async () => url(),
    webSocketImpl: SignedInWebSocket,
    lazy: false,
    // Tests look at how connections end; the default would print each close.
    onNonLazyError: () => {},
    retryAttempts: 0,
    connectionParams: as && 'token' in as ? { authorization: `Bearer ${as.token}` } : undefined,
    ...options,
  });
}

export interface GraphQLEvent<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Everything one subscription receives, with a way to wait for what a test expects. */
export class Feed<T = Record<string, unknown>> {
  readonly events: GraphQLEvent<T>[] = [];
  error: unknown;
  completed = false;
  private readonly waiting = new Set<() => void>();
  readonly stop: () => void;

  constructor(client: Client, query: string, variables?: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (event) => this.note(() => this.events.push(event as GraphQLEvent<T>)),
        error: (error) => this.note(() => (this.error = error)),
        complete: () => this.note(() => (this.completed = true)),
      },
    );
  }

  private note(change: () => void): void {
    change();
    for (const wake of this.waiting) wake();
  }

  /** The data of every event so far. */
  get data(): T[] {
    return this.events.flatMap((event) => (event.data ? [event.data] : []));
  }

  /**
   * The GraphQL error codes received: a refused subscribe ends with an error message (from graphql-ws)
   * or a result carrying errors (from execution), depending on where it was refused.
   */
  get errorCodes(): string[] {
    const fromEvents = this.events.flatMap((event) => event.errors ?? []);
    const fromError = Array.isArray(this.error) ? (this.error as GraphQLEvent<T>['errors'] & object) : [];
    return [...fromEvents, ...fromError].map((error) => String(error.extensions?.code ?? error.message));
  }

  /** Waits for an event whose data matches (one already received counts), and returns that data. */
  until(matches: (data: T) => boolean, timeoutMs = 5000, what = 'an event'): Promise<T> {
    return this.waitForData(matches, 0, timeoutMs, what);
  }

  /** Waits for a matching event received from now on. */
  next(matches: (data: T) => boolean = () => true, timeoutMs = 5000, what = 'a new event'): Promise<T> {
    return this.waitForData(matches, this.data.length, timeoutMs, what);
  }

  private async waitForData(matches: (data: T) => boolean, from: number, timeoutMs: number, what: string): Promise<T> {
    const found = () => this.data.slice(from).find(matches);
    await this.waitFor(() => found() !== undefined || this.error !== undefined || this.completed, timeoutMs, what);
    const event = found();
    if (event === undefined) throw new Error(`${what}: the subscription ended first (${JSON.stringify(this.error ?? this.events)})`);
    return event;
  }

  /** Waits until the subscription ends, with an error or complete. */
  async ended(timeoutMs = 5000): Promise<this> {
    await this.waitFor(() => this.error !== undefined || this.completed, timeoutMs, 'the end of the subscription');
    return this;
  }

  private waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve();
      };
      this.waiting.add(check);
    });
  }
}

/** Resolves with the close event of the client's socket (code and reason). */
export function closeOf(client: Client): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const off = client.on('closed', (event) => {
      off();
      const { code, reason } = event as { code: number; reason: unknown };
      resolve({ code, reason: String(reason) });
    });
  });
}

/** A query or mutation over HTTP to a listening server (http://host:port), as `as`. */
export async function httpGraphQL<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  as?: Caller,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(`${baseUrl.replace(/^ws/, 'http').replace(/\/graphql$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(as) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}
