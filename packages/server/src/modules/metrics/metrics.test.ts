import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { ConcernStatus, Satisfaction } from '../../generated/sqlite/enums.js';
import { providers } from '../../test-support/databases.js';
import { createTestApp, testClock, type TestApp } from '../../test-support/harness.js';
import { createCommunity, createUser, type TestCommunity, type TestUser } from '../../test-support/fixtures.js';
import { keepSessionsAlive } from '../../test-support/loop-fixtures.js';

const HOUR = 3_600_000;
/** A wall-clock time in Shanghai (UTC+8, no daylight saving) as an instant. */
const shanghai = (text: string) => new Date(new Date(`${text}:00Z`).getTime() - 8 * HOUR);

interface ConcernSpec {
  key: string;
  category: 'parking' | 'repairs' | 'safety';
  reported: string;
  deadlineHours: number;
  status: ConcernStatus;
  acknowledgedAfter?: number;
  declinedAfter?: number;
  resolvedAfter?: number;
  ratings?: Satisfaction[];
}

// The scene, with every answer worked out by hand below. The period is September to November 2026 in
// Shanghai: from 2026-09-01 00:00 to 2026-12-01 00:00 local time.
const concerns: ConcernSpec[] = [
  // September
  { key: 'A', category: 'parking', reported: '2026-09-05 10:00', deadlineHours: 72, status: 'CLOSED', acknowledgedAfter: 10, resolvedAfter: 100, ratings: ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] },
  { key: 'B', category: 'repairs', reported: '2026-09-20 09:00', deadlineHours: 48, status: 'RESOLVED', acknowledgedAfter: 60, resolvedAfter: 200 },
  { key: 'D', category: 'safety', reported: '2026-09-12 08:00', deadlineHours: 24, status: 'REPORTED' },
  // Merged: left out everywhere, ratings included.
  { key: 'M', category: 'parking', reported: '2026-09-15 08:00', deadlineHours: 72, status: 'MERGED', acknowledgedAfter: 1, resolvedAfter: 5, ratings: ['SATISFIED'] },
  // October: C is 00:30 on 1 October in Shanghai, still 30 September in UTC.
  { key: 'C', category: 'repairs', reported: '2026-10-01 00:30', deadlineHours: 48, status: 'DECLINED', declinedAfter: 5 },
  // Reopened: answered, but not resolved, though it once had a resolution date.
  { key: 'E', category: 'parking', reported: '2026-10-10 12:00', deadlineHours: 72, status: 'REOPENED', acknowledgedAfter: 20, resolvedAfter: 150, ratings: ['DISSATISFIED', 'DISSATISFIED', 'SATISFIED'] },
  { key: 'F', category: 'safety', reported: '2026-10-20 18:00', deadlineHours: 24, status: 'IN_PROGRESS', acknowledgedAfter: 30 },
  // November: H is 23:00 on 30 November in Shanghai.
  { key: 'G', category: 'parking', reported: '2026-11-03 09:00', deadlineHours: 72, status: 'CLOSED', acknowledgedAfter: 2, resolvedAfter: 50, ratings: ['BASICALLY_SATISFIED', 'BASICALLY_SATISFIED'] },
  { key: 'H', category: 'repairs', reported: '2026-11-30 23:00', deadlineHours: 48, status: 'ACKNOWLEDGED', acknowledgedAfter: 4 },
  // Outside the period: 00:10 on 1 December and 23:00 on 31 August, Shanghai time.
  { key: 'I', category: 'parking', reported: '2026-12-01 00:10', deadlineHours: 72, status: 'CLOSED', acknowledgedAfter: 1, resolvedAfter: 10, ratings: ['DISSATISFIED'] },
  { key: 'J', category: 'parking', reported: '2026-08-31 23:00', deadlineHours: 72, status: 'ACKNOWLEDGED', acknowledgedAfter: 1 },
];

/**
 * Hand-computed answers. Reported (merged left out): A B D | C E F | G H = 8.
 * Answered: A 10h, B 60h (late: deadline 48), C 5h (declined), E 20h, F 30h (late: deadline 24), G 2h, H 4h.
 * Resolved now: A (100h), B (200h), G (50h); E was reopened.
 */
