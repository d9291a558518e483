// A live session run end to end with real graphql-ws clients against a listening server: one chair,
// three residents, every phase of every item, proposals, votes, a dropped socket, hidden tallies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { createTestApp, type TestApp } from '../src/test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../src/test-support/fixtures.js';
import { createConcern } from '../src/test-support/domain-fixtures.js';
import { Feed, httpGraphQL, listen, wsClient } from '../src/test-support/live-clients.js';
import { encodeGlobalID } from '@pothos/plugin-relay';

const ROOM = `subscription ($id: ID!) { session(sessionId: $id) { status version currentItem { itemId phase } agenda { itemId phase } } }`;
const ITEM = `subscription ($id: ID!) {
  agendaItem(itemId: $id) {
    phase version proposalIds votingWindowId
    tally { closed voterCount lines { proposalId support oppose abstain } }
  }
}`;
const TALLY = 'subscription ($id: ID!) { tally(windowId: $id) { closed voterCount lines { proposalId support oppose abstain } } }';
const SCHEDULE = `mutation ($input: ScheduleSessionInput!) {
  scheduleSession(input: $input) { __typename ... on ScheduleSessionSuccess { data { id agenda { id } } } }
}`;
const ADVANCE = 'mutation ($id: ID!) { advanceAgendaItem(itemId: $id) { __typename ... on AdvanceAgendaItemSuccess { data { phase } } ... on Error { code message } } }';
const PROPOSE = `mutation ($concernId: ID!, $input: ProposalInput!) {
  createProposal(concernId: $concernId, input: $input) { __typename ... on CreateProposalSuccess { data { id } } ... on Error { message } }
}`;
const VOTE = 'mutation ($id: ID!, $choice: VoteChoice!) { castVote(proposalId: $id, choice: $choice) { __typename ... on Error { message } } }';
const CATCH_UP = `query ($id: ID!) {
  liveSession(id: $id) {
    status
    currentItem { id phase votingWindow { id tally { closed voterCount lines { proposalId support oppose abstain } } } }
  }
}`;

type Line = { proposalId: string; support: number; oppose: number; abstain: number };
type Tally = { closed: boolean; voterCount: number; lines: Line[] | null };
type ItemSnapshot = { agendaItem: { phase: string; version: number; proposalIds: string[]; votingWindowId: string | null; tally: Tally | null } };
type RoomSnapshot = { session: { status: string; currentItem: { itemId: string; phase: string } | null } };

const phases = ['PENDING', 'PROPOSING', 'DISCUSSING', 'VOTING', 'DECIDED'];
/** The phases a feed went through, each once, in the order seen. */
const phasesSeen = (feed: Feed<ItemSnapshot>) =>
  feed.data.map((data) => data.agendaItem.phase).filter((phase, index, all) => index === 0 || all[index - 1] !== phase);

