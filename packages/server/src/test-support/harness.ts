import { buildApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import type { Clock } from '../context.js';
import { openDatabase, type Db } from '../db/client.js';
import type { Provider } from '../db/schema-source.js';
import { freshDatabase } from './databases.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestAppOptions {
  provider?: Provider;
  clock?: Clock;
  env?: Record<string, string>;
  /** Multiplies the rate limits; the default lifts them out of the way of tests about other things. */
  rateLimitScale?: number;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  headers: Headers;
}

/** Who sends a request: nobody (anonymous), a signed-in user (by cookie), or an API token. */
export type Caller = undefined | { cookie: string } | { token: string };

export interface TestApp {
  app: App;
  db: Db;
  provider: Provider;
  /** Every SQL statement run since the last `queries.length = 0`. */
  queries: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResult<T>>;
  fetch(pathname: string, init?: RequestInit, as?: Caller): Promise<Response>;
  close(): Promise<void>;
}

export function callerHeaders(as: Caller): Record<string, string> {
  if (!as) return {};
  if ('token' in as) return { authorization: `Bearer ${as.token}` };
  return { cookie: as.cookie, 'x-yishi-csrf': '1' };
}

/** A whole server, in process, on a fresh database of the given kind. Requests go through yoga.fetch. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const provider = options.provider ?? 'sqlite';
  const database = await freshDatabase(provider);
  const uploads = mkdtempSync(path.join(tmpdir(), 'yishi-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    // Unexpected errors are masked for clients; the log is where a failing test shows why.
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    UPLOAD_DIR: uploads,
    WEB_DIST: path.join(uploads, 'no-web-build'),
    SCHEDULER: 'false',
    ...options.env,
  });
  const queries: string[] = [];
  const opened = await openDatabase(database.url, { poolSize: 5, onQuery: (sql) => queries.push(sql) });
  const app = await buildApp(config, {
    database: opened,
    ...(options.clock ? { clock: options.clock } : {}),
    rateLimitScale: options.rateLimitScale ?? 1000,
  });

  const fetchPath = (pathname: string, init: RequestInit = {}, as?: Caller) =>
    app.yoga.fetch(`http://localhost${pathname}`, {
      ...init,
      headers: { ...callerHeaders(as), ...(init.headers as Record<string, string>) },
    });

  return {
    app,
    db: opened.db,
    provider,
    queries,
    fetch: async (pathname, init, as) => {
      // Non-GraphQL routes are served by the node server; start it on demand.
      if (!app.server.listening) await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
      const address = app.server.address() as { port: number };
      return fetch(`http://127.0.0.1:${address.port}${pathname}`, {
        ...init,
        headers: { ...callerHeaders(as), ...(init?.headers as Record<string, string>) },
      });
    },
    async gql<T>(query: string, variables?: Record<string, unknown>, as?: Caller) {
      const response = await fetchPath(
        '/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) },
        as,
      );
      const body = (await response.json()) as Omit<GraphQLResult<T>, 'status' | 'headers'>;
      return { ...body, status: response.status, headers: response.headers };
    },
    async close() {
      await app.close();
      await opened.close();
      await database.drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/** A clock tests can move. */
export function testClock(start = new Date('2026-11-28T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
