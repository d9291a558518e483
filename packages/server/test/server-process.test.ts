import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runServerExpectingFailure, startServerProcess } from '../src/test-support/server-process.js';
import { openDatabase } from '../src/db/client.js';
import { demoAccounts } from '../src/db/seed.js';
import { sha256 } from '../src/security/secrets.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function scratchDatabase(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yishi-process-'));
  dirs.push(dir);
  return `file:${path.join(dir, 'yishi.db')}`;
}

describe('the server process', () => {
  it.each([
    ['PORT', 'not-a-port'],
    ['DATABASE_URL', 'mysql://localhost/yishi'],
    ['REDIS_URL', 'localhost:6379'],
  ])('exits non-zero with one line naming %s when it is bad', async (variable, value) => {
    const { code, output } = await runServerExpectingFailure({ [variable]: value });
    expect(code).not.toBe(0);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });

  it('starts on an empty database: migrates, loads the demo data, answers /health and GraphQL', async () => {
    const server = await startServerProcess({ DATABASE_URL: scratchDatabase(), DEMO_SEED: 'auto' });
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'up', databaseProvider: 'sqlite' });
      const typename = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await typename.json()).toEqual({ data: { __typename: 'Query' } });
      const communities = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ communities { slug } }' }),
      });
      expect(await communities.json()).toEqual({ data: { communities: [{ slug: 'xinhua-lane' }, { slug: 'taoyuan-village' }] } });
      expect(server.output()).toContain('loaded the demo data');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('on SIGTERM during a burst of writes, finishes them, exits 0 and loses no acknowledged write', async () => {
    const databaseUrl = scratchDatabase();
    const server = await startServerProcess({ DATABASE_URL: databaseUrl, DEMO_SEED: 'auto', RATE_LIMIT_SCALE: '1000' });
    const account = demoAccounts.find((a) => a.login === 'resident')!;
    // Each acknowledged logIn has committed a login session; the cookie names it.
    const acknowledged: string[] = [];
    let refused = 0;
    const logIn = async () => {
      try {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
            variables: { input: { login: account.login, password: account.password } },
          }),
        });
        const body = (await response.json()) as { data?: { logIn?: { __typename: string } } };
        const cookie = response.headers.get('set-cookie')?.match(/yishi_session=([^;]+)/)?.[1];
        if (body.data?.logIn?.__typename === 'LogInSuccess' && cookie) acknowledged.push(cookie);
      } catch {
        refused++; // connection refused after the listener closed: never acknowledged, so nothing to lose
      }
    };
    const burst = Array.from({ length: 40 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * 5)).then(logIn));
    await new Promise((resolve) => setTimeout(resolve, 60));
    server.child.kill('SIGTERM');
    await Promise.all(burst);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM');
    expect(acknowledged.length).toBeGreaterThan(0);
    const { db, close } = await openDatabase(databaseUrl);
    try {
      const stored = await db.authSession.count({ where: { tokenHash: { in: acknowledged.map((token) => sha256(decodeURIComponent(token))) } } });
      expect(stored).toBe(acknowledged.length);
    } finally {
      await close();
    }
    // Every request was either served in full or never reached a closing server: none got an error answer.
    expect(acknowledged.length + refused).toBe(40);
  });
});