const expected = {
  totals: {
    reported: 8, acknowledged: 6, declined: 1, responded: 7, respondedOnTime: 5, resolved: 3,
    responseRate: 7 / 8, onTimeResponseRate: 5 / 8, resolutionRate: 3 / 8,
    // 2 4 5 [10] 20 30 60, and 50 [100] 200
    medianHoursToRespond: 10, medianHoursToResolve: 100,
    ratings: 9, satisfied: 3, basicallySatisfied: 3, dissatisfied: 3, satisfactionRate: 6 / 9,
    sessions: 2, participants: 13, electorate: 47, participationRate: 13 / 47,
  },
  byMonth: {
    '2026-09': {
      reported: 3, acknowledged: 2, declined: 0, responded: 2, respondedOnTime: 1, resolved: 2,
      responseRate: 2 / 3, onTimeResponseRate: 1 / 3, resolutionRate: 2 / 3,
      medianHoursToRespond: 35, medianHoursToResolve: 150,
      ratings: 4, satisfied: 2, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: 3 / 4,
      sessions: 1, participants: 8, electorate: 22, participationRate: 8 / 22,
    },
    '2026-10': {
      reported: 3, acknowledged: 2, declined: 1, responded: 3, respondedOnTime: 2, resolved: 0,
      responseRate: 1, onTimeResponseRate: 2 / 3, resolutionRate: 0,
      medianHoursToRespond: 20, medianHoursToResolve: null,
      ratings: 3, satisfied: 1, basicallySatisfied: 0, dissatisfied: 2, satisfactionRate: 1 / 3,
      sessions: 0, participants: 0, electorate: 0, participationRate: null,
    },
    '2026-11': {
      reported: 2, acknowledged: 2, declined: 0, responded: 2, respondedOnTime: 2, resolved: 1,
      responseRate: 1, onTimeResponseRate: 1, resolutionRate: 1 / 2,
      medianHoursToRespond: 3, medianHoursToResolve: 50,
      ratings: 2, satisfied: 0, basicallySatisfied: 2, dissatisfied: 0, satisfactionRate: 1,
      sessions: 1, participants: 5, electorate: 25, participationRate: 5 / 25,
    },
  },
  byCategory: {
    parking: {
      reported: 3, acknowledged: 3, declined: 0, responded: 3, respondedOnTime: 3, resolved: 2,
      responseRate: 1, onTimeResponseRate: 1, resolutionRate: 2 / 3,
      medianHoursToRespond: 10, medianHoursToResolve: 75,
      ratings: 9, satisfied: 3, basicallySatisfied: 3, dissatisfied: 3, satisfactionRate: 6 / 9,
      sessions: 0, participants: 0, electorate: 0, participationRate: null,
    },
    repairs: {
      reported: 3, acknowledged: 2, declined: 1, responded: 3, respondedOnTime: 2, resolved: 1,
      responseRate: 1, onTimeResponseRate: 2 / 3, resolutionRate: 1 / 3,
      medianHoursToRespond: 5, medianHoursToResolve: 200,
      ratings: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null,
      sessions: 0, participants: 0, electorate: 0, participationRate: null,
    },
    safety: {
      reported: 2, acknowledged: 1, declined: 0, responded: 1, respondedOnTime: 0, resolved: 0,
      responseRate: 1 / 2, onTimeResponseRate: 0, resolutionRate: 0,
      medianHoursToRespond: 30, medianHoursToResolve: null,
      ratings: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null,
      sessions: 0, participants: 0, electorate: 0, participationRate: null,
    },
  },
  // Session 1 votes on A (u1–u6, electorate 20) and B (u4–u8, electorate 22): 8 distinct voters of 22.
  sessions: [
    { title: '九月议事会', participants: 8, electorate: 22, participationRate: 8 / 22 },
    { title: '十一月议事会', participants: 5, electorate: 25, participationRate: 5 / 25 },
  ],
};

const FIGURES = `
  reported acknowledged declined responded respondedOnTime resolved responseRate onTimeResponseRate resolutionRate
  medianHoursToRespond medianHoursToResolve ratings satisfied basicallySatisfied dissatisfied satisfactionRate
  sessions participants electorate participationRate`;
const ALL = `timezone totals { ${FIGURES} } byMonth { month figures { ${FIGURES} } } byCategory { category { key } figures { ${FIGURES} } }
  sessions { title participants electorate participationRate }`;
const COMMUNITY_FIGURES = `query ($slug: String!, $from: DateTime, $to: DateTime) {
  community(slug: $slug) {
    figures(from: $from, to: $to) {
      __typename
      ... on CommunityFiguresSuccess { data { ${ALL} } }
      ... on ValidationError { issues { path code } }
    }
  }
}`;
const ROOT_FIGURES = `query ($ids: [ID!]!, $from: DateTime, $to: DateTime) {
  figures(communityIds: $ids, from: $from, to: $to) {
    __typename
    ... on QueryFiguresSuccess { data { community { slug } totals { reported responseRate } } }
    ... on ForbiddenError { reason }
  }
}`;

type FigureRecord = Record<string, number | null>;
interface FiguresData {
  timezone: string;
  totals: FigureRecord;
  byMonth: { month: string; figures: FigureRecord }[];
  byCategory: { category: { key: string }; figures: FigureRecord }[];
  sessions: { title: string; participants: number; electorate: number; participationRate: number | null }[];
}

