import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../scheduler/scheduler.js';
import { scheduledJobs } from '../../scheduler/jobs.js';
import { providers } from '../../test-support/databases.js';
import { createTestApp, days, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import {
  createActionFixture,
  createDecidedConcern,
  keepSessionsAlive,
  openRatingWindowFixture,
  secondServer,
} from '../../test-support/loop-fixtures.js';

const RATE = `mutation ($id: ID!, $value: Satisfaction!, $comment: String) {
  rateAction(actionId: $id, value: $value, comment: $comment) {
    __typename
    ... on RateActionSuccess { data { myRating { value comment } ratingSummary { satisfied basicallySatisfied dissatisfied total satisfactionPercent } } }
    ... on ForbiddenError { reason }
    ... on InvalidStateError { entity state }
    ... on NotFoundError { entity }
  }
}`;
const VIEW = `query ($id: ID!) { action(id: $id) {
  canRate myRating { value comment } ratingComments { value comment }
  ratingSummary { satisfied basicallySatisfied dissatisfied total satisfactionPercent }
  ratingWindow { isOpen outcome dissatisfactionPercent }
} }`;

describe.each(providers)('ratings on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let voters: TestUser[];
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
    voters = [];
    for (let i = 0; i < 8; i++) voters.push(await createUser(t.db, { communityId: world.community.id, displayName: `投票人 ${i}` }));
  });
  afterAll(() => t.close());

  /** A done action whose rating window is open; the resident reported, resident2 seconded, `voterCount` voters voted. */
  async function ratable(options: { voterCount?: number; closesInDays?: number; dissatisfactionPercent?: number } = {}) {
    const scene = await createDecidedConcern(t.db, {
      community: world.community,
      reporterId: world.resident.id,
      chairId: world.cadre.id,
      seconderIds: [world.resident2.id],
      voterIds: voters.slice(0, options.voterCount ?? 2).map((v) => v.id),
      decidedAt: clock.now(),
    });
    const action = await createActionFixture(t.db, { decided: scene, status: 'DONE' });
    await openRatingWindowFixture(t.db, action.id, {
      closesAt: new Date(clock.now().getTime() + days(options.closesInDays ?? 14)),
      dissatisfactionPercent: options.dissatisfactionPercent ?? 30,
    });
    return { scene, action, id: encodeGlobalID('Action', action.id) };
  }

  const rate = async (id: string, value: string, as: Caller, comment?: string) => {
    const result = await t.gql(RATE, { id, value, comment }, as);
    expect(result.errors).toBeUndefined();
    return (result.data as { rateAction: Record<string, unknown> & { __typename: string } }).rateAction;
  };

  it('lets the reporter, seconders and voters rate once each, and change it while the window is open', async () => {
    const { id } = await ratable();
    const first = await rate(id, 'DISSATISFIED', world.resident, '  灯还是不亮  ');
    expect(first).toEqual({
      __typename: 'RateActionSuccess',
      data: {
        myRating: { value: 'DISSATISFIED', comment: '灯还是不亮' },
        ratingSummary: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, total: 1, satisfactionPercent: 0 },
      },
    });
    const changed = await rate(id, 'SATISFIED', world.resident, '修好了');
    expect(changed).toMatchObject({ data: { myRating: { value: 'SATISFIED', comment: '修好了' }, ratingSummary: { total: 1, satisfied: 1 } } });
    await rate(id, 'BASICALLY_SATISFIED', world.resident2);
    await rate(id, 'DISSATISFIED', voters[0]!, '晚上还是暗');
    const view = await t.gql(VIEW, { id }, voters[1]!);
    expect(view.data).toEqual({
      action: {
        canRate: true,
        myRating: null,
        ratingComments: null,
        ratingSummary: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, total: 3, satisfactionPercent: 66.7 },
        ratingWindow: { isOpen: true, outcome: null, dissatisfactionPercent: 30 },
      },
    });
    // Cadres read the comments, without who wrote them, in an order that follows nothing but value and text.
    const cadreView = await t.gql(VIEW, { id }, world.cadre);
    expect((cadreView.data as { action: { ratingComments: unknown[]; canRate: boolean } }).action).toMatchObject({
      canRate: false,
      ratingComments: [
        { value: 'SATISFIED', comment: '修好了' },
        { value: 'DISSATISFIED', comment: '晚上还是暗' },
      ],
    });
    expect(await t.db.rating.count({ where: { action: { id: Number(Buffer.from(id, 'base64').toString().split(':')[1]) } } })).toBe(3);
  });

  it('refuses members who took no part, outsiders, anonymous callers, and ratings outside the window', async () => {
    const { id, action } = await ratable();
    const bystander = await createUser(t.db, { communityId: world.community.id });
    expect(await rate(id, 'SATISFIED', bystander)).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_PARTICIPANT' });
    expect(await rate(id, 'SATISFIED', world.outsider)).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
    expect(await rate(id, 'SATISFIED', world.cadre)).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_PARTICIPANT' });
    expect(await rate(id, 'SATISFIED', undefined)).toEqual({ __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' });
    const view = await t.gql(VIEW, { id }, bystander);
    expect((view.data as { action: { canRate: boolean } }).action.canRate).toBe(false);

    const scene = await createDecidedConcern(t.db, { community: world.community, reporterId: world.resident.id, chairId: world.cadre.id });
    const running = await createActionFixture(t.db, { decided: scene, status: 'IN_PROGRESS' });
    expect(await rate(encodeGlobalID('Action', running.id), 'SATISFIED', world.resident)).toEqual({
      __typename: 'InvalidStateError',
      entity: 'RatingWindow',
      state: 'NOT_OPENED',
    });
    await t.db.ratingWindow.update({ where: { actionId: action.id }, data: { closesAt: new Date(clock.now().getTime() - 1000) } });
    expect(await rate(id, 'SATISFIED', world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'RatingWindow', state: 'CLOSED' });
    expect(await rate(encodeGlobalID('Action', 999_999), 'SATISFIED', world.resident)).toEqual({ __typename: 'NotFoundError', entity: 'Action' });
    expect(await t.db.rating.count({ where: { actionId: action.id } })).toBe(0);
    // Settled by hand, so the scheduler test below finds only its own windows due.
    await t.db.ratingWindow.update({ where: { actionId: action.id }, data: { closedAt: clock.now(), outcome: 'CLOSED' } });
  });

  it('closes each window exactly once with two schedulers racing, closing or reopening the concern', async () => {
    // Three windows, each with its own verdict at a 30% threshold:
    //   closes:   3 of 10 dissatisfied (30%, not more than 30%) -> CLOSED
    //   reopens:  4 of 10 dissatisfied (40%)                     -> REOPENED
    //   silent:   no ratings at all                              -> CLOSED
    // The reporter, the seconder and 8 voters make 10 raters.
    const closes = await ratable({ voterCount: 8, closesInDays: 3 });
    const reopens = await ratable({ voterCount: 8, closesInDays: 3 });
    const silent = await ratable({ voterCount: 8, closesInDays: 3 });
    const notYet = await ratable({ closesInDays: 10 });
    const raters = [world.resident, world.resident2, ...voters];
    for (const [i, rater] of raters.entries()) {
      await rate(closes.id, i < 3 ? 'DISSATISFIED' : i < 6 ? 'BASICALLY_SATISFIED' : 'SATISFIED', rater);
      await rate(reopens.id, i < 4 ? 'DISSATISFIED' : 'SATISFIED', rater);
    }
    const before = await t.db.notification.count();

    clock.advance(days(3) + 1000);
    const second = await secondServer(t);
    try {
      const schedulers = [t.app.deps, second.deps].map((deps) => new Scheduler(deps, scheduledJobs, 60_000));
      const rounds = await Promise.all(schedulers.map((s) => s.runOnce()));
      expect(rounds.map((r) => r['ratings.close-windows']).reduce((a, b) => a! + b!, 0)).toBe(3);
      const again = await Promise.all(schedulers.map((s) => s.runOnce()));
      expect(again.map((r) => r['ratings.close-windows'])).toEqual([0, 0]);
    } finally {
      await second.close();
    }

    const concern = (id: number) => t.db.concern.findUniqueOrThrow({ where: { id } });
    const window = (actionId: number) => t.db.ratingWindow.findUniqueOrThrow({ where: { actionId } });
    expect((await concern(closes.scene.concernId)).status).toBe('CLOSED');
    expect((await concern(closes.scene.concernId)).closedAt!.getTime()).toBe(clock.now().getTime());
    expect((await window(closes.action.id)).outcome).toBe('CLOSED');
    const reopened = await concern(reopens.scene.concernId);
    expect(reopened).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
    expect(reopened.reopenedAt!.getTime()).toBe(clock.now().getTime());
    expect((await window(reopens.action.id)).outcome).toBe('REOPENED');
    expect((await concern(silent.scene.concernId)).status).toBe('CLOSED');
    expect((await concern(notYet.scene.concernId)).status).toBe('RESOLVED');
    expect((await window(notYet.action.id)).closedAt).toBeNull();

    // One notice per participant per settled concern; a reopen tells the cadres too.
    const kinds = await t.db.notification.groupBy({ by: ['kind'], where: { id: { gt: 0 }, kind: { in: ['CONCERN_CLOSED', 'CONCERN_REOPENED'] } }, _count: { _all: true } });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count._all]))).toEqual({ CONCERN_CLOSED: 20, CONCERN_REOPENED: 12 });
    expect(await t.db.notification.count()).toBe(before + 32);
    const perUser = await t.db.notification.groupBy({ by: ['userId', 'subject'], where: { kind: { in: ['CONCERN_CLOSED', 'CONCERN_REOPENED'] } }, _count: { _all: true } });
    expect(perUser.every((row) => row._count._all === 1)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { kind: 'rating.window_closed' } })).toBe(3);
    expect(await t.db.schedulerFiring.count({ where: { kind: 'rating.window_close' } })).toBe(3);

    // The window is closed: no more ratings, and the verdict is public.
    await keepSessionsAlive(t.db, clock.now());
    expect(await rate(closes.id, 'SATISFIED', world.resident)).toMatchObject({ __typename: 'InvalidStateError', state: 'CLOSED' });
    const view = await t.gql(VIEW, { id: reopens.id });
    expect((view.data as { action: unknown }).action).toMatchObject({
      ratingSummary: { satisfied: 6, dissatisfied: 4, total: 10, satisfactionPercent: 60 },
      ratingWindow: { isOpen: false, outcome: 'REOPENED' },
      myRating: null,
      ratingComments: null,
    });
  });
});
