// The whole loop, through the API, on both databases: report -> second -> acknowledge -> propose ->
// vote -> decide -> action -> milestones -> done -> ratings -> closed (or reopened, and round again)
// -> rule published -> rule adopted by another community.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../src/scheduler/scheduler.js';
import { scheduledJobs } from '../src/scheduler/jobs.js';
import { providers } from '../src/test-support/databases.js';
import { createTestApp, days, testClock, type Caller, type TestApp } from '../src/test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../src/test-support/fixtures.js';
import { keepSessionsAlive, secondServer } from '../src/test-support/loop-fixtures.js';
import { gqlMultipart, photoFiles } from '../src/test-support/multipart.js';
import { report } from '../src/modules/concerns/concerns.test-helpers.js';

const SECOND = `mutation ($id: ID!) { secondConcern(concernId: $id) { __typename ... on SecondConcernSuccess { data { secondCount } } } }`;
const ACKNOWLEDGE = `mutation ($id: ID!, $answer: String!) {
  acknowledgeConcern(concernId: $id, answer: $answer) { __typename ... on AcknowledgeConcernSuccess { data { status } } } }`;
const PROPOSE = `mutation ($id: ID!, $input: ProposalInput!) {
  createProposal(concernId: $id, input: $input) { __typename ... on CreateProposalSuccess { data { id } } } }`;
const OPEN_VOTING = `mutation ($id: ID!) { openVotingWindow(concernId: $id) { __typename ... on OpenVotingWindowSuccess { data { id } } } }`;
const VOTE = `mutation ($id: ID!, $choice: VoteChoice!) { castVote(proposalId: $id, choice: $choice) { __typename ... on CastVoteSuccess { data { myVote } } } }`;
const CLOSE_VOTING = `mutation ($id: ID!) { closeVotingWindow(windowId: $id) {
  __typename ... on CloseVotingWindowSuccess { data { id quorumMet adoptedProposals { id } tally { title support oppose adopted } } } } }`;
const ACTION = `id status progress overdue concern { status } milestones { id title done }
  ratingWindow { isOpen outcome } ratingSummary { satisfied basicallySatisfied dissatisfied total satisfactionPercent } myRating { value }`;
const CREATE_ACTION = `mutation ($decisionId: ID!, $proposalId: ID!, $input: CreateActionInput!) {
  createAction(decisionId: $decisionId, proposalId: $proposalId, input: $input) { __typename ... on CreateActionSuccess { data { ${ACTION} } } } }`;
const onAction = (field: string, arg = 'actionId') =>
  `mutation ($id: ID!) { ${field}(${arg}: $id) { __typename ... on ${field[0]!.toUpperCase()}${field.slice(1)}Success { data { ${ACTION} } } } }`;
const POST_UPDATE = `mutation ($id: ID!, $input: ProgressUpdateInput!) {
  postProgressUpdate(actionId: $id, input: $input) { __typename ... on PostProgressUpdateSuccess { data { body photos { url } } } } }`;
const RATE = `mutation ($id: ID!, $value: Satisfaction!, $comment: String) {
  rateAction(actionId: $id, value: $value, comment: $comment) {
    __typename ... on RateActionSuccess { data { ${ACTION} } } ... on ForbiddenError { reason } } }`;
const CONCERN = `query ($id: ID!) { concern(id: $id) { status resolvedAt closedAt reopenedAt timeline { kind data } actions { id status } } }`;
const RULE = `id status title adoptionCount currentVersion adoptedFrom { sourceVersion sourceRule { id } } community { slug }`;
const DRAFT_RULE = `mutation ($decisionId: ID!, $input: DraftRuleInput!) {
  draftRule(decisionId: $decisionId, input: $input) { __typename ... on DraftRuleSuccess { data { ${RULE} } } } }`;
const PUBLISH_RULE = `mutation ($id: ID!) { publishRule(ruleId: $id) { __typename ... on PublishRuleSuccess { data { ${RULE} } } } }`;
const ADOPT_RULE = `mutation ($id: ID!, $communityId: ID!) {
  adoptRule(ruleId: $id, communityId: $communityId) { __typename ... on AdoptRuleSuccess { data { ${RULE} } } } }`;