/** Exact counts, rates to 1e-9 (ratios of small integers), medians to the hundredth of an hour. */
function expectFigures(actual: FigureRecord, wanted: FigureRecord, where: string) {
  expect(Object.keys(actual).sort(), where).toEqual(Object.keys(wanted).sort());
  for (const [name, value] of Object.entries(wanted)) {
    if (value === null) expect(actual[name], `${where}.${name}`).toBeNull();
    else expect(actual[name], `${where}.${name}`).toBeCloseTo(value, 9);
  }
}

async function createScene(db: Db, community: TestCommunity, cadre: TestUser) {
  const ids = new Map<string, number>();
  for (const spec of concerns) {
    const reportedAt = shanghai(spec.reported);
    const after = (h?: number) => (h === undefined ? null : new Date(reportedAt.getTime() + h * HOUR));
    const concern = await db.concern.create({
      data: {
        communityId: community.id,
        categoryId: community.categoryIds[spec.category],
        reporterId: cadre.id,
        title: `关切 ${spec.key}`,
        body: '……',
        place: '小区',
        status: spec.status,
        createdAt: reportedAt,
        deadlineAt: after(spec.deadlineHours)!,
        acknowledgedAt: after(spec.acknowledgedAfter),
        declinedAt: after(spec.declinedAfter),
        resolvedAt: after(spec.resolvedAfter),
      },
    });
    ids.set(spec.key, concern.id);
  }
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: 10 }, (_, i) => ({ login: `figures-${community.slug}-${i}`, displayName: `居民${i}`, passwordHash: 'unused' })),
  });
  // Ratings: one action per rated concern; raters are distinct users.
  for (const spec of concerns.filter((c) => c.ratings)) {
    const concernId = ids.get(spec.key)!;
    const proposal = await db.proposal.create({ data: { concernId, authorId: cadre.id, title: '方案', body: '……', status: 'ADOPTED' } });
    const window = await db.votingWindow.create({
      data: { concernId, status: 'CLOSED', openedById: cadre.id, quorumPercent: 20, thresholdPercent: 50, talliesHidden: false, eligibleCount: 10, quorumCount: 2 },
    });
    const decision = await db.decision.create({
      data: { concernId, windowId: window.id, chairId: cadre.id, quorumMet: true, eligibleCount: 10, quorumCount: 2, voterCount: 0, thresholdPercent: 50, tally: [] },
    });
    const action = await db.action.create({
      data: { decisionId: decision.id, concernId, proposalId: proposal.id, title: '行动', ownerDepartment: '物业', dueAt: new Date(), status: 'DONE' },
    });
    await db.rating.createMany({ data: spec.ratings!.map((value, i) => ({ actionId: action.id, raterId: users[i]!.id, value })) });
  }
  // Sessions: two ended ones with votes in the period, and others that must not count.
  const session = async (title: string, startedAt: string, status: 'ENDED' | 'CANCELLED', items: { concern: string; eligible: number; voters: number[] }[]) => {
    const start = shanghai(startedAt);
    const row = await db.liveSession.create({
      data: {
        communityId: community.id,
        title,
        scheduledAt: start,
        startedAt: start,
        endedAt: status === 'ENDED' ? new Date(start.getTime() + 2 * HOUR) : null,
        status,
        quorumPercent: 20,
        thresholdPercent: 50,
        createdById: cadre.id,
      },
    });
    for (const [position, item] of items.entries()) {
      const concernId = ids.get(item.concern)!;
      const agendaItem = await db.agendaItem.create({ data: { sessionId: row.id, concernId, position: position + 1, phase: 'DECIDED' } });
      const window = await db.votingWindow.create({
        data: {
          concernId,
          agendaItemId: agendaItem.id,
          status: 'CLOSED',
          openedById: cadre.id,
          quorumPercent: 20,
          thresholdPercent: 50,
          talliesHidden: false,
          eligibleCount: item.eligible,
          quorumCount: 1,
        },
      });
      const proposal = await db.proposal.create({ data: { concernId, authorId: cadre.id, title: `议题 ${title}`, body: '……' } });
      await db.vote.createMany({ data: item.voters.map((i) => ({ windowId: window.id, proposalId: proposal.id, voterId: users[i - 1]!.id, choice: 'SUPPORT' as const })) });
    }
  };
  await session('九月议事会', '2026-09-25 19:00', 'ENDED', [
    { concern: 'A', eligible: 20, voters: [1, 2, 3, 4, 5, 6] },
    { concern: 'B', eligible: 22, voters: [4, 5, 6, 7, 8] },
  ]);
  await session('十一月议事会', '2026-11-10 19:00', 'ENDED', [{ concern: 'G', eligible: 25, voters: [1, 2, 3, 4, 5] }]);
  await session('取消的会', '2026-11-20 19:00', 'CANCELLED', [{ concern: 'H', eligible: 25, voters: [1, 2] }]);
  await session('没有投票的会', '2026-10-08 19:00', 'ENDED', []);
  await session('八月议事会', '2026-08-31 20:00', 'ENDED', [{ concern: 'J', eligible: 25, voters: [1, 2, 3] }]);
}

