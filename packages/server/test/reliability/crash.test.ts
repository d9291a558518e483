// kill -9 in the middle of a burst of votes, then a restart on the same database: every vote a client
// was told about is there, the tallies the server reports are the COUNT(*) of the rows, and a client
// that was subscribed to the tally reconnects by itself and ends up with those same counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { createUser, createWorld, type TestUser } from '../../src/test-support/fixtures.js';
import { votingScene } from '../../src/test-support/deliberation-fixtures.js';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { gql, liveClient, seed, sleep } from './support.js';

const choices = ['SUPPORT', 'OPPOSE', 'ABSTAIN'] as const;
const castVote = 'mutation ($proposalId: ID!, $choice: VoteChoice!) { castVote(proposalId: $proposalId, choice: $choice) { __typename } }';
const tallySubscription = 'subscription ($windowId: ID!) { tally(windowId: $windowId) { version voterCount lines { proposalId support oppose abstain } } }';
const tallyQuery = 'query ($id: ID!) { concern(id: $id) { votingWindow { tally { voterCount lines { proposalId support oppose abstain } } } } }';

interface Line {
  proposalId: string;
  support: number;
  oppose: number;
  abstain: number;
}

describe('kill -9 during a burst of votes', () => {
  let dir: string;
  let databaseUrl: string;
  let server: ServerProcess;
  let voters: TestUser[];
  let proposalIds: number[];
  let concernId: number;
  let windowId: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yishi-crash-'));
    databaseUrl = `file:${path.join(dir, 'crash.db')}`;
    await applyMigrations(databaseUrl);
    ({ voters, proposalIds, concernId, windowId } = await seed(databaseUrl, async (db) => {
      const world = await createWorld(db);
      const members: TestUser[] = [world.resident, world.resident2, world.cadre, world.admin];
      for (let i = 0; i < 36; i++) members.push(await createUser(db, { communityId: world.community.id }));
      const scene = await votingScene(db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, proposals: 3 });
      return { voters: members, proposalIds: scene.proposals.map((p) => p.id), concernId: scene.concern.id, windowId: scene.window.id };
    }));
    server = await startServerProcess({ DATABASE_URL: databaseUrl, DEMO_SEED: 'off', RATE_LIMIT_SCALE: '1000' });
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged vote, counts the rows, and resyncs subscribers', async () => {
    const subscriber = liveClient(server.url, voters[0]!.cookie);
    const snapshots: { voterCount: number; lines: Line[] }[] = [];
    const stopListening = subscriber.subscribe<{ tally: { voterCount: number; lines: Line[] } }>(
      { query: tallySubscription, variables: { windowId: encodeGlobalID('VotingWindow', windowId) } },
      { next: (result) => result.data && snapshots.push(result.data.tally), error: () => {}, complete: () => {} },
    );
    try {
      while (snapshots.length === 0) await sleep(50);

      // Each voter votes on every proposal in turn, all voters at once; the server dies partway.
      const acknowledged: { voterId: number; proposalId: number; choice: string }[] = [];
      let failed = 0;
      const { port, url } = server;
      const burst = voters.map(async (voter, v) => {
        for (let round = 0; round < 6; round++) {
          const proposalId = proposalIds[(v + round) % proposalIds.length]!;
          const choice = choices[(v + round) % choices.length]!;
          const answer = await gql(url, castVote, { proposalId: encodeGlobalID('Proposal', proposalId), choice }, voter.cookie);
          if (answer.status === 200 && (answer.body?.data?.castVote as { __typename?: string })?.__typename === 'CastVoteSuccess') {
            // A later vote on the same proposal replaces this one; keep the last acknowledged choice.
            const at = acknowledged.findIndex((vote) => vote.voterId === voter.id && vote.proposalId === proposalId);
            if (at >= 0) acknowledged.splice(at, 1);
            acknowledged.push({ voterId: voter.id, proposalId, choice });
          } else failed++;
        }
      });
      while (acknowledged.length < 40) await sleep(5);
      server.child.kill('SIGKILL');
      await Promise.all(burst);
      expect(await server.exited).toBe('SIGKILL');
      expect(failed, 'the kill came in the middle of the burst').toBeGreaterThan(0);

      server = await startServerProcess({ DATABASE_URL: databaseUrl, DEMO_SEED: 'off', RATE_LIMIT_SCALE: '1000' }, { port });

      const rows = await seed(databaseUrl, (db) => db.vote.findMany({ where: { windowId }, select: { voterId: true, proposalId: true, choice: true } }));
      for (const vote of acknowledged) {
        expect(rows.find((row) => row.voterId === vote.voterId && row.proposalId === vote.proposalId)?.choice, JSON.stringify(vote)).toBe(vote.choice);
      }

      // The counts by proposal and choice, straight from the rows.
      const counted = await seed(databaseUrl, (db) =>
        db.$queryRaw<{ proposalId: number; choice: string; n: number | bigint }[]>`
          SELECT "proposalId", "choice", COUNT(*) AS n FROM "Vote" WHERE "windowId" = ${windowId} GROUP BY "proposalId", "choice"`,
      );
      const expected: Line[] = proposalIds.map((id) => {
        const n = (choice: string) => Number(counted.find((row) => row.proposalId === id && row.choice === choice)?.n ?? 0);
        return { proposalId: encodeGlobalID('Proposal', id), support: n('SUPPORT'), oppose: n('OPPOSE'), abstain: n('ABSTAIN') };
      });
      const voterCount = new Set(rows.map((row) => row.voterId)).size;

      const read = await gql(server.url, tallyQuery, { id: encodeGlobalID('Concern', concernId) }, voters[1]!.cookie);
      const tally = (read.body?.data?.concern as { votingWindow: { tally: { voterCount: number; lines: Line[] } } }).votingWindow.tally;
      expect(tally.lines).toEqual(expected);
      expect(tally.voterCount).toBe(voterCount);

      // The subscriber came back by itself and holds the same counts.
      const deadline = Date.now() + 20_000;
      const latest = () => snapshots[snapshots.length - 1]!;
      while (Date.now() < deadline && JSON.stringify(latest().lines) !== JSON.stringify(expected)) await sleep(100);
      expect(latest().lines).toEqual(expected);
      expect(latest().voterCount).toBe(voterCount);
    } finally {
      stopListening();
      await subscriber.dispose();
    }
  });
});
