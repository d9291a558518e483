// Subscriptions across real server processes: two processes sharing PostgreSQL and Redis, one process
// alone with events in memory, and a restart under SIGTERM that clients ride out.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { openDatabase } from '../src/db/client.js';
import { createThrowawayDatabase, defaultPgAdminUrl, dropDatabase } from '../src/db/pg-admin.js';
import { createWorld, type World } from '../src/test-support/fixtures.js';
import { createConcern, createLiveSession } from '../src/test-support/domain-fixtures.js';
import { startServerProcess, type ServerProcess } from '../src/test-support/server-process.js';
import { Feed, closeOf, httpGraphQL, wsClient } from '../src/test-support/live-clients.js';

const HANDS = 'subscription ($id: ID!) { hands(sessionId: $id) { hands { displayName status } } }';
const SESSION = 'subscription ($id: ID!) { session(sessionId: $id) { status version } }';
const RAISE = 'mutation ($id: ID!) { raiseHand(sessionId: $id) { __typename } }';

type Hands = { hands: { hands: { displayName: string; status: string }[] } };

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(env: Record<string, string>, options: { port?: number } = {}) {
  const server = await startServerProcess({ DEMO_SEED: 'off', ...env }, options);
  running.push(server);
  return { ...server, ws: server.url.replace('http', 'ws') + '/graphql' };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** A world and a live session, written straight to the database the processes serve. */
async function scene(databaseUrl: string): Promise<{ world: World; sessionId: string }> {
  const { db, close } = await openDatabase(databaseUrl);
  try {
    const world = await createWorld(db, { isPublic: false });
    const concern = await createConcern(db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED' });
    const session = await createLiveSession(db, { community: world.community, chairIds: [world.cadre.id], concernIds: [concern.id], status: 'LIVE' });
    return { world, sessionId: encodeGlobalID('LiveSession', session.id) };
  } finally {
    // A server that starts next migrates first, and SQLite's schema engine wants the file to itself.
    await close();
  }
}

function scratchSqlite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yishi-live-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return `file:${path.join(dir, 'yishi.db')}`;
}

describe('events across server processes', () => {
  it('with PostgreSQL and Redis shared, a subscriber on process A hears within 1 s what is done through process B', async () => {
    const databaseUrl = await createThrowawayDatabase(defaultPgAdminUrl, 'yishi_live');
    cleanups.push(() => dropDatabase(defaultPgAdminUrl, databaseUrl));
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: 'redis://127.0.0.1:6379' };
    const a = await start(env); // migrates the empty database
    const b = await start({ ...env, AUTO_MIGRATE: 'false' });
    const { world, sessionId } = await scene(databaseUrl);

    const onA = wsClient(a.ws, world.resident2);
    cleanups.push(() => onA.dispose());
    const queue = new Feed<Hands>(onA, HANDS, { id: sessionId });
    await queue.until((data) => data.hands.hands.length === 0);

    const heard = queue.next((data) => data.hands.hands[0]?.displayName === world.resident.displayName, 1000);
    const sent = Date.now();
    expect(await httpGraphQL(b.url, RAISE, { id: sessionId }, world.resident)).toEqual({ data: { raiseHand: { __typename: 'RaiseHandSuccess' } } });
    await heard;
    expect(Date.now() - sent).toBeLessThan(1000);
  });

  it('without Redis, one process alone serves its own events to its subscribers', async () => {
    const databaseUrl = scratchSqlite();
    const server = await start({ DATABASE_URL: databaseUrl });
    const { world, sessionId } = await scene(databaseUrl);
    const client = wsClient(server.ws, world.resident2);
    cleanups.push(() => client.dispose());
    const queue = new Feed<Hands>(client, HANDS, { id: sessionId });
    await queue.until((data) => data.hands.hands.length === 0);
    expect(server.output()).toContain('events: memory');
    const heard = queue.next((data) => data.hands.hands[0]?.status === 'WAITING', 1000);
    await httpGraphQL(server.url, RAISE, { id: sessionId }, world.resident);
    await heard;
  });

  it('on SIGTERM closes clients with 1001 and exits 0; the clients retry and are served by the restarted server', async () => {
    const databaseUrl = scratchSqlite();
    const first = await start({ DATABASE_URL: databaseUrl });
    const { world, sessionId } = await scene(databaseUrl);
    // Retrying as the web client does: on any failure, for as long as it takes (here: up to 30 s).
    const client = wsClient(first.ws, world.resident, {
      retryAttempts: 150,
      shouldRetry: () => true,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
    });
    cleanups.push(() => client.dispose());
    const room = new Feed<{ session: { status: string } }>(client, SESSION, { id: sessionId });
    await room.until((data) => data.session.status === 'LIVE');

    const closed = closeOf(client);
    expect(await stop(first)).toBe(0);
    expect((await closed).code).toBe(1001);
    expect(first.output()).toContain('SIGTERM');

    // graphql-ws reconnects and subscribes again by itself; the room answers with its current state.
    const back = room.next((data) => data.session.status === 'LIVE', 20_000, 'the room after the restart');
    const second = await start({ DATABASE_URL: databaseUrl, AUTO_MIGRATE: 'false' }, { port: first.port });
    await back;
    expect(room.error).toBeUndefined();
    const ended = room.next((data) => data.session.status === 'ENDED');
    await httpGraphQL(second.url, 'mutation ($id: ID!) { endSession(sessionId: $id) { __typename } }', { id: sessionId }, world.cadre);
    await ended;
    await client.dispose();
    expect(await stop(second)).toBe(0);
  });
});