// Mid-December, so the default period (twelve whole months) is January to December 2026.
const now = new Date('2026-12-15T00:00:00Z');

describe.each(providers)('key figures on %s', (provider) => {
  let t: TestApp;
  let community: TestCommunity;
  let privateCommunity: TestCommunity;
  let outsider: TestUser;
  const period = { from: shanghai('2026-09-01 00:00').toISOString(), to: shanghai('2026-12-01 00:00').toISOString() };

  beforeAll(async () => {
    t = await createTestApp({ provider, clock: testClock(now) });
    community = await createCommunity(t.db);
    privateCommunity = await createCommunity(t.db, { isPublic: false });
    const cadre = await createUser(t.db, { communityId: community.id, role: 'CADRE' });
    outsider = await createUser(t.db, { communityId: (await createCommunity(t.db)).id });
    await createScene(t.db, community, cadre);
    await keepSessionsAlive(t.db, now);
  });
  afterAll(() => t.close());

  it('equals the hand-computed figures in total, per month (Shanghai time) and per category', async () => {
    t.queries.length = 0;
    const result = await t.gql<{ community: { figures: { __typename: string; data: FiguresData } } }>(COMMUNITY_FIGURES, { slug: community.slug, ...period });
    expect(result.errors).toBeUndefined();
    const figures = result.data!.community.figures;
    expect(figures.__typename).toBe('CommunityFiguresSuccess');
    const data = figures.data;
    expect(data.timezone).toBe('Asia/Shanghai');
    expectFigures(data.totals, expected.totals, 'totals');
    expect(data.byMonth.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const month of data.byMonth) expectFigures(month.figures, expected.byMonth[month.month as keyof typeof expected.byMonth], month.month);
    expect(data.byCategory.map((c) => c.category.key)).toEqual(['parking', 'repairs', 'safety']);
    for (const row of data.byCategory) expectFigures(row.figures, expected.byCategory[row.category.key as keyof typeof expected.byCategory], row.category.key);
    expect(data.sessions.map((s) => ({ ...s, participationRate: Number(s.participationRate!.toFixed(9)) }))).toEqual(
      expected.sessions.map((s) => ({ ...s, participationRate: Number(s.participationRate.toFixed(9)) })),
    );
    // Counted by the database: a few aggregate statements, not a row per concern.
    expect(t.queries.filter((sql) => /WITH months/.test(sql))).toHaveLength(3);
    expect(t.queries.length).toBeLessThan(12);
  });

  it('compares communities side by side for anyone who may read their figures', async () => {
    const both = await t.gql(ROOT_FIGURES, { ids: [encodeGlobalID('Community', community.id), encodeGlobalID('Community', privateCommunity.id)], ...period }, undefined);
    expect(both.errors, JSON.stringify(both.errors)).toBeUndefined();
    expect(both.data).toEqual({ figures: { __typename: 'ForbiddenError', reason: 'NOT_ALLOWED_TO_READ' } });
    const member = await createUser(t.db, { communityId: privateCommunity.id });
    await keepSessionsAlive(t.db, now);
    const allowed = await t.gql(ROOT_FIGURES, { ids: [encodeGlobalID('Community', community.id), encodeGlobalID('Community', privateCommunity.id)], ...period }, member);
    expect(allowed.data).toEqual({
      figures: {
        __typename: 'QueryFiguresSuccess',
        data: [
          { community: { slug: community.slug }, totals: { reported: 8, responseRate: 7 / 8 } },
          { community: { slug: privateCommunity.slug }, totals: { reported: 0, responseRate: null } },
        ],
      },
    });
    const hidden = await t.gql(COMMUNITY_FIGURES, { slug: privateCommunity.slug, ...period }, outsider);
    expect(hidden.data).toEqual({ community: null });
  });

  it('refuses a period that ends before it starts, and defaults to the last twelve months', async () => {
    const backwards = await t.gql(COMMUNITY_FIGURES, { slug: community.slug, from: period.to, to: period.from });
    expect(backwards.data).toEqual({ community: { figures: { __typename: 'ValidationError', issues: [{ path: ['from'], code: 'NOT_BEFORE_END' }] } } });
    const defaults = await t.gql<{ community: { figures: { data: FiguresData } } }>(COMMUNITY_FIGURES, { slug: community.slug });
    const months = defaults.data!.community.figures.data.byMonth.map((m) => m.month);
    // The clock stands at 15 December 2026: January to December 2026, the concern of 1 December included.
    expect(months).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(defaults.data!.community.figures.data.totals.reported).toBe(10);
  });
});
