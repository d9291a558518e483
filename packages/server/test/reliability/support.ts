// Helpers of the reliability tests: the machine's PostgreSQL and Redis, which some tests stop and start
// (always restored, and only for seconds, since other suites use them too), and small HTTP helpers.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { openDatabase, type Db } from '../../src/db/client.js';

const pgVersion = () => readdirSync('/etc/postgresql')[0]!;
const pgctl = (action: 'start' | 'stop') =>
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', pgVersion(), 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { stdio: 'ignore' });

export const postgresReady = () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;
export const redisReady = () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';

async function waitFor(ready: () => boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what} did not come back`);
    await sleep(100);
  }
}

export const postgres = {
  stop: () => pgctl('stop'),
  async start() {
    if (!postgresReady()) pgctl('start');
    await waitFor(postgresReady, 'PostgreSQL');
  },
};

export const redis = {
  stop: () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave'], { stdio: 'ignore' }),
  async start() {
    if (!redisReady()) execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(redisReady, 'Redis');
  },
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  status: number;
  ms: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  text: string;
  /** Set when no HTTP answer came at all (connection refused or reset). */
  networkError?: string;
}

/** POSTs a GraphQL operation; never throws, so load loops can record every outcome. */
export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie, 'x-yishi-csrf': '1' } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, ms: performance.now() - started, body, text };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: null, text: '', networkError: (error as Error).message };
  }
}

/** Opens a database, runs `seed` on it and closes it again, e.g. before a server process takes it over. */
export async function seed<T>(databaseUrl: string, run: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseUrl);
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

export interface RawSocket {
  ws: WebSocket;
  /** The next message from the server, parsed. */
  next(timeoutMs?: number): Promise<{ type: string; id?: string; payload?: unknown }>;
  send(message: unknown): void;
  /** Resolves with the close code and reason once the socket is closed. */
  closed: Promise<{ code: number; reason: string }>;
}

/** A graphql-transport-ws connection spoken by hand, so a test can break the protocol on purpose. */
export function rawSocket(httpUrl: string, cookie?: string): Promise<RawSocket> {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: cookie ? { cookie } : {} });
  const queue: { type: string; id?: string; payload?: unknown }[] = [];
  const waiting: ((message: { type: string }) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string };
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        closed,
        send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
        next: (timeoutMs = 10_000) =>
          queue.length
            ? Promise.resolve(queue.shift()!)
            : new Promise((resolveNext, rejectNext) => {
                const timer = setTimeout(() => rejectNext(new Error('no message in time')), timeoutMs);
                waiting.push((message) => {
                  clearTimeout(timer);
                  resolveNext(message);
                });
              }),
      }),
    );
  });
}

/** A graphql-ws client as a browser tab would be: signed in by cookie, reconnecting whenever it drops. */
export function liveClient(httpUrl: string, cookie: string): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
      }
    },
    retryAttempts: 1000,
    shouldRetry: () => true,
    retryWait: async () => {
      await sleep(200);
    },
  });
}
