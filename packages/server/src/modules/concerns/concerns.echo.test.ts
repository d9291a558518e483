import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, hours, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { providers } from '../../test-support/databases.js';
import type { ConcernStatus } from '../../generated/sqlite/enums.js';
import type { NotificationSnapshot } from '../../events/topics.js';
import { report, rawId, watchBoard } from './concerns.test-helpers.js';

const CONCERN_FIELDS = `status version acknowledgedAt declinedAt answer answeredBy { displayName } owner { displayName }
  mergedInto { title } mergedFrom { title } secondCount`;
const payload = (typename: string) => `__typename
  ... on ${typename} { data { ${CONCERN_FIELDS} } }
  ... on ForbiddenError { reason }
  ... on InvalidStateError { state }
  ... on ValidationError { issues { path message code } }
  ... on NotFoundError { entity }`;

const ACKNOWLEDGE = `mutation ($id: ID!, $answer: String!) { result: acknowledgeConcern(concernId: $id, answer: $answer) { ${payload('AcknowledgeConcernSuccess')} } }`;
const DECLINE = `mutation ($id: ID!, $reason: String!) { result: declineConcern(concernId: $id, reason: $reason) { ${payload('DeclineConcernSuccess')} } }`;
const MERGE = `mutation ($id: ID!, $into: ID!) { result: mergeConcern(concernId: $id, intoConcernId: $into) { ${payload('MergeConcernSuccess')} } }`;
const ASSIGN = `mutation ($id: ID!, $owner: ID) { result: assignConcernOwner(concernId: $id, ownerMembershipId: $owner) { ${payload('AssignConcernOwnerSuccess')} } }`;

interface Result {
  result: {
    __typename: string;
    data?: Record<string, unknown> & { status: string; version: number };
    reason?: string;
    state?: string;
    entity?: string;
    issues?: { path: string[]; message: string; code: string }[];
  };
}

const gid = (id: number) => encodeGlobalID('Concern', id);

