// Subscriptions across real server processes: two processes sharing PostgreSQL and Redis, one process
// alone with events in memory, and a restart under SIGTERM that clients ride out.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { openDatabase } from '../src/db/client.js';
import { createThrowawayDatabase, defaultPgAdminUrl, dropDatabase } from '../src/db/pg-admin.js';
import { createWorld } from '../src/test-support/fixtures.js';
import { createConcern, createLiveSession } from '../src/test-support/domain-fixtures.js';
import { votingScene } from '../src/test-support/deliberation-fixtures.js';
import { startServerProcess, type ServerProcess } from '../src/test-support/server-process.js';
import { Feed, closeOf, httpGraphQL, wsClient } from '../src/test-support/live-clients.js';

const TALLY = 'subscription ($id: ID!) { tally(windowId: $id) { voterCount lines { support oppose abstain } } }';
const SESSION = 'subscription ($id: ID!) { session(sessionId: $id) { status version } }';
const VOTE = 'mutation ($id: ID!) { castVote(proposalId: $id, choice: SUPPORT) { __typename } }';

type Tally = { tally: { voterCount: number; lines: { support: number }[] } };

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

/** A world, a live session and an open vote, written straight to the database the processes serve. */
async function scene(databaseUrl: string) {
  const { db, close } = await openDatabase(databaseUrl);
  try {
    const world = await createWorld(db, { isPublic: false });
    const concern = await createConcern(db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED' });
    const session = await createLiveSession(db, { community: world.community, chairIds: [world.cadre.id], concernIds: [concern.id], status: 'LIVE' });
    const vote = await votingScene(db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
    return {
      world,
      sessionId: encodeGlobalID('LiveSession', session.id),
      windowId: encodeGlobalID('VotingWindow', vote.window.id),
      proposalId: encodeGlobalID('Proposal', vote.proposals[0]!.id),
    };
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

// Each test starts real processes (a few seconds each, more on a busy machine).
describe('events across server processes', { timeout: 120_000 }, () => {
  it('with PostgreSQL and Redis shared, a subscriber on process A hears within 1 s what is done through process B', async () => {
    const databaseUrl = await createThrowawayDatabase(defaultPgAdminUrl, 'yishi_live');
    cleanups.push(() => dropDatabase(defaultPgAdminUrl, databaseUrl));
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: 'redis://127.0.0.1:6379' };
    const a = await start(env); // migrates the empty database
    const b = await start({ ...env, AUTO_MIGRATE: 'false' });
    const { world, windowId, proposalId } = await scene(databaseUrl);

    const onA = wsClient(a.ws, world.resident2);
    cleanups.push(() => onA.dispose());
    const tally = new Feed<Tally>(onA, TALLY, { id: windowId });
    await tally.until((data) => data.tally.voterCount === 0);

    const heard = tally.next((data) => data.tally.voterCount === 1 && data.tally.lines[0]?.support === 1, 10_000).then(() => Date.now());
    expect(await httpGraphQL(b.url, VOTE, { id: proposalId }, world.resident)).toEqual({ data: { castVote: { __typename: 'CastVoteSuccess' } } });
    // From the moment B answered "cast" (the vote committed) to A's subscriber holding it; often it is there first.
    const cast = Date.now();
    expect((await heard) - cast).toBeLessThan(1000);
  });

  it('without Redis, one process alone serves its own events to its subscribers', async () => {
    const databaseUrl = scratchSqlite();
    const server = await start({ DATABASE_URL: databaseUrl });
    const { world, windowId, proposalId } = await scene(databaseUrl);
    const client = wsClient(server.ws, world.resident2);
    cleanups.push(() => client.dispose());
    const tally = new Feed<Tally>(client, TALLY, { id: windowId });
    await tally.until((data) => data.tally.voterCount === 0);
    expect(server.output()).toContain('events: memory');
    const heard = tally.next((data) => data.tally.voterCount === 1, 1000);
    expect(await httpGraphQL(server.url, VOTE, { id: proposalId }, world.resident)).toEqual({ data: { castVote: { __typename: 'CastVoteSuccess' } } });
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