const LIBRARY = `query ($search: String) { practiceLibrary(search: $search, first: 10) { edges { node { id title fromMyCommunity community { slug } } } } }`;
const NOTIFICATIONS = `{ me { unreadNotificationCount notifications(first: 50) { edges { node { kind subject params } } } } }`;
const FIGURES = `query ($slug: String!) { community(slug: $slug) { figures { __typename ... on CommunityFiguresSuccess { data {
  totals { reported responded resolved ratings satisfactionRate resolutionRate } } } } } }`;
const AUDIT = `query ($slug: String!) { community(slug: $slug) { auditTrail(first: 100) { edges { node { kind data } } } } }`;

type ActionView = {
  id: string;
  status: string;
  progress: number;
  concern: { status: string };
  milestones: { id: string; title: string; done: boolean }[];
  ratingWindow: { isOpen: boolean; outcome: string | null } | null;
  ratingSummary: { satisfied: number; basicallySatisfied: number; dissatisfied: number; total: number; satisfactionPercent: number | null };
  myRating: { value: string } | null;
};

/** What must never reach anyone but its owner: a vote choice or an individual rating value. */
const secretValues = /SUPPORT|OPPOSE|ABSTAIN|BASICALLY_SATISFIED|"DISSATISFIED"|"SATISFIED"|"choice"/;

