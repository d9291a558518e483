// Two server processes share events through Redis. Redis is shut down and started again: neither process
// crashes, votes are still taken while it is away, and a subscriber on one process receives tallies of
// votes cast on the other once Redis is back, without reconnecting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { createUser, createWorld, type TestUser } from '../../src/test-support/fixtures.js';
import { votingScene } from '../../src/test-support/deliberation-fixtures.js';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { gql, liveClient, redis, seed, sleep } from './support.js';

const castVote = 'mutation ($proposalId: ID!, $choice: VoteChoice!) { castVote(proposalId: $proposalId, choice: $choice) { __typename } }';
const tallySubscription = 'subscription ($windowId: ID!) { tally(windowId: $windowId) { version voterCount } }';

describe('Redis restart', () => {
  let dir: string;
  const servers: ServerProcess[] = [];
  let voters: TestUser[];
  let proposalId: string;
  let windowId: string;

  beforeAll(async () => {
    await redis.start();
    dir = mkdtempSync(path.join(tmpdir(), 'yishi-redis-'));
    const databaseUrl = `file:${path.join(dir, 'redis.db')}`;
    await applyMigrations(databaseUrl);
    ({ voters, proposalId, windowId } = await seed(databaseUrl, async (db) => {
      const world = await createWorld(db);
      const members: TestUser[] = [world.resident, world.resident2, world.cadre, world.admin];
      for (let i = 0; i < 6; i++) members.push(await createUser(db, { communityId: world.community.id }));
      const scene = await votingScene(db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
      return { voters: members, proposalId: encodeGlobalID('Proposal', scene.proposals[0]!.id), windowId: encodeGlobalID('VotingWindow', scene.window.id) };
    }));
    const env = { DATABASE_URL: databaseUrl, AUTO_MIGRATE: 'false', DEMO_SEED: 'off', RATE_LIMIT_SCALE: '1000', REDIS_URL: 'redis://127.0.0.1:6379', SCHEDULER: 'false' };
    servers.push(await startServerProcess(env), await startServerProcess(env));
  });

  afterAll(async () => {
    await redis.start();
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps both processes up and delivers across them again once Redis is back', async () => {
    const [voting, watching] = servers as [ServerProcess, ServerProcess];
    const subscriber = liveClient(watching.url, voters[0]!.cookie);
    const seen: number[] = [];
    const stopListening = subscriber.subscribe<{ tally: { voterCount: number } }>(
      { query: tallySubscription, variables: { windowId } },
      { next: (result) => result.data && seen.push(result.data.tally.voterCount), error: () => {}, complete: () => {} },
    );
    const vote = async (voter: TestUser) => {
      const answer = await gql(voting.url, castVote, { proposalId, choice: 'SUPPORT' }, voter.cookie);
      return (answer.body?.data?.castVote as { __typename?: string } | undefined)?.__typename;
    };
    const waitToSee = async (voterCount: number, ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && !seen.includes(voterCount)) await sleep(50);
      return seen.includes(voterCount);
    };
    try {
      while (seen.length === 0) await sleep(50);
      expect(await vote(voters[1]!)).toBe('CastVoteSuccess');
      expect(await waitToSee(1, 10_000), 'a vote on one process reaches a subscriber on the other').toBe(true);

      try {
        redis.stop();
        await sleep(500);
        // Votes are taken while Redis is away; their tallies just cannot travel yet.
        expect(await vote(voters[2]!)).toBe('CastVoteSuccess');
        await sleep(2000);
      } finally {
        await redis.start();
      }

      // Once Redis is back, the next tally (which counts every vote so far) crosses over again. Until the
      // processes have reconnected, a tally may still be lost, so members go on voting, one a second.
      const deadline = Date.now() + 20_000;
      let voterCount = 2;
      let delivered = false;
      while (!delivered && Date.now() < deadline) {
        if (voterCount + 1 < voters.length) expect(await vote(voters[++voterCount]!)).toBe('CastVoteSuccess');
        delivered = await waitToSee(voterCount, 1000);
      }
      expect(delivered, `saw ${JSON.stringify(seen)}, expected ${voterCount}`).toBe(true);
      for (const server of servers) expect(server.child.exitCode).toBeNull();
      for (const server of servers) expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
    } finally {
      stopListening();
      await subscriber.dispose();
    }
  });
});
