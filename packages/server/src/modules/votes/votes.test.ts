import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, hours, testClock, type TestApp } from '../../test-support/harness.js';
import { createApiToken, createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { providers } from '../../test-support/databases.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { deliberationScene, votingScene } from '../../test-support/deliberation-fixtures.js';
import { subscribeSse } from '../../test-support/sse.js';
import { runSchedulersInProcesses } from '../../test-support/processes.js';
import type { TallySnapshot } from '../../events/topics.js';
import { closeDueVotingWindows } from './votes.jobs.js';
import { tallySnapshot } from './votes.service.js';

const gid = (type: string, id: number) => encodeGlobalID(type, id);
const errorFields = `
  ... on ForbiddenError { reason }
  ... on NotFoundError { entity }
  ... on InvalidStateError { entity state }
  ... on ValidationError { issues { path message } }`;

const OPEN = `mutation ($id: ID!, $rules: VotingRulesInput, $closesAt: DateTime) {
  openVotingWindow(concernId: $id, rules: $rules, closesAt: $closesAt) {
    __typename
    ... on OpenVotingWindowSuccess { data { id status eligibleCount quorumCount closesAt rules { quorumPercent thresholdPercent talliesHidden } concern { status } } }
    ${errorFields}
  }
}`;
const CAST = `mutation ($id: ID!, $choice: VoteChoice!) {
  castVote(proposalId: $id, choice: $choice) { __typename ... on CastVoteSuccess { data { myVote } } ${errorFields} }
}`;
const RETRACT = `mutation ($id: ID!) { retractVote(proposalId: $id) { __typename ... on RetractVoteSuccess { data { myVote } } ${errorFields} } }`;
const CLOSE = `mutation ($id: ID!) {
  closeVotingWindow(windowId: $id) {
    __typename
    ... on CloseVotingWindowSuccess { data {
      quorumMet voterCount eligibleCount quorumCount thresholdPercent chairName
      tally { title support oppose abstain adopted proposal { status } }
      adoptedProposals { title }
      concern { status }
    } }
    ${errorFields}
  }
}`;
const CONCERN = `query ($id: ID!) {
  concern(id: $id) {
    status
    votingWindow { status tally { voterCount lines { support oppose abstain } } }
    decisions { quorumMet }
    proposals { edges { node { title status myVote tally { support oppose abstain } } } }
  }
}`;

type Result<T = Record<string, unknown>> = { __typename: string } & T;
const field = <T = Record<string, unknown>>(data: unknown, name: string) => (data as Record<string, Result<T>>)[name]!;

describe.each(providers)('voting on %s', (provider) => {
  let t: TestApp;
  let world: World;
  const clock = testClock();

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const cast = async (user: TestUser, proposalId: number, choice: 'SUPPORT' | 'OPPOSE' | 'ABSTAIN') =>
    field(await t.gql(CAST, { id: gid('Proposal', proposalId), choice }, user).then((r) => r.data), 'castVote');
  const voting = (options: { proposals?: number; talliesHidden?: boolean; quorumPercent?: number; closesAt?: Date } = {}) =>
    votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, ...options });

  describe('opening', () => {
    it("freezes the community's rules and the active electorate, and puts the concern to the vote", async () => {
      const suspended = await createUser(t.db, { communityId: world.community.id });
      await t.db.membership.updateMany({ where: { userId: suspended.id }, data: { status: 'SUSPENDED' } });
      await t.db.community.update({ where: { id: world.community.id }, data: { quorumPercent: 30, thresholdPercent: 60 } });
      const active = await t.db.membership.count({ where: { communityId: world.community.id, status: 'ACTIVE' } });
      const { concern, proposals } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id, proposals: 2 });
      const board = t.app.deps.pubsub.subscribe('board', world.community.id)[Symbol.asyncIterator]();
      const nextBoard = board.next();

      const result = await t.gql(OPEN, { id: gid('Concern', concern.id) }, world.cadre);
      expect(field(result.data, 'openVotingWindow')).toEqual({
        __typename: 'OpenVotingWindowSuccess',
        data: {
          id: expect.any(String),
          status: 'OPEN',
          eligibleCount: active,
          quorumCount: Math.ceil((active * 30) / 100),
          closesAt: null,
          rules: { quorumPercent: 30, thresholdPercent: 60, talliesHidden: false },
          concern: { status: 'VOTING' },
        },
      });
      expect((await nextBoard).value).toMatchObject({ concernId: concern.id, status: 'VOTING' });
      await board.return?.();

      // Later changes to the settings leave the open window alone.
      await t.db.community.update({ where: { id: world.community.id }, data: { quorumPercent: 90, thresholdPercent: 50 } });
      const window = await t.db.votingWindow.findFirstOrThrow({ where: { concernId: concern.id } });
      expect([window.quorumPercent, window.thresholdPercent, window.openedById]).toEqual([30, 60, world.cadre.id]);
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'voting.opened', subjectId: window.id } });
      expect(audit).toMatchObject({ actorId: world.cadre.id, concernId: concern.id });
      expect(audit.data).toMatchObject({ proposalIds: proposals.map((p) => p.id), quorumPercent: 30, eligibleCount: active });
      await t.db.community.update({ where: { id: world.community.id }, data: { quorumPercent: 20, thresholdPercent: 50 } });
    });

    it('takes the rules it is given, and a closing time', async () => {
      const { concern } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
      const closesAt = new Date(clock.now().getTime() + hours(48)).toISOString();
      const result = await t.gql(OPEN, { id: gid('Concern', concern.id), rules: { quorumPercent: 0, talliesHidden: true }, closesAt }, world.admin);
      expect(field(result.data, 'openVotingWindow')).toMatchObject({
        data: { closesAt, quorumCount: 0, rules: { quorumPercent: 0, thresholdPercent: 50, talliesHidden: true } },
      });
    });

    it('names every bad rule at once, and refuses a closing time in the past', async () => {
      const { concern } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
      const bad = await t.gql(OPEN, { id: gid('Concern', concern.id), rules: { quorumPercent: 101, thresholdPercent: 40 } }, world.cadre);
      const issues = field<{ issues: { path: string[] }[] }>(bad.data, 'openVotingWindow').issues.map((issue) => issue.path.join('.'));
      expect(issues.sort()).toEqual(['rules.quorumPercent', 'rules.thresholdPercent']);
      const past = await t.gql(OPEN, { id: gid('Concern', concern.id), closesAt: new Date(clock.now().getTime() - 1000).toISOString() }, world.cadre);
      expect(field(past.data, 'openVotingWindow')).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['closesAt'] }] });
      expect(await t.db.votingWindow.count({ where: { concernId: concern.id } })).toBe(0);
    });

    it('refuses residents, outsiders and anonymous callers', async () => {
      const { concern } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
      const id = gid('Concern', concern.id);
      expect(field((await t.gql(OPEN, { id }, world.resident)).data, 'openVotingWindow')).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      // The world's community is public: an outsider may read the concern but not open a vote on it.
      expect(field((await t.gql(OPEN, { id }, world.outsider)).data, 'openVotingWindow')).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(field((await t.gql(OPEN, { id })).data, 'openVotingWindow')).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await t.db.votingWindow.count({ where: { concernId: concern.id } })).toBe(0);
    });

    it('refuses a concern with nothing to vote on, one not yet acknowledged, and one already voting', async () => {
      const empty = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id, proposals: 0 });
      expect(field((await t.gql(OPEN, { id: gid('Concern', empty.concern.id) }, world.cadre)).data, 'openVotingWindow')).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Concern',
        state: 'NO_ACTIVE_PROPOSALS',
      });
      const reported = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'REPORTED' });
      await t.db.proposal.create({ data: { concernId: reported.id, authorId: world.resident.id, title: '方案', body: '内容' } });
      expect(field((await t.gql(OPEN, { id: gid('Concern', reported.id) }, world.cadre)).data, 'openVotingWindow')).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Concern',
        state: 'REPORTED',
      });
      const { concern } = await voting();
      expect(field((await t.gql(OPEN, { id: gid('Concern', concern.id) }, world.cadre)).data, 'openVotingWindow')).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Concern',
        state: 'VOTING',
      });
    });
  });

  describe('casting', () => {
    it('records one vote per member and proposal, which the member may change or take back, and reads back only their own', async () => {
      const { concern, proposals } = await voting({ proposals: 2 });
      const [first, second] = proposals.map((p) => p.id) as [number, number];
      expect(await cast(world.resident, first, 'SUPPORT')).toEqual({ __typename: 'CastVoteSuccess', data: { myVote: 'SUPPORT' } });
      expect(await cast(world.resident, first, 'OPPOSE')).toEqual({ __typename: 'CastVoteSuccess', data: { myVote: 'OPPOSE' } });
      await cast(world.resident, first, 'OPPOSE');
      await cast(world.resident2, first, 'SUPPORT');
      await cast(world.cadre, second, 'ABSTAIN');
      expect(await t.db.vote.count({ where: { proposalId: first } })).toBe(2);

      const asResident = await t.gql(CONCERN, { id: gid('Concern', concern.id) }, world.resident);
      const resident = (asResident.data as { concern: { votingWindow: unknown; proposals: { edges: { node: Record<string, unknown> }[] } } }).concern;
      expect(resident.votingWindow).toEqual({ status: 'OPEN', tally: { voterCount: 3, lines: [{ support: 1, oppose: 1, abstain: 0 }, { support: 0, oppose: 0, abstain: 1 }] } });
      expect(resident.proposals.edges.map((edge) => [edge.node.myVote, edge.node.tally])).toEqual([
        ['OPPOSE', { support: 1, oppose: 1, abstain: 0 }],
        [null, { support: 0, oppose: 0, abstain: 1 }],
      ]);

      const retracted = field((await t.gql(RETRACT, { id: gid('Proposal', first) }, world.resident)).data, 'retractVote');
      expect(retracted).toEqual({ __typename: 'RetractVoteSuccess', data: { myVote: null } });
      expect(field((await t.gql(RETRACT, { id: gid('Proposal', first) }, world.resident)).data, 'retractVote')).toMatchObject({ __typename: 'RetractVoteSuccess' });
      expect(await t.db.vote.findMany({ where: { proposalId: first }, select: { voterId: true, choice: true } })).toEqual([{ voterId: world.resident2.id, choice: 'SUPPORT' }]);
    });

    it('refuses anonymous callers, outsiders and suspended members, and writes nothing', async () => {
      const { proposals } = await voting();
      const id = proposals[0]!.id;
      const anonymous = field((await t.gql(CAST, { id: gid('Proposal', id), choice: 'SUPPORT' })).data, 'castVote');
      expect(anonymous).toEqual({ __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' });
      expect(await cast(world.outsider, id, 'SUPPORT')).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
      const suspended = await createUser(t.db, { communityId: world.community.id });
      await t.db.membership.updateMany({ where: { userId: suspended.id }, data: { status: 'SUSPENDED' } });
      expect(await cast(suspended, id, 'SUPPORT')).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
      expect(field((await t.gql(RETRACT, { id: gid('Proposal', id) }, world.outsider)).data, 'retractVote')).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await t.db.vote.count({ where: { proposalId: id } })).toBe(0);
    });

    it('refuses votes outside an open window and on proposals off the ballot', async () => {
      const { proposals: [open] } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
      expect(await cast(world.resident, open!.id, 'SUPPORT')).toEqual({ __typename: 'InvalidStateError', entity: 'VotingWindow', state: 'NOT_OPEN' });
      expect(field((await t.gql(RETRACT, { id: gid('Proposal', open!.id) }, world.resident)).data, 'retractVote')).toEqual({
        __typename: 'InvalidStateError',
        entity: 'VotingWindow',
        state: 'NOT_OPEN',
      });

      const { proposals, window } = await voting({ proposals: 2, closesAt: new Date(clock.now().getTime() + hours(1)) });
      await t.db.proposal.update({ where: { id: proposals[1]!.id }, data: { status: 'HIDDEN', hiddenReason: '重复' } });
      expect(await cast(world.resident, proposals[1]!.id, 'SUPPORT')).toEqual({ __typename: 'InvalidStateError', entity: 'Proposal', state: 'HIDDEN' });

      // Past its closing time, a window takes no votes even before the scheduler has closed it.
      clock.advance(hours(2));
      expect(await cast(world.resident, proposals[0]!.id, 'SUPPORT')).toEqual({ __typename: 'InvalidStateError', entity: 'VotingWindow', state: 'CLOSED' });
      await t.db.votingWindow.update({ where: { id: window.id }, data: { status: 'CLOSED', closedAt: clock.now() } });
      expect(await cast(world.resident, proposals[0]!.id, 'SUPPORT')).toMatchObject({ __typename: 'InvalidStateError', entity: 'VotingWindow' });
      expect(await t.db.vote.count({ where: { windowId: window.id } })).toBe(0);
    });

    it('issues two statements of its own per vote, beyond reading who is calling', async () => {
      const { proposals } = await voting();
      const id = gid('Proposal', proposals[0]!.id);
      const QUIET = `mutation ($id: ID!) { castVote(proposalId: $id, choice: SUPPORT) { __typename } }`;
      // The coalesced tally publish runs on its own clock; it is counted apart (see "under load").
      const coalescer = t.app.deps.coalescer;
      const touch = coalescer.touch;
      coalescer.touch = () => {};
      try {
        // A first request may refresh the session's last-seen time; measure after it.
        await t.gql('{ __typename }', {}, world.resident);
        t.queries.length = 0;
        await t.gql('{ __typename }', {}, world.resident);
        const callerOnly = t.queries.length;
        t.queries.length = 0;
        expect(await t.gql(QUIET, { id }, world.resident)).toMatchObject({ data: { castVote: { __typename: 'CastVoteSuccess' } } });
        expect(t.queries.length - callerOnly).toBe(2);
      } finally {
        coalescer.touch = touch;
      }
    });
  });

  describe('hidden tallies', () => {
    it('shows residents no counts until the window closes; cadres see them throughout', async () => {
      const { concern, proposals, window } = await voting({ talliesHidden: true });
      await cast(world.resident, proposals[0]!.id, 'SUPPORT');
      const id = gid('Concern', concern.id);
      const asResident = (await t.gql(CONCERN, { id }, world.resident)).data as { concern: { votingWindow: unknown; proposals: { edges: { node: unknown }[] } } };
      expect(asResident.concern.votingWindow).toEqual({ status: 'OPEN', tally: null });
      expect(asResident.concern.proposals.edges[0]!.node).toMatchObject({ myVote: 'SUPPORT', tally: null });
      const asCadre = (await t.gql(CONCERN, { id }, world.cadre)).data as { concern: { votingWindow: unknown } };
      expect(asCadre.concern.votingWindow).toEqual({ status: 'OPEN', tally: { voterCount: 1, lines: [{ support: 1, oppose: 0, abstain: 0 }] } });

      await t.gql(CLOSE, { id: gid('VotingWindow', window.id) }, world.cadre);
      const after = (await t.gql(CONCERN, { id }, world.resident)).data as { concern: { votingWindow: unknown; proposals: { edges: { node: unknown }[] } } };
      expect(after.concern.votingWindow).toEqual({ status: 'CLOSED', tally: { voterCount: 1, lines: [{ support: 1, oppose: 0, abstain: 0 }] } });
      expect(after.concern.proposals.edges[0]!.node).toMatchObject({ status: 'ADOPTED', tally: { support: 1, oppose: 0, abstain: 0 } });
    });
  });

  describe('closing', () => {
    it('records the decision: frozen tally, quorum, threshold, chair; proposals adopted or rejected; reporter and seconders told', async () => {
      const [voter3, voter4] = await Promise.all([createUser(t.db, { communityId: world.community.id }), createUser(t.db, { communityId: world.community.id })]);
      const { concern, proposals, window } = await voting({ proposals: 3, quorumPercent: 40 });
      await t.db.second.createMany({ data: [{ concernId: concern.id, userId: world.resident2.id }, { concernId: concern.id, userId: world.cadre.id }] });
      const [p1, p2, p3] = proposals.map((p) => p.id) as [number, number, number];
      // p1: 3 for, 1 against (75% > 50%); p2: 2 for, 2 against (a tie is not a majority); p3: one abstention.
      for (const voter of [world.resident, world.resident2, voter3]) await cast(voter, p1, 'SUPPORT');
      await cast(voter4, p1, 'OPPOSE');
      for (const voter of [world.resident, world.resident2]) await cast(voter, p2, 'SUPPORT');
      for (const voter of [voter3, voter4]) await cast(voter, p2, 'OPPOSE');
      await cast(world.resident, p3, 'ABSTAIN');
      const unreadBefore = await t.db.notification.count({ where: { kind: 'DECISION_RECORDED' } });

      const closed = field((await t.gql(CLOSE, { id: gid('VotingWindow', window.id) }, world.cadre)).data, 'closeVotingWindow');
      expect(closed).toEqual({
        __typename: 'CloseVotingWindowSuccess',
        data: {
          quorumMet: true,
          voterCount: 4,
          eligibleCount: window.eligibleCount,
          quorumCount: window.quorumCount,
          thresholdPercent: 50,
          chairName: '张书记',
          tally: [
            { title: proposals[0]!.title, support: 3, oppose: 1, abstain: 0, adopted: true, proposal: { status: 'ADOPTED' } },
            { title: proposals[1]!.title, support: 2, oppose: 2, abstain: 0, adopted: false, proposal: { status: 'REJECTED' } },
            { title: proposals[2]!.title, support: 0, oppose: 0, abstain: 1, adopted: false, proposal: { status: 'REJECTED' } },
          ],
          adoptedProposals: [{ title: proposals[0]!.title }],
          concern: { status: 'DECIDED' },
        },
      });
      expect(window.quorumCount).toBeLessThanOrEqual(4);
      const decision = await t.db.decision.findUniqueOrThrow({ where: { windowId: window.id } });
      expect(decision.chairId).toBe(world.cadre.id);
      expect(await t.db.votingWindow.findUniqueOrThrow({ where: { id: window.id } })).toMatchObject({ status: 'CLOSED', closedById: world.cadre.id });

      // The reporter and the seconders hear of it; the cadre who closed it does not need to.
      const told = await t.db.notification.findMany({ where: { kind: 'DECISION_RECORDED', subject: `concern:${concern.id}` }, select: { userId: true, params: true } });
      expect(told.map((n) => n.userId).sort()).toEqual([world.resident.id, world.resident2.id].sort());
      expect(told[0]!.params).toEqual({ concernId: concern.id, title: concern.title, decisionId: decision.id, quorumMet: true, adoptedCount: 1 });
      expect(await t.db.notification.count({ where: { kind: 'DECISION_RECORDED' } })).toBe(unreadBefore + 2);
      const audit = await t.db.auditEvent.findMany({ where: { concernId: concern.id, kind: { in: ['voting.closed', 'decision.recorded'] } }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => [a.kind, a.data])).toEqual([
        ['voting.closed', { windowId: window.id, voterCount: 4, quorumMet: true }],
        ['decision.recorded', { decisionId: decision.id, quorumMet: true, voterCount: 4, adoptedProposalIds: [p1] }],
      ]);

      const again = field((await t.gql(CLOSE, { id: gid('VotingWindow', window.id) }, world.admin)).data, 'closeVotingWindow');
      expect(again).toEqual({ __typename: 'InvalidStateError', entity: 'VotingWindow', state: 'CLOSED' });
      expect(await t.db.decision.count({ where: { windowId: window.id } })).toBe(1);
    });

    it('adopts nothing when the quorum is not met', async () => {
      const { proposals, window } = await voting({ quorumPercent: 100 });
      await cast(world.resident, proposals[0]!.id, 'SUPPORT');
      const closed = field<{ data: unknown }>((await t.gql(CLOSE, { id: gid('VotingWindow', window.id) }, world.cadre)).data, 'closeVotingWindow');
      expect(closed.data).toMatchObject({ quorumMet: false, voterCount: 1, tally: [{ support: 1, adopted: false, proposal: { status: 'REJECTED' } }], adoptedProposals: [] });
    });

    it('leaves a proposal hidden during the vote off the ballot, with its voters', async () => {
      const { proposals, window } = await voting({ proposals: 2, quorumPercent: 0 });
      await cast(world.resident, proposals[0]!.id, 'SUPPORT');
      await cast(world.resident2, proposals[1]!.id, 'SUPPORT');
      const HIDE = `mutation ($id: ID!) { hideProposal(proposalId: $id, reason: "与议题无关") { __typename } }`;
      const events = t.app.deps.pubsub.subscribe('tally', window.id)[Symbol.asyncIterator]();
      const published = events.next();
      expect(field((await t.gql(HIDE, { id: gid('Proposal', proposals[1]!.id) }, world.cadre)).data, 'hideProposal')).toEqual({ __typename: 'HideProposalSuccess' });
      // The room's tally loses the hidden proposal's line (earlier snapshots of the votes may come first).
      let latest = (await published).value as TallySnapshot;
      while (latest.lines.length > 1) latest = (await events.next()).value as TallySnapshot;
      expect(latest.lines.map((line) => line.proposalId)).toEqual([proposals[0]!.id]);
      await events.return?.();
      const closed = field<{ data: { voterCount: number; tally: { title: string }[] } }>(
        (await t.gql(CLOSE, { id: gid('VotingWindow', window.id) }, world.cadre)).data,
        'closeVotingWindow',
      );
      expect(closed.data.voterCount).toBe(1);
      expect(closed.data.tally.map((line) => line.title)).toEqual([proposals[0]!.title]);
      expect((await t.db.proposal.findUniqueOrThrow({ where: { id: proposals[1]!.id } })).status).toBe('HIDDEN');
    });

    it('refuses residents and outsiders', async () => {
      const { window } = await voting();
      const id = gid('VotingWindow', window.id);
      expect(field((await t.gql(CLOSE, { id }, world.resident)).data, 'closeVotingWindow')).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(field((await t.gql(CLOSE, { id }, world.outsider)).data, 'closeVotingWindow')).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect((await t.db.votingWindow.findUniqueOrThrow({ where: { id: window.id } })).status).toBe('OPEN');
    });

    it('is closed by the scheduler once its time has come, exactly once across two server processes', async () => {
      // The scheduler processes keep real time.
      const past = new Date(Date.now() - 1000);
      const { concern, window } = await voting({ closesAt: past });
      const { window: notYet } = await voting({ closesAt: new Date(Date.now() + hours(1)) });
      const { window: closedByHand } = await voting({ closesAt: past });
      await t.gql(CLOSE, { id: gid('VotingWindow', closedByHand.id) }, world.cadre);

      const rounds = await runSchedulersInProcesses(t.app.deps.config.DATABASE_URL, 2);
      expect(rounds.map((round) => round.log)).toEqual(['', '']);
      expect(rounds.map((round) => round.fired[closeDueVotingWindows.name]).sort()).toEqual([0, 1]);

      const decisions = await t.db.decision.findMany({ where: { windowId: window.id } });
      expect(decisions).toHaveLength(1);
      expect(decisions[0]!.chairId).toBe(world.cadre.id); // the opener chairs a timed window
      expect(await t.db.schedulerFiring.count({ where: { kind: 'voting.close', subjectKey: `window:${window.id}` } })).toBe(1);
      expect(await t.db.votingWindow.findUniqueOrThrow({ where: { id: window.id } })).toMatchObject({ status: 'CLOSED', closedById: null });
      expect((await t.db.concern.findUniqueOrThrow({ where: { id: concern.id } })).status).toBe('DECIDED');
      expect(await t.db.notification.count({ where: { kind: 'DECISION_RECORDED', subject: `concern:${concern.id}` } })).toBe(1);
      expect((await t.db.votingWindow.findUniqueOrThrow({ where: { id: notYet.id } })).status).toBe('OPEN');
      expect(await t.db.schedulerFiring.count({ where: { subjectKey: { in: [`window:${notYet.id}`, `window:${closedByHand.id}`] } } })).toBe(0);
    });
  });

  describe('under load', () => {
    it('keeps one vote per member and proposal, and tallies equal to the votes, with 200 votes at once', async () => {
      const members = await Promise.all(Array.from({ length: 180 }, () => createUser(t.db, { communityId: world.community.id })));
      const { proposals, window } = await voting({ proposals: 2 });
      const [p1, p2] = proposals.map((p) => p.id) as [number, number];
      const choices = ['SUPPORT', 'OPPOSE', 'ABSTAIN'] as const;
      const calls = [
        ...members.map((member, i) => () => cast(member, i % 2 ? p1 : p2, choices[i % 3]!)),
        // One member, twenty times, changing their mind on both proposals.
        ...Array.from({ length: 20 }, (_, i) => () => cast(world.resident2, i % 2 ? p1 : p2, choices[i % 3]!)),
      ];
      const published: TallySnapshot[] = [];
      const events = t.app.deps.pubsub.subscribe('tally', window.id)[Symbol.asyncIterator]();
      void (async () => {
        for (let next = await events.next(); !next.done; next = await events.next()) published.push(next.value);
      })();

      const results = await Promise.all(calls.map((call) => call()));
      expect(results.filter((r) => r.__typename !== 'CastVoteSuccess')).toEqual([]);

      const rows = await t.db.vote.findMany({ where: { windowId: window.id }, select: { proposalId: true, voterId: true, choice: true } });
      expect(rows).toHaveLength(182);
      expect(new Set(rows.map((r) => `${r.proposalId}:${r.voterId}`)).size).toBe(182);
      const counted = await t.db.vote.groupBy({ by: ['proposalId', 'choice'], where: { windowId: window.id }, _count: { _all: true } });
      const expected = [p1, p2].map((proposalId) => ({
        proposalId,
        support: counted.find((c) => c.proposalId === proposalId && c.choice === 'SUPPORT')?._count._all ?? 0,
        oppose: counted.find((c) => c.proposalId === proposalId && c.choice === 'OPPOSE')?._count._all ?? 0,
        abstain: counted.find((c) => c.proposalId === proposalId && c.choice === 'ABSTAIN')?._count._all ?? 0,
      }));
      const TALLY = `query ($id: ID!) { concern(id: $id) { votingWindow { tally { voterCount lines { support oppose abstain } } } } }`;
      const read = (await t.gql(TALLY, { id: gid('Concern', window.concernId) }, world.cadre)).data as { concern: { votingWindow: { tally: { voterCount: number; lines: unknown[] } } } };
      expect(read.concern.votingWindow.tally).toEqual({ voterCount: 181, lines: expected.map(({ proposalId: _, ...line }) => line) });

      // The burst went out as a few coalesced snapshots, the last of them the final count, in version order.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await events.return?.();
      expect(published.length).toBeGreaterThan(0);
      expect(published.length).toBeLessThan(40);
      expect(published.at(-1)!.lines).toEqual(expected);
      const versions = published.map((s) => s.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
    });
  });
});

