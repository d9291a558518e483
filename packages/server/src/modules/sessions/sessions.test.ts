import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type World } from '../../test-support/fixtures.js';
import { createConcern, createLiveSession } from '../../test-support/domain-fixtures.js';
import { createProposal } from '../../test-support/deliberation-fixtures.js';
import { providers } from '../../test-support/databases.js';

const id = encodeGlobalID;
const ERRORS = `... on Error { __typename code message }
  ... on ValidationError { issues { path code message } }
  ... on InvalidStateError { state allowed }
  ... on ForbiddenError { reason }`;

const SCHEDULE = `mutation ($input: ScheduleSessionInput!) {
  scheduleSession(input: $input) {
    __typename
    ... on ScheduleSessionSuccess { data { id status title place chairs { displayName } rules { quorumPercent thresholdPercent talliesHidden phaseSeconds frozenAt } agenda { position phase concern { title } } } }
    ${ERRORS}
  }
}`;
const SESSION = `query ($id: ID!) {
  liveSession(id: $id) {
    status version startedAt endedAt viewerIsChair viewerIsMuted
    rules { quorumPercent thresholdPercent talliesHidden phaseSeconds frozenAt }
    agenda { id position phase phaseStartedAt phaseEndsAt concern { title status } }
    currentItem { id phase }
    hands { status user { displayName } }
    mutes { reason user { displayName } }
    minutes { attendance turnout { voterCount eligibleCount percent } decisions { decisionId concernId title adoptedProposalIds quorumMet } }
  }
}`;
const onSession = (field: string, args: string, data = 'id status') =>
  `mutation (${args}) { ${field} { __typename ... on ${field.charAt(0).toUpperCase()}${field.slice(1, field.indexOf('('))}Success { data { ${data} } } ${ERRORS} } }`;
const RULES = onSession('updateSessionRules(sessionId: $id, rules: $rules)', '$id: ID!, $rules: SessionRulesInput!', 'rules { quorumPercent talliesHidden phaseSeconds }');
const AGENDA = onSession('setSessionAgenda(sessionId: $id, agenda: $agenda)', '$id: ID!, $agenda: [ID!]!', 'agenda { position concern { title } }');
const START = onSession('startSession(sessionId: $id)', '$id: ID!');
const CANCEL = onSession('cancelSession(sessionId: $id)', '$id: ID!');
const END = onSession('endSession(sessionId: $id)', '$id: ID!');
const ADVANCE = onSession('advanceAgendaItem(itemId: $id)', '$id: ID!', 'phase phaseStartedAt phaseEndsAt');
const SKIP = onSession('skipAgendaItem(itemId: $id)', '$id: ID!', 'phase');
const RAISE = onSession('raiseHand(sessionId: $id)', '$id: ID!', 'id status');
const LOWER = onSession('lowerHand(sessionId: $id)', '$id: ID!', 'status');
const GIVE = onSession('giveFloor(handId: $id)', '$id: ID!', 'status user { displayName }');
const FINISH = onSession('finishFloor(sessionId: $id)', '$id: ID!', 'status');
const MUTE = onSession('muteMember(sessionId: $id, userId: $userId, reason: $reason)', '$id: ID!, $userId: ID!, $reason: String!', 'reason liftedAt');
const UNMUTE = onSession('unmuteMember(sessionId: $id, userId: $userId)', '$id: ID!, $userId: ID!', 'liftedAt');

type Result = { __typename: string; data?: Record<string, unknown>; reason?: string; state?: string; issues?: { path: string[]; code: string; message: string }[] };

