import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../src/test-support/databases.js';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { createWorld, type World } from '../../src/test-support/fixtures.js';
import { createConcern } from '../../src/test-support/domain-fixtures.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { gql, postgres, seed, sleep, type Answer } from './support.js';

const board = `query ($id: ID!) { concerns(communityId: $id, first: 20) { edges { node { title secondCount reporter { displayName } } } } }`;

describe('PostgreSQL restart under load', () => {
  let database: TestDatabase;
  let world: World;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await freshDatabase('postgresql');
    world = await seed(database.url, async (db) => {
      const cast = await createWorld(db);
      for (let i = 0; i < 5; i++) await createConcern(db, { community: cast.community, reporterId: cast.resident.id });
      return cast;
    });
    server = await startServerProcess({ DATABASE_URL: database.url, DEMO_SEED: 'off', RATE_LIMIT_SCALE: '1000', SCHEDULER_INTERVAL_MS: '500' });
  });

  afterAll(async () => {
    await postgres.start();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  it('keeps the process up, fails fast with a clear error while it is down, and recovers by itself', async () => {
    const variables = { id: encodeGlobalID('Community', world.community.id) };
    for (let i = 0; i < 10; i++) await gql(server.url, board, variables, world.resident.cookie);
    type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';
    let phase: Phase = 'before';
    const answers: (Answer & { phase: Phase; endPhase: Phase })[] = [];
    let loading = true;
    // Signed-in members (the session lookup hits the database first) and anonymous visitors.
    const loop = async (cookie?: string) => {
      while (loading) {
        const sentIn = phase;
        const answer = await gql(server.url, board, variables, cookie);
        answers.push({ ...answer, phase: sentIn, endPhase: phase });
        await sleep(20);
      }
    };
    const loops = [world.resident.cookie, world.cadre.cookie, undefined, undefined].map(loop);
    try {
      await sleep(1500);
      phase = 'stopping';
      postgres.stop();
      phase = 'down';
      await sleep(3000);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', database: 'down' });
      phase = 'starting';
    } finally {
      await postgres.start();
    }
    phase = 'after';
    // Recovery without any restart of ours: wait for a run of successes.
    const deadline = Date.now() + 20_000;
    const ok = (answer: Answer) => answer.status === 200 && !answer.body?.errors && Array.isArray((answer.body?.data?.concerns as { edges?: unknown[] })?.edges);
    while (Date.now() < deadline) {
      const recent = answers.filter((answer) => answer.phase === 'after').slice(-20);
      if (recent.length === 20 && recent.every(ok)) break;
      await sleep(200);
    }
    loading = false;
    await Promise.all(loops);

    expect(server.child.exitCode).toBeNull();
    const before = answers.filter((answer) => answer.phase === 'before');
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((answer) => !ok(answer))).toEqual([]);

    // Sent and answered while the database was down: each one fast, a 503 that says why.
    const down = answers.filter((answer) => answer.phase === 'down' && answer.endPhase === 'down');
    expect(down.length).toBeGreaterThan(20);
    for (const answer of down) {
      expect(answer.status, answer.text).toBe(503);
      expect(answer.body?.errors?.[0]).toMatchObject({
        message: 'The database is unavailable. Try again in a few seconds.',
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      });
      expect(answer.ms).toBeLessThan(1000);
    }

    const after = answers.filter((answer) => answer.phase === 'after').slice(-20);
    expect(after.filter((answer) => !ok(answer))).toEqual([]);
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