describe.each(providers)("the cadre's echo on %s", (provider) => {
  let t: TestApp;
  let world: World;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const concern = (options: { status?: ConcernStatus; reporter?: TestUser; title?: string } = {}) =>
    createConcern(t.db, { community: world.community, reporterId: (options.reporter ?? world.resident).id, status: options.status, title: options.title });
  const send = async (query: string, variables: Record<string, unknown>, as: Caller) => (await t.gql<Result>(query, variables, as)).data!.result;
  const membershipOf = (user: TestUser) => t.db.membership.findFirstOrThrow({ where: { userId: user.id, communityId: world.community.id } });

  /** Collects the unread-count snapshots published to one user. */
  function watchBell(userId: number) {
    const received: NotificationSnapshot[] = [];
    const iterator = t.app.deps.pubsub.subscribe('notifications', userId)[Symbol.asyncIterator]();
    const loop = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(next.value);
    })();
    return { received, stop: async () => (await iterator.return?.(), await loop) };
  }

  describe('acknowledging', () => {
    it('answers publicly, moves the concern on, records it, tells the reporter and the board', async () => {
      const reported = await report(t, world.community, world.resident, { title: '楼道灯坏了' });
      const id = rawId(reported.id);
      const board = watchBoard(t.app.deps, world.community.id);
      const bell = watchBell(world.resident.id);
      const result = await send(ACKNOWLEDGE, { id: reported.id, answer: '  已收到，周五前派电工更换。 ' }, world.cadre);
      expect(result).toEqual({
        __typename: 'AcknowledgeConcernSuccess',
        data: {
          status: 'ACKNOWLEDGED',
          version: 2,
          acknowledgedAt: clock.now().toISOString(),
          declinedAt: null,
          answer: '已收到，周五前派电工更换。',
          answeredBy: { displayName: '张书记' },
          owner: null,
          mergedInto: null,
          mergedFrom: [],
          secondCount: 0,
        },
      });
      expect(await t.db.auditEvent.findMany({ where: { concernId: id }, orderBy: { id: 'asc' }, select: { kind: true, actorId: true, data: true } })).toEqual([
        { kind: 'concern.reported', actorId: world.resident.id, data: { categoryKey: 'parking', title: '楼道灯坏了' } },
        { kind: 'concern.acknowledged', actorId: world.cadre.id, data: { answer: '已收到，周五前派电工更换。' } },
      ]);
      const notes = await t.db.notification.findMany({ where: { subject: `concern:${id}` }, select: { userId: true, kind: true, params: true } });
      expect(notes).toEqual([{ userId: world.resident.id, kind: 'CONCERN_ACKNOWLEDGED', params: { concernId: id, title: '楼道灯坏了' } }]);
      await vi.waitFor(() => expect(board.received).toEqual([{ communityId: world.community.id, concernId: id, version: 2, status: 'ACKNOWLEDGED' }]));
      await vi.waitFor(() => expect(bell.received.at(-1)).toMatchObject({ userId: world.resident.id, unreadCount: 1 }));
      await Promise.all([board.stop(), bell.stop()]);
    });

    it('does not notify cadres about their own concern', async () => {
      const own = await concern({ reporter: world.cadre });
      expect((await send(ACKNOWLEDGE, { id: gid(own.id), answer: '自己处理。' }, world.cadre)).__typename).toBe('AcknowledgeConcernSuccess');
      expect(await t.db.notification.count({ where: { subject: `concern:${own.id}` } })).toBe(0);
    });

    it('is for cadres and admins of the community only', async () => {
      const target = await concern();
      const answer = '已收到。';
      const otherCadre = await createUser(t.db, { communityId: world.otherCommunity.id, role: 'CADRE' });
      for (const as of [undefined, world.resident, world.outsider, otherCadre]) {
        expect(await send(ACKNOWLEDGE, { id: gid(target.id), answer }, as)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      }
      expect((await send(ACKNOWLEDGE, { id: gid(target.id), answer }, world.admin)).__typename).toBe('AcknowledgeConcernSuccess');
    });

    it('refuses an empty or overlong answer, a missing concern and one answered already', async () => {
      const target = await concern();
      expect(await send(ACKNOWLEDGE, { id: gid(target.id), answer: '   ' }, world.cadre)).toEqual({
        __typename: 'ValidationError',
        issues: [{ path: ['answer'], message: 'Write the answer', code: 'REQUIRED' }],
      });
      expect((await send(ACKNOWLEDGE, { id: gid(target.id), answer: '答'.repeat(2001) }, world.cadre)).issues).toEqual([
        { path: ['answer'], message: 'At most 2000 characters', code: 'TOO_LONG' },
      ]);
      expect(await send(ACKNOWLEDGE, { id: gid(999_999), answer: '好' }, world.cadre)).toEqual({ __typename: 'NotFoundError', entity: 'Concern' });
      const answered = await concern({ status: 'ACKNOWLEDGED' });
      expect(await send(ACKNOWLEDGE, { id: gid(answered.id), answer: '好' }, world.cadre)).toEqual({ __typename: 'InvalidStateError', state: 'ACKNOWLEDGED' });
    });

    it('lets exactly one of two cadres answering at once win', async () => {
      const target = await concern();
      const results = await Promise.all([
        send(ACKNOWLEDGE, { id: gid(target.id), answer: '甲的回复' }, world.cadre),
        send(ACKNOWLEDGE, { id: gid(target.id), answer: '乙的回复' }, world.admin),
      ]);
      expect(results.map((r) => r.__typename).sort()).toEqual(['AcknowledgeConcernSuccess', 'InvalidStateError']);
      expect(await t.db.auditEvent.count({ where: { concernId: target.id, kind: 'concern.acknowledged' } })).toBe(1);
      expect(await t.db.notification.count({ where: { subject: `concern:${target.id}` } })).toBe(1);
    });
  });

  describe('declining', () => {
    it('declines a new or acknowledged concern with a public reason and tells the reporter', async () => {
      for (const status of ['REPORTED', 'ACKNOWLEDGED'] as const) {
        const target = await concern({ status, title: `不属于社区事务 ${status}` });
        const result = await send(DECLINE, { id: gid(target.id), reason: '这是市政道路，已转交街道。' }, world.cadre);
        expect(result.data).toMatchObject({ status: 'DECLINED', answer: '这是市政道路，已转交街道。', declinedAt: clock.now().toISOString(), answeredBy: { displayName: '张书记' } });
        expect(await t.db.auditEvent.findFirst({ where: { concernId: target.id, kind: 'concern.declined' }, select: { data: true } })).toEqual({
          data: { reason: '这是市政道路，已转交街道。' },
        });
        expect(await t.db.notification.findMany({ where: { subject: `concern:${target.id}` }, select: { userId: true, kind: true, params: true } })).toEqual([
          { userId: world.resident.id, kind: 'CONCERN_DECLINED', params: { concernId: target.id, title: `不属于社区事务 ${status}` } },
        ]);
      }
    });

    it('refuses residents, and concerns past the echo', async () => {
      const target = await concern();
      expect(await send(DECLINE, { id: gid(target.id), reason: '不管' }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      const voting = await concern({ status: 'VOTING' });
      expect(await send(DECLINE, { id: gid(voting.id), reason: '不管' }, world.cadre)).toEqual({ __typename: 'InvalidStateError', state: 'VOTING' });
      expect(await t.db.auditEvent.count({ where: { concernId: { in: [target.id, voting.id] } } })).toBe(0);
    });
  });

  describe('merging', () => {
    it("carries the duplicate's support to the target without duplicates or self-seconds, and tells its supporters", async () => {
      const neighbour = await createUser(t.db, { communityId: world.community.id, displayName: '赵大爷' });
      const target = await concern({ reporter: world.resident, title: '东门乱停车' });
      const duplicate = await concern({ reporter: world.resident2, title: '东门口车太多' });
      // The target's reporter seconded the duplicate; the cadre seconded both.
      await t.db.second.createMany({
        data: [
          { concernId: target.id, userId: world.cadre.id },
          { concernId: duplicate.id, userId: world.resident.id },
          { concernId: duplicate.id, userId: world.cadre.id },
          { concernId: duplicate.id, userId: neighbour.id },
        ],
      });
      const board = watchBoard(t.app.deps, world.community.id);
      const result = await send(MERGE, { id: gid(duplicate.id), into: gid(target.id) }, world.admin);
      expect(result.data).toMatchObject({ status: 'MERGED', version: 2, mergedInto: { title: '东门乱停车' } });
      const seconders = await t.db.second.findMany({ where: { concernId: target.id }, select: { userId: true }, orderBy: { userId: 'asc' } });
      expect(seconders.map((s) => s.userId)).toEqual([world.resident2.id, world.cadre.id, neighbour.id].sort((a, b) => a - b));

      const targetView = await t.gql<{ concern: { secondCount: number; version: number; mergedFrom: { title: string }[]; timeline: { kind: string; data: unknown }[] } }>(
        'query ($id: ID!) { concern(id: $id) { secondCount version mergedFrom { title } timeline { kind data } } }',
        { id: gid(target.id) },
        world.resident,
      );
      expect(targetView.data!.concern).toEqual({
        secondCount: 3,
        version: 2,
        mergedFrom: [{ title: '东门口车太多' }],
        timeline: [{ kind: 'concern.merged', data: { fromConcernId: duplicate.id, fromTitle: '东门口车太多', secondsCarried: 2 } }],
      });
      const notified = await t.db.notification.findMany({ where: { subject: `concern:${duplicate.id}` }, select: { userId: true, kind: true, params: true } });
      expect(notified.map((n) => n.userId).sort((a, b) => a - b)).toEqual([world.resident.id, world.resident2.id, world.cadre.id, neighbour.id].sort((a, b) => a - b));
      for (const note of notified) expect(note).toMatchObject({ kind: 'CONCERN_MERGED', params: { concernId: duplicate.id, title: '东门口车太多' } });
      await vi.waitFor(() =>
        expect(board.received.map((e) => [e.concernId, e.status, e.version]).sort()).toEqual(
          [
            [duplicate.id, 'MERGED', 2],
            [target.id, 'REPORTED', 2],
          ].sort(),
        ),
      );
      await board.stop();
    });

    it("does not make the target's reporter second their own concern", async () => {
      const target = await concern({ reporter: world.resident2 });
      const duplicate = await concern({ reporter: world.resident2 });
      await t.db.second.create({ data: { concernId: duplicate.id, userId: world.resident.id } });
      expect((await send(MERGE, { id: gid(duplicate.id), into: gid(target.id) }, world.cadre)).__typename).toBe('MergeConcernSuccess');
      expect((await t.db.second.findMany({ where: { concernId: target.id } })).map((s) => s.userId)).toEqual([world.resident.id]);
    });

    it('refuses itself, another community, settled targets, settled duplicates and residents', async () => {
      const duplicate = await concern();
      const elsewhere = await createConcern(t.db, { community: world.otherCommunity, reporterId: world.outsider.id });
      expect(await send(MERGE, { id: gid(duplicate.id), into: gid(duplicate.id) }, world.cadre)).toEqual({
        __typename: 'ValidationError',
        issues: [{ path: ['intoConcernId'], message: 'A concern cannot be merged into itself', code: 'SAME_CONCERN' }],
      });
      expect((await send(MERGE, { id: gid(duplicate.id), into: gid(elsewhere.id) }, world.cadre)).issues).toEqual([
        { path: ['intoConcernId'], message: 'No such concern in this community', code: 'UNKNOWN_CONCERN' },
      ]);
      for (const status of ['MERGED', 'DECLINED', 'CLOSED'] as const) {
        const settled = await concern({ status });
        expect(await send(MERGE, { id: gid(duplicate.id), into: gid(settled.id) }, world.cadre)).toEqual({ __typename: 'InvalidStateError', state: status });
      }
      const target = await concern();
      const declined = await concern({ status: 'DECLINED' });
      expect(await send(MERGE, { id: gid(declined.id), into: gid(target.id) }, world.cadre)).toEqual({ __typename: 'InvalidStateError', state: 'DECLINED' });
      expect(await send(MERGE, { id: gid(duplicate.id), into: gid(target.id) }, world.resident2)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await t.db.concern.findUniqueOrThrow({ where: { id: duplicate.id }, select: { status: true } })).toEqual({ status: 'REPORTED' });
    });
  });

  describe('assigning an owner', () => {
    it('makes a cadre or admin the owner, records it, and clears it', async () => {
      const target = await concern({ status: 'ACKNOWLEDGED' });
      const admin = await membershipOf(world.admin);
      const assigned = await send(ASSIGN, { id: gid(target.id), owner: encodeGlobalID('Membership', admin.id) }, world.cadre);
      expect(assigned.data).toMatchObject({ owner: { displayName: '陈主任' }, version: 2, status: 'ACKNOWLEDGED' });
      // Assigning the same owner again changes nothing.
      const again = await send(ASSIGN, { id: gid(target.id), owner: encodeGlobalID('Membership', admin.id) }, world.cadre);
      expect(again.data).toMatchObject({ owner: { displayName: '陈主任' }, version: 2 });
      const cleared = await send(ASSIGN, { id: gid(target.id), owner: null }, world.cadre);
      expect(cleared.data).toMatchObject({ owner: null, version: 3 });
      const audit = await t.db.auditEvent.findMany({ where: { concernId: target.id }, orderBy: { id: 'asc' }, select: { kind: true, data: true } });
      expect(audit).toEqual([
        { kind: 'concern.assigned', data: { ownerId: world.admin.id } },
        { kind: 'concern.assigned', data: { ownerId: null } },
      ]);
    });

    it('refuses residents as owners, members of other communities, residents as assigners and settled concerns', async () => {
      const target = await concern();
      const resident = await membershipOf(world.resident2);
      const foreign = await t.db.membership.findFirstOrThrow({ where: { userId: world.outsider.id } });
      for (const owner of [resident, foreign]) {
        expect(await send(ASSIGN, { id: gid(target.id), owner: encodeGlobalID('Membership', owner.id) }, world.cadre)).toEqual({
          __typename: 'ValidationError',
          issues: [{ path: ['ownerMembershipId'], message: 'The owner must be a cadre or admin of this community', code: 'NOT_A_CADRE' }],
        });
      }
      const cadre = encodeGlobalID('Membership', (await membershipOf(world.cadre)).id);
      expect(await send(ASSIGN, { id: gid(target.id), owner: cadre }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      const merged = await concern({ status: 'MERGED' });
      expect(await send(ASSIGN, { id: gid(merged.id), owner: cadre }, world.cadre)).toEqual({ __typename: 'InvalidStateError', state: 'MERGED' });
    });
  });

  it('tells the whole story on the timeline, oldest first, with only timeline events', async () => {
    const reported = await report(t, world.community, world.resident2, { title: '垃圾桶满了' });
    const id = rawId(reported.id);
    clock.advance(hours(2));
    await send(ACKNOWLEDGE, { id: reported.id, answer: '已通知保洁。' }, world.cadre);
    clock.advance(60_000);
    await send(ASSIGN, { id: reported.id, owner: encodeGlobalID('Membership', (await membershipOf(world.cadre)).id) }, world.cadre);
    // Written by other modules: one that belongs on the timeline, one (moderation of an edit) that does not.
    await t.db.auditEvent.createMany({
      data: [
        { communityId: world.community.id, actorId: world.cadre.id, kind: 'proposal.edited', subjectType: 'Proposal', subjectId: 1, concernId: id, data: {}, createdAt: clock.now() },
        { communityId: world.community.id, actorId: null, kind: 'voting.closed', subjectType: 'VotingWindow', subjectId: 1, concernId: id, data: { voterCount: 12 }, createdAt: clock.now() },
      ],
    });
    const view = await t.gql<{ concern: { timeline: { kind: string; at: string; actorName: string | null; data: unknown }[] } }>(
      'query ($id: ID!) { concern(id: $id) { timeline { kind at actorName data } } }',
      { id: reported.id },
      world.resident,
    );
    const start = clock.now().getTime() - hours(2) - 60_000;
    expect(view.data!.concern.timeline).toEqual([
      { kind: 'concern.reported', at: new Date(start).toISOString(), actorName: '李师傅', data: { categoryKey: 'parking', title: '垃圾桶满了' } },
      { kind: 'concern.acknowledged', at: new Date(start + hours(2)).toISOString(), actorName: '张书记', data: { answer: '已通知保洁。' } },
      { kind: 'concern.assigned', at: clock.now().toISOString(), actorName: '张书记', data: { ownerId: world.cadre.id } },
      { kind: 'voting.closed', at: clock.now().toISOString(), actorName: null, data: { voterCount: 12 } },
    ]);
  });
});