describe.each(providers)('live sessions on %s', (provider) => {
  let t: TestApp;
  let world: World;
  const clock = testClock();

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db, { isPublic: false });
    await t.db.community.update({ where: { id: world.community.id }, data: { quorumPercent: 30, thresholdPercent: 60 } });
  });
  afterAll(() => t.close());

  /** Runs a mutation and returns its one result. */
  async function run(query: string, variables: Record<string, unknown>, as: Caller): Promise<Result> {
    const response = await t.gql(query, variables, as);
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0] as Result;
  }
  /** An answered concern with one proposal on the table, so its vote can open. */
  const answered = async (title?: string) => {
    const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED', ...(title ? { title } : {}) });
    await createProposal(t.db, { concernId: concern.id, authorId: world.resident2.id });
    return concern;
  };
  const inFuture = () => new Date(clock.now().getTime() + 86_400_000).toISOString();
  const agendaOf = async (sessionId: string) =>
    ((await t.gql(SESSION, { id: sessionId }, world.cadre)).data as { liveSession: { agenda: { id: string; phase: string }[] } }).liveSession.agenda;
  async function liveSession(concerns = 2, options: { talliesHidden?: boolean } = {}) {
    const ids = [];
    for (let i = 0; i < concerns; i++) ids.push((await answered()).id);
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], concernIds: ids, status: 'LIVE', ...options });
    return { ...session, gid: id('LiveSession', session.id), itemIds: session.items.map((item) => id('AgendaItem', item.id)) };
  }

  describe('scheduling', () => {
    it('schedules a session with the agenda in order, the rules from community settings, the cadre as chair, and tells the members', async () => {
      const [first, second] = [await answered('楼道堆物'), await answered('夜间噪音')];
      const reopened = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'REOPENED', title: '井盖松动' });
      const result = await run(
        SCHEDULE,
        {
          input: {
            communityId: id('Community', world.community.id),
            title: ' 三月居民议事会 ',
            place: '活动室',
            scheduledAt: inFuture(),
            agenda: [id('Concern', second!.id), id('Concern', first!.id), id('Concern', reopened.id)],
          },
        },
        world.cadre,
      );
      expect(result).toMatchObject({
        __typename: 'ScheduleSessionSuccess',
        data: {
          status: 'SCHEDULED',
          title: '三月居民议事会',
          place: '活动室',
          chairs: [{ displayName: world.cadre.displayName }],
          rules: { quorumPercent: 30, thresholdPercent: 60, talliesHidden: false, phaseSeconds: 600, frozenAt: null },
          agenda: [
            { position: 1, phase: 'PENDING', concern: { title: '夜间噪音' } },
            { position: 2, phase: 'PENDING', concern: { title: '楼道堆物' } },
            { position: 3, phase: 'PENDING', concern: { title: '井盖松动' } },
          ],
        },
      });
      const sessionId = Number(Buffer.from(String(result.data!.id), 'base64').toString().split(':')[1]);
      const notified = await t.db.notification.findMany({ where: { kind: 'SESSION_SCHEDULED', subject: `session:${sessionId}` }, select: { userId: true } });
      expect(notified.map((n) => n.userId).sort()).toEqual([world.resident.id, world.resident2.id, world.admin.id].sort());
      expect(await t.db.auditEvent.count({ where: { kind: 'session.scheduled', subjectId: sessionId, actorId: world.cadre.id } })).toBe(1);
    });

    it('takes chairs and rules as given', async () => {
      const result = await run(
        SCHEDULE,
        {
          input: {
            communityId: id('Community', world.community.id),
            title: '临时议事',
            scheduledAt: inFuture(),
            chairIds: [id('User', world.admin.id), id('User', world.cadre.id)],
            rules: { quorumPercent: 50, talliesHidden: true, phaseSeconds: 120 },
            agenda: [],
          },
        },
        world.admin,
      );
      expect(result.data).toMatchObject({
        chairs: expect.arrayContaining([{ displayName: world.admin.displayName }, { displayName: world.cadre.displayName }]),
        rules: { quorumPercent: 50, thresholdPercent: 60, talliesHidden: true, phaseSeconds: 120 },
      });
    });

    it('names every bad field at once, and refuses what the community cannot put on an agenda', async () => {
      const base = { communityId: id('Community', world.community.id), title: '议事会', scheduledAt: inFuture(), agenda: [] as string[] };
      const bad = await run(SCHEDULE, { input: { ...base, title: 'x', agenda: Array(31).fill(id('Concern', 1)), rules: { thresholdPercent: 40, phaseSeconds: 5 } } }, world.cadre);
      expect(bad.__typename).toBe('ValidationError');
      expect(bad.issues!.map((issue) => issue.path.join('.')).sort()).toEqual(
        ['input.agenda', 'input.rules.phaseSeconds', 'input.rules.thresholdPercent', 'input.title'].sort(),
      );

      const reported = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'REPORTED' });
      const foreign = await createConcern(t.db, { community: world.otherCommunity, reporterId: world.outsider.id, status: 'ACKNOWLEDGED' });
      const fine = await answered();
      for (const [input, path, code, message] of [
        [{ ...base, scheduledAt: new Date(clock.now().getTime() - 3_600_000).toISOString() }, 'input.scheduledAt', 'NOT_IN_FUTURE', /past/],
        [{ ...base, agenda: [id('Concern', reported.id)] }, 'input.agenda', 'NOT_SCHEDULABLE', /REPORTED/],
        [{ ...base, agenda: [id('Concern', foreign.id)] }, 'input.agenda', 'UNKNOWN_CONCERN', /this community/],
        [{ ...base, agenda: [id('Concern', fine.id), id('Concern', fine.id)] }, 'input.agenda', 'DUPLICATE', /twice/],
        [{ ...base, chairIds: [id('User', world.resident.id)] }, 'input.chairIds', 'NOT_A_CADRE', /cadre or admin/],
        [{ ...base, chairIds: [id('User', world.outsider.id)] }, 'input.chairIds', 'NOT_A_CADRE', /cadre or admin/],
      ] as const) {
        const result = await run(SCHEDULE, { input }, world.cadre);
        expect(result.__typename, path).toBe('ValidationError');
        expect(result.issues).toEqual([{ path: path.split('.'), code, message: expect.stringMatching(message) }]);
      }
    });

    it('is for cadres: residents are refused, and other communities do not see the community', async () => {
      const input = { communityId: id('Community', world.community.id), title: '议事会', scheduledAt: inFuture(), agenda: [] };
      expect(await run(SCHEDULE, { input }, world.resident)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await run(SCHEDULE, { input }, world.outsider)).toMatchObject({ __typename: 'NotFoundError' });
      expect(await run(SCHEDULE, { input }, undefined)).toMatchObject({ __typename: 'NotFoundError' });
    });
  });

  describe('rules and agenda', () => {
    it('change until the first vote opens, then are frozen', async () => {
      const [a, b, c] = [await answered('甲'), await answered('乙'), await answered('丙')];
      const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], concernIds: [a!.id, b!.id] });
      const gid = id('LiveSession', session.id);
      expect(await run(RULES, { id: gid, rules: { talliesHidden: true, phaseSeconds: 90 } }, world.cadre)).toMatchObject({
        data: { rules: { quorumPercent: 20, talliesHidden: true, phaseSeconds: 90 } },
      });
      expect(await run(RULES, { id: gid, rules: { phaseSeconds: 90 } }, world.resident)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      // A cadre who is not a chair of this session does not run it either.
      const otherCadre = await createUser(t.db, { communityId: world.community.id, role: 'CADRE' });
      expect(await run(RULES, { id: gid, rules: { phaseSeconds: 90 } }, otherCadre)).toMatchObject({ __typename: 'ForbiddenError' });

      expect(await run(AGENDA, { id: gid, agenda: [id('Concern', c!.id), id('Concern', a!.id)] }, world.cadre)).toMatchObject({
        data: { agenda: [{ position: 1, concern: { title: '丙' } }, { position: 2, concern: { title: '甲' } }] },
      });

      await run(START, { id: gid }, world.cadre);
      const [first] = await agendaOf(gid);
      for (let step = 0; step < 2; step++) await run(ADVANCE, { id: first!.id }, world.cadre);
      // Taken up: it may move, but not leave the agenda.
      expect(await run(AGENDA, { id: gid, agenda: [id('Concern', a!.id)] }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'DISCUSSING' });
      expect(await run(AGENDA, { id: gid, agenda: [id('Concern', a!.id), id('Concern', c!.id)] }, world.cadre)).toMatchObject({
        data: { agenda: [{ position: 1, concern: { title: '甲' } }, { position: 2, concern: { title: '丙' } }] },
      });

      await run(ADVANCE, { id: first!.id }, world.cadre); // voting opens: the rules freeze
      expect(await run(RULES, { id: gid, rules: { talliesHidden: false } }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'RULES_FROZEN' });
      expect(await run(AGENDA, { id: gid, agenda: [id('Concern', a!.id), id('Concern', c!.id), id('Concern', b!.id)] }, world.cadre)).toMatchObject({
        __typename: 'InvalidStateError',
        state: 'RULES_FROZEN',
      });
      const frozen = (await t.gql(SESSION, { id: gid }, world.resident)).data as { liveSession: { rules: { frozenAt: string } } };
      expect(frozen.liveSession.rules.frozenAt).toBe(clock.now().toISOString());
      expect(await t.db.auditEvent.count({ where: { subjectId: session.id, kind: { in: ['session.rules_changed', 'session.agenda_changed'] } } })).toBe(3);
    });
  });

  describe('the agenda, phase by phase', () => {
    it('runs an item from PENDING to DECIDED: the vote opens with the session rules and closes into a decision of this session', async () => {
      const [concern] = [await answered('停车位划线')];
      const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], concernIds: [concern!.id], talliesHidden: true });
      const gid = id('LiveSession', session.id);
      const itemId = id('AgendaItem', session.items[0]!.id);
      expect(await run(ADVANCE, { id: itemId }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'SCHEDULED' });
      expect(await run(START, { id: gid }, world.cadre)).toMatchObject({ data: { status: 'LIVE' } });
      expect(await run(START, { id: gid }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'LIVE' });

      const seen: string[] = [];
      for (const phase of ['PROPOSING', 'DISCUSSING', 'VOTING', 'DECIDED']) {
        clock.advance(60_000);
        const result = await run(ADVANCE, { id: itemId }, world.cadre);
        const timed = phase !== 'DECIDED';
        expect(result.data).toEqual({
          phase,
          phaseStartedAt: clock.now().toISOString(),
          phaseEndsAt: timed ? new Date(clock.now().getTime() + 600_000).toISOString() : null,
        });
        seen.push(phase);
        const view = (await t.gql(SESSION, { id: gid }, world.resident)).data as { liveSession: { currentItem: { id: string; phase: string } } };
        expect(view.liveSession.currentItem).toEqual({ id: itemId, phase });
      }
      expect(seen).toEqual(['PROPOSING', 'DISCUSSING', 'VOTING', 'DECIDED']);
      expect(await run(ADVANCE, { id: itemId }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'DECIDED' });

      const window = await t.db.votingWindow.findUniqueOrThrow({ where: { agendaItemId: session.items[0]!.id } });
      expect(window).toMatchObject({ concernId: concern!.id, quorumPercent: 20, thresholdPercent: 50, talliesHidden: true, status: 'CLOSED' });
      const decision = await t.db.decision.findUniqueOrThrow({ where: { windowId: window.id } });
      expect(decision).toMatchObject({ sessionId: session.id, chairId: world.cadre.id, concernId: concern!.id });
      const phases = await t.db.auditEvent.findMany({ where: { kind: 'session.item_phase_changed', subjectId: session.items[0]!.id }, orderBy: { id: 'asc' } });
      expect(phases.map((event) => (event.data as { to: string }).to)).toEqual(seen);
      expect(phases.every((event) => event.actorId === world.cadre.id && event.concernId === concern!.id)).toBe(true);
    });

    it('lets only a chair move things on', async () => {
      const session = await liveSession(1);
      for (const caller of [world.resident, world.admin]) {
        expect(await run(ADVANCE, { id: session.itemIds[0] }, caller)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
        expect(await run(SKIP, { id: session.itemIds[0] }, caller)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
        expect(await run(END, { id: session.gid }, caller)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      }
      expect(await run(ADVANCE, { id: session.itemIds[0] }, world.outsider)).toMatchObject({ __typename: 'NotFoundError' });
      expect((await agendaOf(session.gid))[0]!.phase).toBe('PENDING');
    });

    it('takes up one item at a time, skips items not yet voted on, and refuses to skip a vote', async () => {
      const session = await liveSession(3);
      const [first, second, third] = session.itemIds;
      await run(ADVANCE, { id: first }, world.cadre);
      expect(await run(ADVANCE, { id: second }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'ITEM_IN_PLAY' });
      expect(await run(SKIP, { id: first }, world.cadre)).toMatchObject({ data: { phase: 'SKIPPED' } });
      const afterSkip = (await t.gql(SESSION, { id: session.gid }, world.cadre)).data as { liveSession: { currentItem: null } };
      expect(afterSkip.liveSession.currentItem).toBeNull();
      for (let step = 0; step < 3; step++) await run(ADVANCE, { id: second }, world.cadre);
      expect(await run(SKIP, { id: second }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'VOTING' });
      expect(await run(END, { id: session.gid }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'VOTING' });
      await run(ADVANCE, { id: second }, world.cadre);
      expect(await run(SKIP, { id: second }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'DECIDED' });
      // The third was never taken up: ending the session passes over it.
      expect(await run(END, { id: session.gid }, world.cadre)).toMatchObject({ data: { status: 'ENDED' } });
      expect((await agendaOf(session.gid)).map((item) => item.phase)).toEqual(['SKIPPED', 'DECIDED', 'SKIPPED']);
      expect(await run(ADVANCE, { id: third }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'ENDED' });
    });

    it('refuses to take up a concern that moved on since it was put on the agenda', async () => {
      const session = await liveSession(1);
      await t.db.concern.updateMany({ where: { agendaItems: { some: { sessionId: session.id } } }, data: { status: 'DECLINED' } });
      expect(await run(ADVANCE, { id: session.itemIds[0] }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'DECLINED' });
    });

    it('lets one of two chairs clicking at once move the item, and tells the other', async () => {
      const session = await liveSession(1);
      await t.db.sessionChair.create({ data: { sessionId: session.id, userId: world.admin.id } });
      const results = await Promise.all([world.cadre, world.admin].map((chair) => run(ADVANCE, { id: session.itemIds[0] }, chair)));
      expect(results.map((result) => result.__typename).sort()).toEqual(['AdvanceAgendaItemSuccess', 'InvalidStateError']);
      expect((await agendaOf(session.gid))[0]!.phase).toBe('PROPOSING');
      expect(await t.db.auditEvent.count({ where: { kind: 'session.item_phase_changed', subjectId: session.items[0]!.id } })).toBe(1);
    });

    it('cancels a scheduled session only', async () => {
      const scheduled = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id] });
      expect(await run(CANCEL, { id: id('LiveSession', scheduled.id) }, world.resident)).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await run(CANCEL, { id: id('LiveSession', scheduled.id) }, world.cadre)).toMatchObject({ data: { status: 'CANCELLED' } });
      expect(await run(START, { id: id('LiveSession', scheduled.id) }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'CANCELLED' });
      const live = await liveSession(0);
      expect(await run(CANCEL, { id: live.gid }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'LIVE' });
    });

    it('writes the minutes when the session ends: decisions, attendance, turnout', async () => {
      const session = await liveSession(2);
      const [first, second] = session.items;
      for (let step = 0; step < 4; step++) await run(ADVANCE, { id: session.itemIds[0] }, world.cadre);
      for (let step = 0; step < 3; step++) await run(ADVANCE, { id: session.itemIds[1] }, world.cadre);
      // Two residents vote on the second item's proposal (the ballots themselves are the votes module's business).
      const proposal = await t.db.proposal.create({ data: { concernId: second!.concernId, authorId: world.resident.id, title: '划线', body: '划定车位' } });
      const window = await t.db.votingWindow.findUniqueOrThrow({ where: { agendaItemId: second!.id } });
      for (const voterId of [world.resident.id, world.resident2.id]) {
        await t.db.vote.create({ data: { windowId: window.id, proposalId: proposal.id, voterId, choice: 'SUPPORT' } });
      }
      await run(ADVANCE, { id: session.itemIds[1] }, world.cadre);
      await t.db.attendance.createMany({ data: [world.resident, world.resident2, world.cadre].map((user) => ({ sessionId: session.id, userId: user.id })) });
      expect(await run(END, { id: session.gid }, world.cadre)).toMatchObject({ data: { status: 'ENDED' } });

      const view = (await t.gql(SESSION, { id: session.gid }, world.resident)).data as {
        liveSession: { endedAt: string; minutes: { attendance: number; turnout: object; decisions: object[] } };
      };
      const decision = await t.db.decision.findFirstOrThrow({ where: { sessionId: session.id, concernId: second!.concernId } });
      const concern = await t.db.concern.findUniqueOrThrow({ where: { id: second!.concernId } });
      expect(view.liveSession.endedAt).toBe(clock.now().toISOString());
      expect(view.liveSession.minutes).toEqual({
        attendance: 3,
        turnout: { voterCount: 2, eligibleCount: window.eligibleCount, percent: Math.round((2 * 100) / window.eligibleCount) },
        decisions: [
          expect.objectContaining({ concernId: id('Concern', first!.concernId) }),
          {
            decisionId: id('Decision', decision.id),
            concernId: id('Concern', concern.id),
            title: concern.title,
            adoptedProposalIds: [id('Proposal', proposal.id)],
            quorumMet: decision.quorumMet,
          },
        ],
      });
      const stored = await t.db.liveSession.findUniqueOrThrow({ where: { id: session.id } });
      expect(stored.minutes).toMatchObject({ attendance: 3, decisions: [{ concernId: first!.concernId }, { decisionId: decision.id, adoptedProposalIds: [proposal.id] }] });
      expect(await run(END, { id: session.gid }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'ENDED' });
    });
  });

  describe('hands, the floor and mutes', () => {
    it('queues raised hands, gives and finishes the floor', async () => {
      const session = await liveSession(0);
      const raised = await run(RAISE, { id: session.gid }, world.resident);
      expect(raised).toMatchObject({ data: { status: 'WAITING' } });
      expect(await run(RAISE, { id: session.gid }, world.resident)).toMatchObject({ __typename: 'InvalidStateError', state: 'WAITING' });
      clock.advance(1000);
      const second = await run(RAISE, { id: session.gid }, world.resident2);
      expect(await run(RAISE, { id: session.gid }, world.outsider)).toMatchObject({ __typename: 'NotFoundError' });

      expect(await run(GIVE, { id: raised.data!.id }, world.resident)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      expect(await run(GIVE, { id: raised.data!.id }, world.cadre)).toMatchObject({ data: { status: 'SPEAKING', user: { displayName: world.resident.displayName } } });
      expect(await run(GIVE, { id: raised.data!.id }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'SPEAKING' });
      // Giving the floor to the next one ends the current turn.
      expect(await run(GIVE, { id: second.data!.id }, world.cadre)).toMatchObject({ data: { status: 'SPEAKING' } });
      const view = (await t.gql(SESSION, { id: session.gid }, world.resident)).data as { liveSession: { hands: object[] } };
      expect(view.liveSession.hands).toEqual([{ status: 'SPEAKING', user: { displayName: world.resident2.displayName } }]);
      expect(await run(FINISH, { id: session.gid }, world.resident2)).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await run(FINISH, { id: session.gid }, world.cadre)).toMatchObject({ data: { status: 'DONE' } });
      expect(await run(FINISH, { id: session.gid }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'NOBODY_SPEAKING' });
      expect(await t.db.auditEvent.count({ where: { kind: { in: ['session.floor_given', 'session.floor_finished'] }, actorId: world.cadre.id } })).toBeGreaterThanOrEqual(3);

      expect(await run(RAISE, { id: session.gid }, world.resident)).toMatchObject({ data: { status: 'WAITING' } });
      expect(await run(LOWER, { id: session.gid }, world.resident)).toMatchObject({ data: { status: 'WITHDRAWN' } });
      expect(await run(LOWER, { id: session.gid }, world.resident)).toMatchObject({ __typename: 'NotFoundError' });

      const scheduled = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id] });
      expect(await run(RAISE, { id: id('LiveSession', scheduled.id) }, world.resident)).toMatchObject({ __typename: 'InvalidStateError', state: 'SCHEDULED' });
    });

    it('mutes a member: their hand goes down and they cannot raise it until unmuted', async () => {
      const session = await liveSession(0);
      const target = { id: session.gid, userId: id('User', world.resident2.id) };
      await run(RAISE, { id: session.gid }, world.resident2);
      expect(await run(MUTE, { ...target, reason: '反复打断' }, world.resident)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      expect(await run(MUTE, { ...target, reason: '反复打断' }, world.cadre)).toMatchObject({ data: { reason: '反复打断', liftedAt: null } });
      expect(await run(RAISE, { id: session.gid }, world.resident2)).toMatchObject({ __typename: 'ForbiddenError', reason: 'MUTED' });
      const asMuted = (await t.gql(SESSION, { id: session.gid }, world.resident2)).data as { liveSession: { viewerIsMuted: boolean; hands: object[]; mutes: object[] } };
      expect(asMuted.liveSession).toMatchObject({ viewerIsMuted: true, hands: [], mutes: [] });
      const asCadre = (await t.gql(SESSION, { id: session.gid }, world.cadre)).data as { liveSession: { mutes: object[] } };
      expect(asCadre.liveSession.mutes).toEqual([{ reason: '反复打断', user: { displayName: world.resident2.displayName } }]);

      expect(await run(MUTE, { id: session.gid, userId: id('User', world.cadre.id), reason: '' }, world.cadre)).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['userId'], code: 'IS_CHAIR' }],
      });
      expect(await run(MUTE, { id: session.gid, userId: id('User', world.outsider.id), reason: '' }, world.cadre)).toMatchObject({ __typename: 'NotFoundError' });
      expect(await run(MUTE, { ...target, reason: 'x'.repeat(201) }, world.cadre)).toMatchObject({ __typename: 'ValidationError' });

      expect(await run(UNMUTE, target, world.resident)).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await run(UNMUTE, target, world.cadre)).toMatchObject({ data: { liftedAt: clock.now().toISOString() } });
      expect(await run(UNMUTE, target, world.cadre)).toMatchObject({ __typename: 'NotFoundError' });
      expect(await run(RAISE, { id: session.gid }, world.resident2)).toMatchObject({ data: { status: 'WAITING' } });
      const audited = await t.db.auditEvent.findMany({ where: { subjectId: session.id, kind: { in: ['session.member_muted', 'session.member_unmuted'] } }, orderBy: { id: 'asc' } });
      expect(audited.map((event) => event.kind)).toEqual(['session.member_muted', 'session.member_unmuted']);
    });
  });

  describe('moderating the proposals on the table', () => {
    const HIDE = onSession('hideProposalInSession(itemId: $item, proposalId: $proposal, reason: $reason)', '$item: ID!, $proposal: ID!, $reason: String!', 'status hiddenReason');
    const PIN = onSession('pinProposalInSession(itemId: $item, proposalId: $proposal, pinned: $pinned)', '$item: ID!, $proposal: ID!, $pinned: Boolean!', 'pinned');
    const MERGE = onSession('mergeProposalsInSession(itemId: $item, proposalId: $proposal, intoProposalId: $into)', '$item: ID!, $proposal: ID!, $into: ID!', 'status mergedInto { id }');
    const PROPOSE = `mutation ($concern: ID!) { createProposal(concernId: $concern, input: { title: "错峰停车", body: "晚上七点后开放" }) { __typename ... on ForbiddenError { reason } } }`;
    const ITEM = 'query ($id: ID!) { liveSession(id: $id) { agenda { proposals { id status pinned } } } }';

    it('lets a chair hide, pin and merge the proposals of an item, through the proposals service and its audit trail', async () => {
      const session = await liveSession(1);
      const item = session.items[0]!;
      const [first, second, third] = [
        ...(await t.db.proposal.findMany({ where: { concernId: item.concernId } })),
        await createProposal(t.db, { concernId: item.concernId, authorId: world.resident.id }),
        await createProposal(t.db, { concernId: item.concernId, authorId: world.resident.id }),
      ].map((proposal) => id('Proposal', proposal.id));
      const on = (proposal: string) => ({ item: session.itemIds[0], proposal });

      expect(await run(PIN, { ...on(third!), pinned: true }, world.cadre)).toMatchObject({ data: { pinned: true } });
      expect(await run(HIDE, { ...on(first!), reason: '含有人身攻击' }, world.cadre)).toMatchObject({ data: { status: 'HIDDEN', hiddenReason: '含有人身攻击' } });
      expect(await run(MERGE, { ...on(second!), into: third }, world.cadre)).toMatchObject({ data: { status: 'MERGED', mergedInto: { id: third } } });
      const view = (await t.gql(ITEM, { id: session.gid }, world.resident)).data as { liveSession: { agenda: { proposals: object[] }[] } };
      // Pinned first; the hidden one stays (with its reason), the merged one is gone.
      expect(view.liveSession.agenda[0]!.proposals).toEqual([
        { id: third, status: 'ACTIVE', pinned: true },
        { id: first, status: 'HIDDEN', pinned: false },
      ]);
      const audited = await t.db.auditEvent.findMany({ where: { concernId: item.concernId, kind: { startsWith: 'proposal.' } }, orderBy: { id: 'asc' } });
      expect(audited.map((event) => [event.kind, event.actorId])).toEqual([
        ['proposal.pinned', world.cadre.id],
        ['proposal.hidden', world.cadre.id],
        ['proposal.merged', world.cadre.id],
      ]);
    });

    it("refuses non-chairs, proposals of another item, bad reasons, and what the proposals service refuses", async () => {
      const session = await liveSession(2);
      const [mine, elsewhere] = await Promise.all(
        session.items.map((item) => t.db.proposal.findFirstOrThrow({ where: { concernId: item.concernId } })),
      );
      const on = { item: session.itemIds[0], proposal: id('Proposal', mine!.id) };
      expect(await run(PIN, { ...on, pinned: true }, world.resident)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      expect(await run(PIN, { ...on, pinned: true }, world.admin)).toMatchObject({ __typename: 'ForbiddenError', reason: 'CHAIR_REQUIRED' });
      expect(await run(PIN, { ...on, pinned: true }, world.outsider)).toMatchObject({ __typename: 'NotFoundError' });
      expect(await run(PIN, { ...on, proposal: id('Proposal', elsewhere!.id), pinned: true }, world.cadre)).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['proposalId'], code: 'OTHER_CONCERN' }],
      });
      expect(await run(HIDE, { ...on, reason: ' ' }, world.cadre)).toMatchObject({ __typename: 'ValidationError' });
      for (let step = 0; step < 3; step++) await run(ADVANCE, { id: session.itemIds[0] }, world.cadre);
      const other = await createProposal(t.db, { concernId: mine!.concernId, authorId: world.resident.id, status: 'ACTIVE' });
      // The ballot is fixed once the vote is open.
      expect(await run(MERGE, { ...on, into: id('Proposal', other.id) }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'VOTING' });
      const ended = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], concernIds: [mine!.concernId], status: 'ENDED' });
      expect(await run(PIN, { item: id('AgendaItem', ended.items[0]!.id), proposal: on.proposal, pinned: true }, world.cadre)).toMatchObject({
        __typename: 'InvalidStateError',
        state: 'ENDED',
      });
    });

    it('keeps a muted member from proposing on the concerns of that session', async () => {
      const session = await liveSession(1);
      const concern = id('Concern', session.items[0]!.concernId);
      await run(MUTE, { id: session.gid, userId: id('User', world.resident2.id), reason: '刷屏' }, world.cadre);
      expect((await t.gql(PROPOSE, { concern }, world.resident2)).data).toEqual({ createProposal: { __typename: 'ForbiddenError', reason: 'MUTED' } });
      expect((await t.gql(PROPOSE, { concern }, world.resident)).data).toEqual({ createProposal: { __typename: 'CreateProposalSuccess' } });
      await run(UNMUTE, { id: session.gid, userId: id('User', world.resident2.id) }, world.cadre);
      expect((await t.gql(PROPOSE, { concern }, world.resident2)).data).toEqual({ createProposal: { __typename: 'CreateProposalSuccess' } });
    });
  });

  describe('reading sessions', () => {
    it('shows a community its sessions to come and of the last month, and nothing to others', async () => {
      const old = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'ENDED', scheduledAt: new Date(clock.now().getTime() - 40 * 86_400_000) });
      const upcoming = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], scheduledAt: new Date(clock.now().getTime() + 86_400_000) });
      const LIST = `query ($slug: String!) { community(slug: $slug) { liveSessions { id status } } }`;
      const listed = (await t.gql(LIST, { slug: world.community.slug }, world.resident)).data as { community: { liveSessions: { id: string }[] } };
      const ids = listed.community.liveSessions.map((session) => session.id);
      expect(ids).toContain(id('LiveSession', upcoming.id));
      expect(ids).not.toContain(id('LiveSession', old.id));
      expect((await t.gql(SESSION, { id: id('LiveSession', upcoming.id) }, world.outsider)).data).toEqual({ liveSession: null });
      expect((await t.gql(SESSION, { id: id('LiveSession', upcoming.id) }, undefined)).data).toEqual({ liveSession: null });
    });
  });
});
