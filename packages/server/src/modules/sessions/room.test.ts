// The room as its members live it, over real WebSocket connections: presence and attendance, hands,
// and the feeds around it (moderation queue, notifications, board).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { createTestApp, testClock, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { createConcern, createLiveSession } from '../../test-support/domain-fixtures.js';
import { deliberationScene } from '../../test-support/deliberation-fixtures.js';
import { providers } from '../../test-support/databases.js';
import { Feed, listen, wsClient } from '../../test-support/live-clients.js';
import { keeperOf, sweepStalePresence } from './room.service.js';

const ROOM = 'subscription ($id: ID!) { session(sessionId: $id) { status version currentItem { phase } } }';
const PRESENCE = 'subscription ($id: ID!) { presence(sessionId: $id) { count version people { displayName } } }';
const HANDS = 'subscription ($id: ID!) { hands(sessionId: $id) { version hands { displayName status } } }';

type Presence = { presence: { count: number; people: { displayName: string }[] | null } };
type Hands = { hands: { hands: { displayName: string; status: string }[] } };

describe.each(providers)('the session room on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let url: string;
  const clock = testClock(new Date());
  const clients: Client[] = [];
  const connect = (as: TestUser) => {
    const client = wsClient(url, as);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db, { isPublic: false });
    url = await listen(t.app);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const presenceIs = (count: number) => (data: Presence) => data.presence.count === count;

  it('counts the members in the room, names them to cadres only, and forgets who leaves', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    const id = encodeGlobalID('LiveSession', session.id);
    const cadreView = new Feed<Presence>(connect(world.cadre), PRESENCE, { id });
    const residentView = new Feed<Presence>(connect(world.resident), PRESENCE, { id });
    await cadreView.until(presenceIs(0));

    const resident = connect(world.resident);
    const rooms = [new Feed(resident, ROOM, { id }), new Feed(resident, ROOM, { id })]; // one connection, counted once
    const leaving = connect(world.resident2);
    const devices = [new Feed(leaving, ROOM, { id }), new Feed(connect(world.resident2), ROOM, { id })]; // one member, counted once
    await Promise.all([...rooms, ...devices].map((room) => room.until(() => true)));

    const full = await cadreView.until(presenceIs(2));
    expect(full.presence.people!.map((person) => person.displayName).sort()).toEqual([world.resident.displayName, world.resident2.displayName].sort());
    expect((await residentView.until(presenceIs(2))).presence.people).toBeNull();
    expect(await t.db.sessionPresence.count({ where: { sessionId: session.id } })).toBe(3);
    expect((await t.db.attendance.findMany({ where: { sessionId: session.id } })).map((row) => row.userId).sort()).toEqual(
      [world.resident.id, world.resident2.id].sort(),
    );

    rooms[0]!.stop(); // one of two subscriptions on the connection: still there
    await leaving.dispose(); // the socket drops
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await t.db.sessionPresence.count({ where: { sessionId: session.id } })).toBe(2);
    const left = cadreView.next((data) => data.presence.count === 1 && data.presence.people?.[0]?.displayName === world.resident2.displayName);
    rooms[1]!.stop();
    await left;
    expect(await t.db.sessionPresence.count({ where: { sessionId: session.id } })).toBe(1);
    // Attendance stays for the minutes.
    expect(await t.db.attendance.count({ where: { sessionId: session.id } })).toBe(2);
  });

  it('counts those waiting before the start as attending once the session starts', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id] });
    const id = encodeGlobalID('LiveSession', session.id);
    const room = new Feed<{ session: { status: string } }>(connect(world.resident), ROOM, { id });
    await room.until((data) => data.session.status === 'SCHEDULED');
    expect(await t.db.attendance.count({ where: { sessionId: session.id } })).toBe(0);
    const started = await t.gql('mutation ($id: ID!) { startSession(sessionId: $id) { __typename } }', { id }, world.cadre);
    expect(started.data).toEqual({ startSession: { __typename: 'StartSessionSuccess' } });
    await room.until((data) => data.session.status === 'LIVE');
    expect((await t.db.attendance.findMany({ where: { sessionId: session.id } })).map((row) => row.userId)).toEqual([world.resident.id]);
  });

  it('keeps its own rows fresh, ignores and sweeps the rows of a process that died', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    const id = encodeGlobalID('LiveSession', session.id);
    const ghost = await createUser(t.db, { communityId: world.community.id });
    // A row another process wrote, then stopped refreshing.
    await t.db.sessionPresence.create({ data: { connectionId: 'dead-process-1', sessionId: session.id, userId: ghost.id, seenAt: clock.now() } });
    const view = new Feed<Presence>(connect(world.cadre), PRESENCE, { id });
    await view.until(presenceIs(1));
    new Feed(connect(world.resident), ROOM, { id });
    await view.until(presenceIs(2));

    clock.advance(50_000);
    await keeperOf(t.app.deps).refresh();
    clock.advance(30_000); // the ghost's row is 80 s old, ours 30 s
    const swept = view.next(presenceIs(1));
    expect(await sweepStalePresence(t.app.deps)).toBe(1);
    const after = await swept;
    expect(after.presence.people).toEqual([{ displayName: world.resident.displayName }]);
    expect(await t.db.sessionPresence.count({ where: { userId: ghost.id } })).toBe(0);
  });

  it('shows the queue of hands live', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    const id = encodeGlobalID('LiveSession', session.id);
    const queue = new Feed<Hands>(connect(world.resident2), HANDS, { id });
    await queue.until((data) => data.hands.hands.length === 0);
    const raised = await t.gql<{ raiseHand: { data: { id: string } } }>(
      'mutation ($id: ID!) { raiseHand(sessionId: $id) { ... on RaiseHandSuccess { data { id } } } }',
      { id },
      world.resident,
    );
    await queue.until((data) => data.hands.hands[0]?.status === 'WAITING' && data.hands.hands[0].displayName === world.resident.displayName);
    await t.gql('mutation ($id: ID!) { giveFloor(handId: $id) { __typename } }', { id: raised.data!.raiseHand.data.id }, world.cadre);
    await queue.until((data) => data.hands.hands[0]?.status === 'SPEAKING');
    await t.gql('mutation ($id: ID!) { finishFloor(sessionId: $id) { __typename } }', { id }, world.cadre);
    await queue.until((data) => data.hands.hands.length === 0);
  });

  it('shows the proposals on the table as they change: proposed, pinned, hidden', async () => {
    const { concern, proposals } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], concernIds: [concern.id], status: 'LIVE' });
    const item = encodeGlobalID('AgendaItem', session.items[0]!.id);
    type Item = { agendaItem: { version: number; proposals: { id: string; title: string | null; status: string; hiddenReason: string | null }[] } };
    const table = new Feed<Item>(connect(world.resident2), 'subscription ($id: ID!) { agendaItem(itemId: $id) { version proposals { id title status hiddenReason } } }', { id: item });
    const first = encodeGlobalID('Proposal', proposals[0]!.id);
    await table.until((data) => data.agendaItem.proposals.length === 1);

    const proposed = await t.gql<{ createProposal: { data: { id: string } } }>(
      `mutation ($id: ID!) { createProposal(concernId: $id, input: { title: "错峰停车", body: "晚上七点后开放" }) { ... on CreateProposalSuccess { data { id } } } }`,
      { id: encodeGlobalID('Concern', concern.id) },
      world.resident,
    );
    const second = proposed.data!.createProposal.data.id;
    await table.until((data) => data.agendaItem.proposals.map((p) => p.id).join() === [first, second].join());
    await t.gql(`mutation ($item: ID!, $id: ID!) { pinProposalInSession(itemId: $item, proposalId: $id, pinned: true) { __typename } }`, { item, id: second }, world.cadre);
    await table.until((data) => data.agendaItem.proposals.map((p) => p.id).join() === [second, first].join());
    await t.gql(`mutation ($item: ID!, $id: ID!) { hideProposalInSession(itemId: $item, proposalId: $id, reason: "广告") { __typename } }`, { item, id: first }, world.cadre);
    const hidden = await table.until((data) => data.agendaItem.proposals[1]?.status === 'HIDDEN');
    // A resident sees the reason in place of the text.
    expect(hidden.agendaItem.proposals[1]).toEqual({ id: first, title: null, status: 'HIDDEN', hiddenReason: '广告' });
    const versions = table.data.map((data) => data.agendaItem.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it("feeds cadres the moderation queue, members their own bell, and readers the board's changes", async () => {
    const communityId = encodeGlobalID('Community', world.community.id);
    const MODERATION = 'subscription ($id: ID!) { moderationQueue(communityId: $id) { pendingConcernIds overdueConcernIds pendingConcerns { title } } }';
    type Queue = { moderationQueue: { pendingConcernIds: string[]; overdueConcernIds: string[]; pendingConcerns: { title: string }[] } };
    const overdue = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, createdAt: new Date(clock.now().getTime() - 100 * 3_600_000) });
    const queue = new Feed<Queue>(connect(world.cadre), MODERATION, { id: communityId });
    const first = await queue.until(() => true);
    expect(first.moderationQueue.overdueConcernIds).toEqual([encodeGlobalID('Concern', overdue.id)]);
    expect((await new Feed(connect(world.resident), MODERATION, { id: communityId }).ended()).errorCodes).toEqual(['FORBIDDEN']);

    // A new report shows up as soon as the board hears of it.
    const fresh = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, title: '路灯不亮' });
    t.app.deps.pubsub.publish('board', world.community.id, { communityId: world.community.id, concernId: fresh.id, version: fresh.version, status: 'REPORTED' });
    const updated = await queue.until((data) => data.moderationQueue.pendingConcernIds.includes(encodeGlobalID('Concern', fresh.id)));
    expect(updated.moderationQueue.pendingConcerns.map((concern) => concern.title)).toContain('路灯不亮');
    expect(updated.moderationQueue.overdueConcernIds).toEqual([encodeGlobalID('Concern', overdue.id)]);

    const bell = new Feed<{ notifications: { unreadCount: number } }>(connect(world.resident2), 'subscription { notifications { unreadCount } }');
    const before = (await bell.until(() => true)).notifications.unreadCount;
    const board = new Feed<{ board: { concernId: string; status: string } }>(
      connect(world.resident2),
      'subscription ($id: ID!) { board(communityId: $id) { concernId status } }',
      { id: communityId },
    );
    const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the board has no first snapshot to wait for
    const scheduled = await t.gql(
      'mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { __typename } }',
      { input: { communityId, title: '四月议事会', scheduledAt: new Date(clock.now().getTime() + 86_400_000).toISOString(), agenda: [encodeGlobalID('Concern', concern.id)] } },
      world.cadre,
    );
    expect(scheduled.data).toEqual({ scheduleSession: { __typename: 'ScheduleSessionSuccess' } });
    await bell.until((data) => data.notifications.unreadCount === before + 1);

    t.app.deps.pubsub.publish('board', world.community.id, { communityId: world.community.id, concernId: concern.id, version: 9, status: 'VOTING' });
    expect(await board.until(() => true)).toEqual({ board: { concernId: encodeGlobalID('Concern', concern.id), status: 'VOTING' } });
  });
});