describe.each(providers)('the closed loop on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let neighbour: TestUser;
  let voters: TestUser[];
  let bystander: TestUser;
  let villageCadre: TestUser;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
    neighbour = await createUser(t.db, { communityId: world.community.id, displayName: '赵电工' });
    voters = [
      await createUser(t.db, { communityId: world.community.id, displayName: '钱大姐' }),
      await createUser(t.db, { communityId: world.community.id, displayName: '孙叔' }),
    ];
    bystander = await createUser(t.db, { communityId: world.community.id, displayName: '周阿婆' });
    await t.db.community.update({ where: { id: world.otherCommunity.id }, data: { kind: 'VILLAGE', name: '桃源村' } });
    villageCadre = await createUser(t.db, { communityId: world.otherCommunity.id, role: 'CADRE', displayName: '桃源村支书' });
  });
  afterAll(() => t.close());

  async function query<T>(text: string, variables: Record<string, unknown>, as: Caller): Promise<T> {
    const result = await t.gql<T>(text, variables, as);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  }

  /** Runs a mutation and expects its Success result; returns the data. */
  async function succeed<T = ActionView>(text: string, variables: Record<string, unknown>, as: Caller): Promise<T> {
    const data = await query<Record<string, { __typename: string; data: T }>>(text, variables, as);
    const payload = Object.values(data)[0]!;
    expect(payload.__typename, JSON.stringify(payload)).toMatch(/Success$/);
    return payload.data;
  }

  const kindsOf = async (as: TestUser) =>
    (await query<{ me: { notifications: { edges: { node: { kind: string } }[] } } }>(NOTIFICATIONS, {}, as)).me.notifications.edges.map((e) => e.node.kind);

  /** Report, second, acknowledge, propose, vote and decide: the first half of the loop. */
  async function decidedConcern(title: string) {
    const concern = await report(t, world.community, world.resident, {
      title,
      categoryId: encodeGlobalID('Category', world.community.categoryIds.repairs),
      body: '三楼楼道灯坏了一个月，晚上老人上下楼看不清。',
      place: '3号楼三单元',
    });
    for (const seconder of [world.resident2, neighbour]) {
      expect((await query<{ secondConcern: { __typename: string } }>(SECOND, { id: concern.id }, seconder)).secondConcern.__typename).toBe('SecondConcernSuccess');
    }
    const acknowledged = await succeed<{ status: string }>(ACKNOWLEDGE, { id: concern.id, answer: '已收到，下周二居民议事会讨论。' }, world.cadre);
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(await kindsOf(world.resident)).toContain('CONCERN_ACKNOWLEDGED');

    // Residents propose; a cadre opens the vote; the voters choose in secret; the cadre closes it.
    const lamp = await succeed<{ id: string }>(PROPOSE, { id: concern.id, input: { title: '方案一：更换为声控灯，物业负责', body: '物业本周内更换声控灯，费用从维修基金列支。' } }, world.resident2);
    const solar = await succeed<{ id: string }>(PROPOSE, { id: concern.id, input: { title: '方案二：加装太阳能灯', body: '在楼道窗口加装太阳能灯。' } }, neighbour);
    const window = await succeed<{ id: string }>(OPEN_VOTING, { id: concern.id }, world.cadre);
    for (const voter of voters) {
      expect(await succeed<{ myVote: string }>(VOTE, { id: lamp.id, choice: 'SUPPORT' }, voter)).toEqual({ myVote: 'SUPPORT' });
      expect(await succeed<{ myVote: string }>(VOTE, { id: solar.id, choice: 'OPPOSE' }, voter)).toEqual({ myVote: 'OPPOSE' });
    }
    const decision = await succeed<{ id: string; quorumMet: boolean; adoptedProposals: { id: string }[] }>(CLOSE_VOTING, { id: window.id }, world.cadre);
    expect(decision).toMatchObject({ quorumMet: true, adoptedProposals: [{ id: lamp.id }] });
    expect(await kindsOf(world.resident)).toContain('DECISION_RECORDED');
    return { concernId: concern.id, decisionId: decision.id, adoptedProposalId: lamp.id };
  }

  /** A cadre turns the adopted proposal into an action the neighbour (an electrician) owns; he carries it out. */
  async function carriedOut(scene: Awaited<ReturnType<typeof decidedConcern>>, concernStatus = 'DECIDED') {
    const ownerMembership = await t.db.membership.findFirstOrThrow({ where: { userId: neighbour.id } });
    const action = await succeed(
      CREATE_ACTION,
      {
        decisionId: scene.decisionId,
        proposalId: scene.adoptedProposalId,
        input: {
          title: '更换三楼楼道声控灯',
          ownerMembershipId: encodeGlobalID('Membership', ownerMembership.id),
          dueAt: new Date(clock.now().getTime() + days(10)).toISOString(),
          milestones: [
            { title: '采购灯具', weight: 1 },
            { title: '安装调试', weight: 2 },
            { title: '居民验收', weight: 1 },
          ],
        },
      },
      world.cadre,
    );
    expect(action).toMatchObject({ status: 'PLANNED', progress: 0, concern: { status: concernStatus } });
    const started = await succeed(onAction('startAction'), { id: action.id }, neighbour);
    expect(started).toMatchObject({ status: 'IN_PROGRESS', concern: { status: 'IN_PROGRESS' } });
    const [buy, install, check] = action.milestones;
    expect((await succeed(onAction('completeMilestone', 'milestoneId'), { id: buy!.id }, neighbour)).progress).toBe(25);
    expect((await succeed(onAction('completeMilestone', 'milestoneId'), { id: install!.id }, neighbour)).progress).toBe(75);
    const update = await gqlMultipart(
      t,
      POST_UPDATE,
      { id: action.id, input: { body: '灯已装好，请大家晚上看看亮不亮。', photos: [null] } },
      [{ path: 'variables.input.photos.0', file: photoFiles.jpeg() }],
      neighbour,
    );
    expect(update.data).toMatchObject({ postProgressUpdate: { __typename: 'PostProgressUpdateSuccess', data: { body: '灯已装好，请大家晚上看看亮不亮。' } } });
    expect((await succeed(onAction('completeMilestone', 'milestoneId'), { id: check!.id }, world.cadre)).progress).toBe(100);
    const done = await succeed(onAction('completeAction'), { id: action.id }, neighbour);
    expect(done).toMatchObject({ status: 'DONE', concern: { status: 'RESOLVED' }, ratingWindow: { isOpen: true, outcome: null } });
    // The reporter, seconders and voters heard of the progress and are asked to rate.
    for (const person of [world.resident, world.resident2, ...voters]) {
      const kinds = await kindsOf(person);
      expect(kinds, person.displayName).toContain('ACTION_PROGRESS');
      expect(kinds, person.displayName).toContain('RATING_REQUESTED');
    }
    expect(await kindsOf(bystander)).toEqual([]);
    return done;
  }

  /** The window runs out; two server processes' schedulers race to close it. */
  async function windowRunsOut(): Promise<number> {
    clock.advance(days(15));
    await keepSessionsAlive(t.db, clock.now());
    const second = await secondServer(t);
    try {
      const schedulers = [t.app.scheduler, new Scheduler(second.deps, scheduledJobs, 60_000)];
      const rounds = await Promise.all(schedulers.map((s) => s.runOnce()));
      return rounds.reduce((sum, round) => sum + round['ratings.close-windows']!, 0);
    } finally {
      await second.close();
    }
  }

  it('runs from a report to a rule another community adopts', async () => {
    const scene = await decidedConcern('3号楼楼道灯坏了一个月');
    const action = await carriedOut(scene);

    // Those who raised it judge the result; nobody else may, and each sees only their own rating.
    const ratings: [TestUser, string][] = [
      [world.resident, 'SATISFIED'],
      [world.resident2, 'SATISFIED'],
      [voters[0]!, 'BASICALLY_SATISFIED'],
      [voters[1]!, 'DISSATISFIED'],
    ];
    for (const [rater, value] of ratings) {
      const rated = await succeed(RATE, { id: action.id, value, comment: '晚上亮堂了' }, rater);
      expect(rated.myRating).toEqual({ value });
    }
    expect(await query(RATE, { id: action.id, value: 'DISSATISFIED' }, bystander)).toEqual({ rateAction: { __typename: 'ForbiddenError', reason: 'NOT_A_PARTICIPANT' } });
    const seen = await query<{ action: ActionView }>(`query ($id: ID!) { action(id: $id) { ${ACTION} } }`, { id: action.id }, bystander);
    expect(seen.action.ratingSummary).toEqual({ satisfied: 2, basicallySatisfied: 1, dissatisfied: 1, total: 4, satisfactionPercent: 75 });
    expect(seen.action.myRating).toBeNull();

    // 1 of 4 dissatisfied is not more than the 30% threshold: the concern is closed, exactly once.
    expect(await windowRunsOut()).toBe(1);
    const closed = await query<{ concern: { status: string; closedAt: string; timeline: { kind: string; data: unknown }[] } }>(CONCERN, { id: scene.concernId }, world.resident);
    expect(closed.concern.status).toBe('CLOSED');
    expect(new Date(closed.concern.closedAt).getTime()).toBe(clock.now().getTime());
    for (const person of [world.resident, world.resident2, ...voters]) {
      expect((await kindsOf(person)).filter((kind) => kind === 'CONCERN_CLOSED')).toHaveLength(1);
    }

    // The fix becomes a standing rule of the community...
    const drafted = await succeed<{ id: string; status: string }>(
      DRAFT_RULE,
      {
        decisionId: scene.decisionId,
        input: {
          title: '楼道公共照明报修48小时内修复',
          body: '楼道灯损坏后，物业须在48小时内修复。\n修复后在楼栋群内告知。',
          effectiveAt: clock.now().toISOString(),
          reviewAt: new Date(clock.now().getTime() + days(365)).toISOString(),
        },
      },
      world.cadre,
    );
    expect(drafted.status).toBe('DRAFT');
    const rule = await succeed<{ id: string; status: string }>(PUBLISH_RULE, { id: drafted.id }, world.cadre);
    expect(rule.status).toBe('IN_FORCE');

    // ...which the village finds in the practice library and adopts, then puts in force itself.
    const library = await query<{ practiceLibrary: { edges: { node: { id: string; fromMyCommunity: boolean } }[] } }>(LIBRARY, { search: '楼道公共照明' }, villageCadre);
    expect(library.practiceLibrary.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: rule.id, fromMyCommunity: false })]);
    const copy = await succeed<{ id: string; status: string; adoptedFrom: { sourceVersion: number; sourceRule: { id: string } } }>(
      ADOPT_RULE,
      { id: rule.id, communityId: encodeGlobalID('Community', world.otherCommunity.id) },
      villageCadre,
    );
    expect(copy).toMatchObject({ status: 'DRAFT', adoptedFrom: { sourceVersion: 1, sourceRule: { id: rule.id } }, community: { slug: world.otherCommunity.slug } });
    expect((await succeed<{ status: string }>(PUBLISH_RULE, { id: copy.id }, villageCadre)).status).toBe('IN_FORCE');
    const source = await query<{ rule: { adoptionCount: number } }>(`query ($id: ID!) { rule(id: $id) { adoptionCount } }`, { id: rule.id }, undefined);
    expect(source.rule.adoptionCount).toBe(1);

    // Everything is on the concern's public timeline, in order, and no ballot or rating is anywhere.
    const timeline = (await query<{ concern: { timeline: { kind: string }[] } }>(CONCERN, { id: scene.concernId }, undefined)).concern.timeline.map((e) => e.kind);
    const story = ['concern.reported', 'concern.acknowledged', 'proposal.created', 'voting.opened', 'voting.closed', 'decision.recorded', 'action.created', 'action.status_changed', 'action.milestone_done', 'action.progress_posted',
      'action.milestone_done', 'action.status_changed', 'concern.resolved', 'rating.window_opened', 'rating.window_closed', 'concern.closed', 'rule.published'];
    expect(timeline.filter((kind) => story.includes(kind)).filter((kind, i, all) => kind !== all[i - 1])).toEqual(story.filter((kind, i) => kind !== story[i - 1]));
    const audit = await query(AUDIT, { slug: world.community.slug }, world.admin);
    const notices = await query(NOTIFICATIONS, {}, world.resident);
    expect(JSON.stringify([timeline, audit, notices])).not.toMatch(secretValues);

    // And the figures count it: one concern, answered, resolved, three of four satisfied.
    const figures = await query<{ community: { figures: { data: { totals: Record<string, number> } } } }>(FIGURES, { slug: world.community.slug }, undefined);
    expect(figures.community.figures.data.totals).toMatchObject({ reported: 1, responded: 1, resolved: 1, ratings: 4, satisfactionRate: 0.75, resolutionRate: 1 });
  });

  it('reopens a concern its people are dissatisfied with, and goes round again until it is solved', async () => {
    const scene = await decidedConcern('2号楼门口路灯不亮');
    const first = await carriedOut(scene);
    // 3 of 4 dissatisfied: more than 30%.
    const verdicts: [TestUser, string][] = [
      [world.resident, 'DISSATISFIED'],
      [world.resident2, 'DISSATISFIED'],
      [voters[0]!, 'DISSATISFIED'],
      [voters[1]!, 'SATISFIED'],
    ];
    for (const [rater, value] of verdicts) await succeed(RATE, { id: first.id, value, comment: '修了两天又坏了' }, rater);
    expect(await windowRunsOut()).toBe(1);

    const reopened = await query<{ concern: { status: string; reopenedAt: string } }>(CONCERN, { id: scene.concernId }, world.resident);
    expect(reopened.concern.status).toBe('REOPENED');
    expect(new Date(reopened.concern.reopenedAt).getTime()).toBe(clock.now().getTime());
    expect((await t.db.concern.findUniqueOrThrow({ where: { id: Number(Buffer.from(scene.concernId, 'base64').toString().split(':')[1]) } })).reopenCount).toBe(1);
    for (const person of [world.resident, world.resident2, ...voters, world.cadre, world.admin]) {
      expect((await kindsOf(person)).filter((kind) => kind === 'CONCERN_REOPENED'), person.displayName).toHaveLength(1);
    }
    const afterReopen = await query<{ action: ActionView }>(`query ($id: ID!) { action(id: $id) { ${ACTION} } }`, { id: first.id }, world.resident);
    expect(afterReopen.action.ratingWindow).toEqual({ isOpen: false, outcome: 'REOPENED' });

    // The cadres try the adopted fix again, properly this time; the people judge again and are satisfied.
    const second = await carriedOut(scene, 'REOPENED');
    for (const [rater] of verdicts) await succeed(RATE, { id: second.id, value: 'SATISFIED' }, rater);
    expect(await windowRunsOut()).toBe(1);
    const solved = await query<{ concern: { status: string; actions: { status: string }[]; timeline: { kind: string }[] } }>(CONCERN, { id: scene.concernId }, undefined);
    expect(solved.concern.status).toBe('CLOSED');
    expect(solved.concern.actions.map((a) => a.status)).toEqual(['DONE', 'DONE']);
    const kinds = solved.concern.timeline.map((e) => e.kind);
    expect(kinds.indexOf('concern.reopened')).toBeGreaterThan(-1);
    expect(kinds.lastIndexOf('concern.closed')).toBeGreaterThan(kinds.indexOf('concern.reopened'));
    expect(JSON.stringify(solved)).not.toMatch(secretValues);
  });
});