describe('a live session with real clients', () => {
  let t: TestApp;
  let url: string;
  let world: World;
  let chair: TestUser;
  let residents: TestUser[];
  const clients: Client[] = [];
  const connect = (as: TestUser) => {
    const client = wsClient(url, as);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ provider: 'postgresql' });
    world = await createWorld(t.db, { isPublic: false });
    chair = world.cadre;
    residents = [world.resident, world.resident2, await createUser(t.db, { communityId: world.community.id, displayName: '赵大爷' })];
    url = await listen(t.app);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const gql = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as: TestUser) => {
    const result = await httpGraphQL<T>(url, query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const advance = async (itemId: string, to: string) =>
    expect(await gql(ADVANCE, { id: itemId }, chair)).toEqual({ advanceAgendaItem: { __typename: 'AdvanceAgendaItemSuccess', data: { phase: to } } });

  async function schedule(concernTitles: string[], rules: Record<string, unknown> = {}) {
    const concerns = [];
    for (const title of concernTitles) {
      concerns.push(await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED', title }));
    }
    const scheduled = await gql<{ scheduleSession: { data: { id: string; agenda: { id: string }[] } } }>(
      SCHEDULE,
      {
        input: {
          communityId: encodeGlobalID('Community', world.community.id),
          title: '居民议事会',
          scheduledAt: new Date(Date.now() + 60_000).toISOString(),
          rules,
          agenda: concerns.map((concern) => encodeGlobalID('Concern', concern.id)),
        },
      },
      chair,
    );
    const { id, agenda } = scheduled.scheduleSession.data;
    return { sessionId: id, itemIds: agenda.map((item) => item.id), concernIds: concerns.map((c) => encodeGlobalID('Concern', c.id)) };
  }

  async function propose(concernId: string, author: TestUser, title: string): Promise<string> {
    const result = await gql<{ createProposal: { data: { id: string } } }>(PROPOSE, { concernId, input: { title, body: `${title}：具体做法见附件。` } }, author);
    return result.createProposal.data.id;
  }

  async function vote(voter: TestUser, proposalId: string, choice: 'SUPPORT' | 'OPPOSE' | 'ABSTAIN') {
    expect(await gql(VOTE, { id: proposalId, choice }, voter)).toEqual({ castVote: { __typename: 'CastVoteSuccess' } });
  }

  it('runs every item through every phase; everyone sees each phase, the proposals and the final tally; the decisions and minutes are recorded', async () => {
    const { sessionId, itemIds, concernIds } = await schedule(['单元门口乱停车', '楼道灯不亮']);
    const everyone = [chair, ...residents];
    const rooms = everyone.map((user) => new Feed<RoomSnapshot>(connect(user), ROOM, { id: sessionId }));
    const items = itemIds.map((itemId) => everyone.map((user) => new Feed<ItemSnapshot>(connect(user), ITEM, { id: itemId })));
    await Promise.all([...rooms, ...items.flat()].map((feed) => feed.until(() => true)));

    expect(await gql(`mutation ($id: ID!) { startSession(sessionId: $id) { __typename } }`, { id: sessionId }, chair)).toEqual({
      startSession: { __typename: 'StartSessionSuccess' },
    });
    await Promise.all(rooms.map((room) => room.until((data) => data.session.status === 'LIVE')));

    const finals: Tally[] = [];
    for (const [index, itemId] of itemIds.entries()) {
      const feeds = items[index]!;
      await advance(itemId, 'PROPOSING');
      const proposals = [await propose(concernIds[index]!, residents[0]!, '夜间共享停车'), await propose(concernIds[index]!, residents[1]!, '划线限停')];
      // Proposals reach the room as they are made.
      await Promise.all(feeds.map((feed) => feed.until((data) => data.agendaItem.proposalIds.length === 2)));
      await advance(itemId, 'DISCUSSING');
      await advance(itemId, 'VOTING');
      const [shared, lines] = proposals as [string, string];
      await vote(residents[0]!, shared, 'SUPPORT');
      await vote(residents[1]!, shared, 'SUPPORT');
      await vote(residents[2]!, shared, 'OPPOSE');
      await vote(residents[0]!, lines, 'OPPOSE');
      await vote(residents[1]!, lines, 'ABSTAIN');
      await vote(residents[2]!, lines, 'OPPOSE');
      await vote(residents[2]!, shared, 'SUPPORT'); // changed while voting is open
      await advance(itemId, 'DECIDED');

      const decided = await Promise.all(feeds.map((feed) => feed.until((data) => data.agendaItem.phase === 'DECIDED')));
      const expected = {
        closed: true,
        voterCount: 3,
        lines: expect.arrayContaining([
          { proposalId: shared, support: 3, oppose: 0, abstain: 0 },
          { proposalId: lines, support: 0, oppose: 2, abstain: 1 },
        ]),
      };
      for (const snapshot of decided) expect(snapshot.agendaItem.tally).toEqual(expected);
      for (const feed of feeds) expect(phasesSeen(feed)).toEqual(phases);
      finals.push(decided[0]!.agendaItem.tally!);
    }
    // The room followed the item in play through every phase too.
    for (const room of rooms) {
      const seen = room.data.map((data) => data.session.currentItem && `${data.session.currentItem.itemId}:${data.session.currentItem.phase}`);
      for (const itemId of itemIds) for (const phase of phases.slice(1)) expect(seen).toContain(`${itemId}:${phase}`);
    }

    expect(await gql(`mutation ($id: ID!) { endSession(sessionId: $id) { __typename } }`, { id: sessionId }, chair)).toEqual({
      endSession: { __typename: 'EndSessionSuccess' },
    });
    await Promise.all(rooms.map((room) => room.until((data) => data.session.status === 'ENDED')));
    const minutes = await gql<{ liveSession: { minutes: { attendance: number; turnout: object; decisions: { concernId: string; adoptedProposalIds: string[]; quorumMet: boolean }[] } } }>(
      `query ($id: ID!) { liveSession(id: $id) { minutes { attendance turnout { voterCount eligibleCount percent } decisions { concernId adoptedProposalIds quorumMet } } } }`,
      { id: sessionId },
      residents[2]!,
    );
    const eligible = await t.db.membership.count({ where: { communityId: world.community.id, status: 'ACTIVE' } });
    expect(minutes.liveSession.minutes).toEqual({
      attendance: 4,
      turnout: { voterCount: 3, eligibleCount: eligible, percent: Math.round(300 / eligible) },
      decisions: concernIds.map((concernId, index) => ({
        concernId,
        adoptedProposalIds: [finals[index]!.lines!.find((line) => line.support === 3)!.proposalId],
        quorumMet: true,
      })),
    });
    const sessionRow = Number(Buffer.from(sessionId, 'base64').toString().split(':')[1]);
    expect(await t.db.decision.count({ where: { sessionId: sessionRow } })).toBe(2);
  });

  it('a resident whose socket drops during voting catches up on reconnecting and ends with the same final tally', async () => {
    const { sessionId, itemIds, concernIds } = await schedule(['垃圾分类点太远']);
    const [itemId] = itemIds as [string];
    await gql(`mutation ($id: ID!) { startSession(sessionId: $id) { __typename } }`, { id: sessionId }, chair);
    await advance(itemId, 'PROPOSING');
    const proposal = await propose(concernIds[0]!, residents[0]!, '增设临时分类点');
    await advance(itemId, 'DISCUSSING');
    await advance(itemId, 'VOTING');

    const steady = new Feed<ItemSnapshot>(connect(residents[1]!), ITEM, { id: itemId });
    const dropping = connect(residents[0]!);
    const before = new Feed<ItemSnapshot>(dropping, ITEM, { id: itemId });
    await before.until((data) => data.agendaItem.phase === 'VOTING');
    await vote(residents[0]!, proposal, 'SUPPORT');
    dropping.terminate(); // the phone loses its network
    await before.ended();

    // Meanwhile the others vote.
    await vote(residents[1]!, proposal, 'SUPPORT');
    await vote(residents[2]!, proposal, 'OPPOSE');

    // Back: a new connection, a re-query of the room, then the subscriptions again.
    const back = connect(residents[0]!);
    const caughtUp = await gql<{ liveSession: { currentItem: { id: string; phase: string; votingWindow: { id: string; tally: Tally } } } }>(
      CATCH_UP,
      { id: sessionId },
      residents[0]!,
    );
    expect(caughtUp.liveSession.currentItem).toMatchObject({ id: itemId, phase: 'VOTING', votingWindow: { tally: { closed: false, voterCount: 3 } } });
    const after = new Feed<ItemSnapshot>(back, ITEM, { id: itemId });
    const tally = new Feed<{ tally: Tally }>(back, TALLY, { id: caughtUp.liveSession.currentItem.votingWindow.id });
    await after.until((data) => data.agendaItem.phase === 'VOTING');
    await tally.until((data) => data.tally.voterCount === 3);

    await advance(itemId, 'DECIDED');
    const [mine, theirs, finalTally] = await Promise.all([
      after.until((data) => data.agendaItem.phase === 'DECIDED'),
      steady.until((data) => data.agendaItem.phase === 'DECIDED'),
      tally.until((data) => data.tally.closed),
    ]);
    expect(mine.agendaItem.tally).toEqual(theirs.agendaItem.tally);
    expect(mine.agendaItem.tally).toEqual({ closed: true, voterCount: 3, lines: [{ proposalId: proposal, support: 2, oppose: 1, abstain: 0 }] });
    expect(finalTally.tally).toEqual(mine.agendaItem.tally);
  });

  it('hides the counts from residents until the item closes, by query and by subscription alike', async () => {
    const { sessionId, itemIds, concernIds } = await schedule(['电动车楼道充电'], { talliesHidden: true });
    const [itemId] = itemIds as [string];
    await gql(`mutation ($id: ID!) { startSession(sessionId: $id) { __typename } }`, { id: sessionId }, chair);
    await advance(itemId, 'PROPOSING');
    const proposal = await propose(concernIds[0]!, residents[0]!, '集中充电棚');
    await advance(itemId, 'DISCUSSING');
    await advance(itemId, 'VOTING');

    const residentItem = new Feed<ItemSnapshot>(connect(residents[2]!), ITEM, { id: itemId });
    const chairItem = new Feed<ItemSnapshot>(connect(chair), ITEM, { id: itemId });
    const windowId = (await residentItem.until((data) => data.agendaItem.phase === 'VOTING')).agendaItem.votingWindowId!;
    const residentTally = new Feed<{ tally: Tally }>(connect(residents[2]!), TALLY, { id: windowId });
    const chairTally = new Feed<{ tally: Tally }>(connect(chair), TALLY, { id: windowId });
    await vote(residents[0]!, proposal, 'SUPPORT');
    await vote(residents[1]!, proposal, 'OPPOSE');

    await chairTally.until((data) => data.tally.voterCount === 2 && data.tally.lines?.[0]?.support === 1);
    await residentTally.until((data) => data.tally.voterCount === 2);
    expect(residentTally.data.every((data) => data.tally.lines === null)).toBe(true);
    expect(residentItem.data.every((data) => data.agendaItem.tally === null || data.agendaItem.tally.lines === null)).toBe(true);
    expect((await chairItem.until((data) => data.agendaItem.tally !== null)).agendaItem.tally!.lines).not.toBeNull();

    const byQuery = await gql<{ liveSession: { currentItem: { votingWindow: { tally: Tally | null } } } }>(CATCH_UP, { id: sessionId }, residents[2]!);
    expect(byQuery.liveSession.currentItem.votingWindow.tally?.lines ?? null).toBeNull();
    const proposalView = await gql<{ proposal: { tally: Line | null } }>(
      'query ($id: ID!) { proposal(id: $id) { tally { support oppose } } }',
      { id: proposal },
      residents[2]!,
    );
    expect(proposalView.proposal.tally).toBeNull();
    const chairQuery = await gql<{ liveSession: { currentItem: { votingWindow: { tally: Tally } } } }>(CATCH_UP, { id: sessionId }, chair);
    expect(chairQuery.liveSession.currentItem.votingWindow.tally.lines).toEqual([{ proposalId: proposal, support: 1, oppose: 1, abstain: 0 }]);

    await advance(itemId, 'DECIDED');
    const closed = await residentItem.until((data) => data.agendaItem.phase === 'DECIDED');
    expect(closed.agendaItem.tally).toEqual({ closed: true, voterCount: 2, lines: [{ proposalId: proposal, support: 1, oppose: 1, abstain: 0 }] });
    expect((await residentTally.until((data) => data.tally.closed)).tally.lines).toEqual(closed.agendaItem.tally!.lines);
  });
});