describe('the tally subscription', () => {
  let t: TestApp;
  let world: World;
  const SUBSCRIBE = 'subscription ($id: ID!) { tally(windowId: $id) { version closed voterCount quorumReached lines { proposalId support oppose } } }';

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db, { isPublic: false });
  });
  afterAll(() => t.close());

  it('sends the current snapshot, then each change, without lines to residents while hidden, and ends at the close', async () => {
    const { proposals, window } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, talliesHidden: true });
    const id = gid('VotingWindow', window.id);
    const resident = await subscribeSse(t, SUBSCRIBE, { id }, world.resident);
    const cadre = await subscribeSse(t, SUBSCRIBE, { id }, world.cadre);
    try {
      const first = (await resident.next()).data as { tally: { version: number; lines: unknown } };
      expect(first.tally).toMatchObject({ closed: false, voterCount: 0, lines: null });
      expect(((await cadre.next()).data as { tally: unknown }).tally).toMatchObject({ lines: [{ proposalId: gid('Proposal', proposals[0]!.id), support: 0, oppose: 0 }] });

      await t.gql(CAST, { id: gid('Proposal', proposals[0]!.id), choice: 'OPPOSE' }, world.resident2);
      const changed = (await resident.next()).data as { tally: { version: number } };
      expect(changed.tally).toMatchObject({ closed: false, voterCount: 1, lines: null });
      expect(changed.tally.version).toBeGreaterThan(first.tally.version);
      expect(((await cadre.next()).data as { tally: unknown }).tally).toMatchObject({ voterCount: 1, lines: [{ support: 0, oppose: 1 }] });

      await t.gql(CLOSE, { id }, world.cadre);
      const final = (await resident.next()).data as { tally: unknown };
      expect(final.tally).toMatchObject({ closed: true, voterCount: 1, lines: [{ support: 0, oppose: 1 }] });
      expect(await resident.ended()).toEqual([]);
    } finally {
      resident.close();
      cadre.close();
    }
  });

  it('costs no database statement per delivered snapshot, however many subscribers', async () => {
    const { window } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
    const id = gid('VotingWindow', window.id);
    const subscribers = await Promise.all([world.resident, world.resident2, world.cadre, world.admin].map((user) => subscribeSse(t, SUBSCRIBE, { id }, user)));
    try {
      for (const subscriber of subscribers) await subscriber.next();
      const snapshot = await tallySnapshot(t.app.deps, window.id);
      t.queries.length = 0;
      for (let i = 1; i <= 3; i++) t.app.deps.pubsub.publish('tally', window.id, { ...snapshot, version: snapshot.version + i });
      for (const subscriber of subscribers) for (let i = 1; i <= 3; i++) expect((await subscriber.next()).data).toMatchObject({ tally: { version: snapshot.version + i } });
      expect(t.queries).toEqual([]);
    } finally {
      for (const subscriber of subscribers) subscriber.close();
    }
  });

  it('admits API tokens with the SESSIONS scope and refuses others, outsiders and anonymous callers', async () => {
    const { window } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
    const id = gid('VotingWindow', window.id);
    const sessions = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] });
    const board = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    const admitted = await subscribeSse(t, SUBSCRIBE, { id }, { token: sessions });
    expect((await admitted.next()).data).toMatchObject({ tally: { closed: false } });
    admitted.close();
    // Anonymous callers may not subscribe at all, so they hear that they must sign in.
    for (const [caller, code] of [[{ token: board }, 'FORBIDDEN'], [world.outsider, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      const refused = await subscribeSse(t, SUBSCRIBE, { id }, caller);
      expect((await refused.next()).errors?.[0]?.extensions?.code).toBe(code);
      refused.close();
    }
  });

  it('carries snapshots between server processes through Redis', async () => {
    const redis = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    try {
      const w = await createWorld(redis.db);
      const { proposals, window } = await votingScene(redis.db, { community: w.community, reporterId: w.resident.id, openedById: w.cadre.id });
      const sub = await subscribeSse(redis, SUBSCRIBE, { id: gid('VotingWindow', window.id) }, w.resident);
      try {
        expect(redis.app.deps.eventBus.kind).toBe('redis');
        expect((await sub.next()).data).toMatchObject({ tally: { voterCount: 0 } });
        // Redis confirms a new subscription in its own time, and a publish before that reaches nobody:
        // vote again until a snapshot has made the round trip.
        let event: Awaited<ReturnType<typeof sub.next>> | undefined;
        for (let attempt = 0; attempt < 10 && !event; attempt++) {
          await redis.gql(CAST, { id: gid('Proposal', proposals[0]!.id), choice: 'SUPPORT' }, w.resident2);
          event = await sub.next(1000).catch(() => undefined);
        }
        expect(event?.data).toMatchObject({ tally: { voterCount: 1, lines: [{ support: 1, oppose: 0 }] } });
      } finally {
        sub.close();
      }
    } finally {
      await redis.close();
    }
  });
});
