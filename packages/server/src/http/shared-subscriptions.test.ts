import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { createTestApp, type TestApp } from '../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../test-support/fixtures.js';
import { votingScene } from '../test-support/deliberation-fixtures.js';

const tally = 'subscription ($windowId: ID!) { tally(windowId: $windowId) { voterCount lines { support } } }';
const castVote = 'mutation ($proposalId: ID!) { castVote(proposalId: $proposalId, choice: SUPPORT) { __typename } }';

interface Snapshot {
  voterCount: number;
  lines: { support: number }[] | null;
}

// Subscribers of one tally with the same standing share one execution per event (shared-subscriptions.ts);
// each must still get exactly what it alone would have got.
describe('shared subscription hubs', () => {
  let t: TestApp;
  let world: World;
  let windowId: string;
  let proposalId: string;
  const clients: Client[] = [];
  const voters: TestUser[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    for (let i = 0; i < 4; i++) voters.push(await createUser(t.db, { communityId: world.community.id }));
    // Hidden tallies: residents see the count of voters but not the lines until the window closes.
    const scene = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, talliesHidden: true });
    windowId = encodeGlobalID('VotingWindow', scene.window.id);
    proposalId = encodeGlobalID('Proposal', scene.proposals[0]!.id);
    await new Promise<void>((resolve) => t.app.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  function watch(user: TestUser) {
    const { port } = t.app.server.address() as { port: number };
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: user.cookie } });
        }
      },
    });
    clients.push(client);
    const seen: Snapshot[] = [];
    const stop = client.subscribe<{ tally: Snapshot }>({ query: tally, variables: { windowId } }, {
      next: (result) => result.data && seen.push(result.data.tally),
      error: () => {},
      complete: () => {},
    });
    return { seen, stop };
  }

  const until = async (check: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(check()).toBe(true);
  };
  const vote = async (voter: TestUser) => {
    const result = await t.gql<{ castVote: { __typename: string } }>(castVote, { proposalId }, voter);
    expect(result.data?.castVote.__typename).toBe('CastVoteSuccess');
  };

  it('gives residents and cadres each their own view of every event', async () => {
    const residents = [watch(world.resident), watch(world.resident2)];
    const cadre = watch(world.cadre);
    await until(() => [...residents, cadre].every((watcher) => watcher.seen.length === 1));
    await vote(voters[0]!);
    await until(() => [...residents, cadre].every((watcher) => watcher.seen.at(-1)?.voterCount === 1));
    for (const resident of residents) expect(resident.seen.at(-1)).toEqual({ voterCount: 1, lines: null });
    expect(cadre.seen.at(-1)).toEqual({ voterCount: 1, lines: [{ support: 1 }] });
    for (const watcher of [...residents, cadre]) watcher.stop();
  });

  it('starts a follower with its own current snapshot, and keeps it going after the first subscriber leaves', async () => {
    const first = watch(world.resident);
    await until(() => first.seen.length === 1);
    await vote(voters[1]!);
    await until(() => first.seen.at(-1)?.voterCount === 2);
    const follower = watch(world.resident2);
    await until(() => follower.seen.length === 1);
    expect(follower.seen[0]!.voterCount).toBe(2);
    first.stop();
    await vote(voters[2]!);
    await until(() => follower.seen.at(-1)?.voterCount === 3);
    expect(first.seen.at(-1)?.voterCount).toBe(2);
    follower.stop();
    // With everyone gone, a new subscriber starts afresh and still hears the next vote.
    const later = watch(world.resident);
    await until(() => later.seen.at(-1)?.voterCount === 3);
    await vote(voters[3]!);
    await until(() => later.seen.at(-1)?.voterCount === 4);
    later.stop();
  });
});
