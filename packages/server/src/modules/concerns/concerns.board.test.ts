import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, hours, testClock, type Caller, type GraphQLResult, type TestApp } from '../../test-support/harness.js';
import { createApiToken, createCommunity, createUser, createWorld, signIn, type TestUser, type World } from '../../test-support/fixtures.js';
import { seedDemo } from '../../db/seed.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { providers } from '../../test-support/databases.js';
import type { ConcernStatus } from '../../generated/sqlite/enums.js';

interface BoardPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { title: string; secondCount: number; proposalCount: number; overdue: boolean; reporter: { displayName: string } | null } }[];
}

const BOARD = `query ($communityId: ID!, $first: Int, $after: String, $sort: ConcernSort!, $status: [ConcernStatus!], $categoryKey: String,
  $groupId: ID, $overdue: Boolean, $search: String) {
  concerns(communityId: $communityId, first: $first, after: $after, sort: $sort, status: $status, categoryKey: $categoryKey,
    groupId: $groupId, overdue: $overdue, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { title secondCount proposalCount overdue reporter { displayName } } }
  }
}`;

const COMMUNITY_BOARD = `query ($slug: String!, $sort: ConcernSort!, $status: [ConcernStatus!], $overdue: Boolean) {
  community(slug: $slug) {
    concerns(first: 20, sort: $sort, status: $status, overdue: $overdue) { totalCount edges { node { title } } }
  }
}`;

describe.each(providers)('the board on %s', (provider) => {
  let t: TestApp;
  let world: World;
  const clock = testClock(new Date());
  const now = clock.now();
  // Titles in id order: c1 is the oldest row.
  const titles = ['c1 单元门口乱停车', 'c2 电梯 Lift 故障', 'c3 楼顶漏水', 'c4 路灯不亮', 'c5 快递堆在楼道'] as const;
  const [c1, c2, c3, c4, c5] = titles;

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
    const { community } = world;
    const [group1, group2] = community.groupIds;
    const scenes: { createdAt: Date; status: ConcernStatus; categoryId: number; groupId: number | null; seconders: TestUser[]; body?: string; reporterPublic?: boolean }[] = [
      { createdAt: new Date(now.getTime() - hours(80)), status: 'REPORTED', categoryId: community.categoryIds.parking, groupId: group1!, seconders: [world.resident2, world.cadre], body: '雨后门口积水' },
      { createdAt: new Date(now.getTime() - hours(80)), status: 'ACKNOWLEDGED', categoryId: community.categoryIds.repairs, groupId: group2!, seconders: [world.resident2, world.admin] },
      { createdAt: new Date(now.getTime() - hours(10)), status: 'REPORTED', categoryId: community.categoryIds.repairs, groupId: null, seconders: [], reporterPublic: true },
      { createdAt: new Date(now.getTime() - hours(10)), status: 'DECLINED', categoryId: community.categoryIds.safety, groupId: group1!, seconders: [world.cadre] },
      { createdAt: new Date(now.getTime() - hours(1)), status: 'REPORTED', categoryId: community.categoryIds.parking, groupId: group2!, seconders: [] },
    ];
    for (const [i, scene] of scenes.entries()) {
      const concern = await createConcern(t.db, { community, reporterId: world.resident.id, status: scene.status, createdAt: scene.createdAt, title: titles[i] });
      await t.db.concern.update({
        where: { id: concern.id },
        data: { categoryId: scene.categoryId, groupId: scene.groupId, reporterPublic: scene.reporterPublic ?? false, ...(scene.body ? { body: scene.body } : {}) },
      });
      if (scene.seconders.length) await t.db.second.createMany({ data: scene.seconders.map((user) => ({ concernId: concern.id, userId: user.id })) });
      if (i === 4) {
        await t.db.proposal.createMany({
          data: (['ACTIVE', 'ADOPTED', 'WITHDRAWN', 'HIDDEN'] as const).map((status) => ({ concernId: concern.id, authorId: world.resident2.id, title: '设快递柜', body: '在门卫室旁设快递柜', status })),
        });
      }
    }
  });
  afterAll(() => t.close());

  // Residents read the board unless `as` says otherwise; null is an anonymous visitor.
  const board = async (variables: Record<string, unknown>, as: Caller | null = world.resident) => {
    const result = await t.gql<{ concerns: BoardPage }>(
      BOARD,
      { communityId: encodeGlobalID('Community', world.community.id), sort: 'NEWEST', ...variables },
      as ?? undefined,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.concerns;
  };
  const titlesOf = (page: BoardPage) => page.edges.map((edge) => edge.node.title);

  /** Every page, two at a time, so ties across page boundaries would show as repeats or gaps. */
  async function allPages(sort: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await board({ sort, first: 2, after });
      seen.push(...titlesOf(page));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }

  it('sorts by newest, most seconded or nearest deadline, breaking ties on id, across pages', async () => {
    expect(await allPages('NEWEST')).toEqual([c5, c4, c3, c2, c1]);
    expect(await allPages('MOST_SECONDED')).toEqual([c2, c1, c4, c5, c3]);
    expect(await allPages('DEADLINE')).toEqual([c1, c2, c3, c4, c5]);
  });

  it('counts seconds and standing proposals, and derives overdue from the deadline', async () => {
    const page = await board({ sort: 'DEADLINE' });
    expect(page.edges.map(({ node }) => [node.title, node.secondCount, node.proposalCount, node.overdue])).toEqual([
      [c1, 2, 0, true],
      [c2, 2, 0, false],
      [c3, 0, 0, false],
      [c4, 1, 0, false],
      [c5, 0, 2, false],
    ]);
    // The neighbour seconded c1 and c2, the cadre c1 and c4: each sees their own, on one page.
    const mine = async (as: TestUser) => {
      const result = await t.gql<{ concerns: { edges: { node: { title: string; secondedByMe: boolean } }[] } }>(
        'query ($id: ID!) { concerns(communityId: $id, first: 10, sort: DEADLINE) { edges { node { title secondedByMe } } } }',
        { id: encodeGlobalID('Community', world.community.id) },
        as,
      );
      return result.data!.concerns.edges.filter(({ node }) => node.secondedByMe).map(({ node }) => node.title);
    };
    expect(await mine(world.resident2)).toEqual([c1, c2]);
    expect(await mine(world.cadre)).toEqual([c1, c4]);
    expect(await mine(world.resident)).toEqual([]);
  });

  it('filters by status, category, building, overdue and words, and counts what matches', async () => {
    const group2 = encodeGlobalID('Group', world.community.groupIds[1]!);
    const cases: [Record<string, unknown>, readonly string[]][] = [
      [{ status: ['REPORTED'] }, [c5, c3, c1]],
      [{ status: ['ACKNOWLEDGED', 'DECLINED'] }, [c4, c2]],
      [{ categoryKey: 'repairs' }, [c3, c2]],
      [{ groupId: group2 }, [c5, c2]],
      [{ overdue: true }, [c1]],
      [{ overdue: false }, [c5, c4, c3, c2]],
      [{ search: '漏水' }, [c3]],
      [{ search: '积水' }, [c1]],
      [{ search: 'lift' }, [c2]],
      [{ categoryKey: 'parking', status: ['REPORTED'], overdue: false }, [c5]],
      [{ categoryKey: 'no-such-category' }, []],
    ];
    for (const [filter, expected] of cases) {
      const page = await board(filter);
      expect({ filter, titles: titlesOf(page), totalCount: page.totalCount }).toEqual({ filter, titles: expected, totalCount: expected.length });
    }
  });

  it('gives the same board through the community', async () => {
    const result = await t.gql<{ community: { concerns: { totalCount: number; edges: { node: { title: string } }[] } } }>(
      COMMUNITY_BOARD,
      { slug: world.community.slug, sort: 'MOST_SECONDED', status: ['REPORTED', 'ACKNOWLEDGED'], overdue: false },
      world.resident,
    );
    expect(result.data!.community.concerns).toEqual({ totalCount: 3, edges: [c2, c5, c3].map((title) => ({ node: { title } })) });
  });

  it('shows reporters to members, and to visitors and API tokens only where the reporter opted in', async () => {
    const named = (page: BoardPage) => page.edges.map(({ node }) => [node.title, node.reporter?.displayName ?? null]);
    expect(named(await board({ sort: 'DEADLINE' }))).toEqual(titles.map((title) => [title, '王阿姨']));
    const token = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    const visitorView = titles.map((title) => [title, title === c3 ? '王阿姨' : null]);
    expect(named(await board({ sort: 'DEADLINE' }, null))).toEqual(visitorView);
    expect(named(await board({ sort: 'DEADLINE' }, world.outsider))).toEqual(visitorView);
    expect(named(await board({ sort: 'DEADLINE' }, { token }))).toEqual(visitorView);
  });

  it("keeps a private community's board to its members and to tokens with the BOARD scope", async () => {
    const closed = await createCommunity(t.db, { isPublic: false });
    const member = await createUser(t.db, { communityId: closed.id });
    await createConcern(t.db, { community: closed, reporterId: member.id, title: '内部事项' });
    const read = (as: Parameters<TestApp['gql']>[2]) =>
      t.gql<{ concerns: BoardPage }>(BOARD, { communityId: encodeGlobalID('Community', closed.id), sort: 'NEWEST' }, as);
    expect(titlesOf((await read(member)).data!.concerns)).toEqual(['内部事项']);
    for (const stranger of [undefined, world.resident, { token: await createApiToken(t.db, { communityId: closed.id, createdById: member.id, scopes: ['FIGURES'] }) }]) {
      expect((await read(stranger)).data!.concerns).toMatchObject({ totalCount: 0, edges: [] });
    }
    const boardToken = await createApiToken(t.db, { communityId: closed.id, createdById: member.id, scopes: ['BOARD'] });
    expect(titlesOf((await read({ token: boardToken })).data!.concerns)).toEqual(['内部事项']);
  });

  // Last: moving the clock this far also outlives the test sessions, so it reads as a visitor.
  it('shows a concern as overdue once its deadline passes, without anything being written', async () => {
    const versionsBefore = await t.db.concern.findMany({ select: { version: true }, orderBy: { id: 'asc' } });
    clock.advance(hours(70));
    try {
      // c3's 72-hour deadline is now 2 hours behind; c5's is still 1 hour ahead.
      expect(titlesOf(await board({ overdue: true }, null))).toEqual([c3, c1]);
      expect(await t.db.concern.findMany({ select: { version: true }, orderBy: { id: 'asc' } })).toEqual(versionsBefore);
    } finally {
      clock.set(now);
    }
  });
});

describe.each(providers)('the board’s statement budget on %s', (provider) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ provider });
    world = await createWorld(t.db);
    const reporters = [world.resident, world.resident2, world.cadre];
    for (let i = 0; i < 25; i++) {
      const concern = await createConcern(t.db, { community: world.community, reporterId: reporters[i % 3]!.id });
      const seconders = [world.resident, world.resident2, world.cadre, world.admin].filter((user, j) => user.id !== reporters[i % 3]!.id && j <= i % 4);
      await t.db.second.createMany({ data: seconders.map((user) => ({ concernId: concern.id, userId: user.id })) });
      if (i % 2 === 0) await t.db.proposal.create({ data: { concernId: concern.id, authorId: world.admin.id, title: '方案', body: '方案内容' } });
    }
  });
  afterAll(() => t.close());

  const BUDGET_QUERY = `query ($id: ID!) {
    concerns(communityId: $id, first: 20, sort: MOST_SECONDED) { edges { node { title secondCount proposalCount reporter { displayName } } } }
  }`;

  // The whole request is measured, the viewer's session lookup included.
  it('loads 20 concerns with their counts and reporters in at most 5 SQL statements, signed in or not', async () => {
    const expectedSeconds = await t.db.concern.findMany({
      where: { communityId: world.community.id },
      select: { _count: { select: { seconds: true } } },
    });
    for (const as of [world.resident, undefined]) {
      t.queries.length = 0;
      const result = await t.gql<{ concerns: { edges: { node: { secondCount: number; proposalCount: number; reporter: { displayName: string } | null } }[] } }>(
        BUDGET_QUERY,
        { id: encodeGlobalID('Community', world.community.id) },
        as,
      );
      const nodes = result.data!.concerns.edges.map((edge) => edge.node);
      expect(nodes).toHaveLength(20);
      expect(nodes.map((node) => node.secondCount)).toEqual(
        expectedSeconds.map((row) => row._count.seconds).sort((a, b) => b - a).slice(0, 20),
      );
      expect(nodes.reduce((sum, node) => sum + node.proposalCount, 0)).toBeGreaterThan(0);
      if (as) expect(nodes.every((node) => node.reporter?.displayName)).toBe(true);
      expect(t.queries.length, t.queries.join('\n')).toBeLessThanOrEqual(5);
    }
  });

  it('through the community, costs one statement more for the community row itself', async () => {
    t.queries.length = 0;
    const result = await t.gql<{ community: { concerns: { edges: unknown[] } } }>(
      `query ($slug: String!) { community(slug: $slug) { name concerns(first: 20) { edges { node { title secondCount proposalCount reporter { displayName } } } } } }`,
      { slug: world.community.slug },
      world.resident,
    );
    expect(result.data!.community.concerns.edges).toHaveLength(20);
    expect(t.queries.length, t.queries.join('\n')).toBeLessThanOrEqual(6);
  });
});

describe.each(providers)('the demo data on the board, on %s', (provider) => {
  let t: TestApp;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    await seedDemo(t.db, { now: clock.now() });
  }, 120_000);
  afterAll(() => t.close());

  const DEMO_BOARD = `query ($slug: String!, $after: String) {
    community(slug: $slug) {
      concerns(first: 8, after: $after, sort: DEADLINE) {
        pageInfo { hasNextPage endCursor }
        edges { node { id status overdue escalatedAt deadlineAt reporterPublic reporter { displayName } group { name } category { key }
          answer answeredBy { displayName } owner { displayName } mergedInto { id } mergedFrom { id } secondCount proposalCount
          photos { url } timeline { kind at actorName data } } }
      }
    }
  }`;
  // What a visitor may ask for in one go is smaller (the anonymous complexity budget).
  const VISITOR_BOARD = `query ($slug: String!, $after: String) {
    community(slug: $slug) {
      concerns(first: 8, after: $after, sort: DEADLINE) {
        pageInfo { hasNextPage endCursor }
        edges { node { id reporterPublic reporter { displayName } timeline { actorName } } }
      }
    }
  }`;

  interface DemoNode {
    id: string;
    status: ConcernStatus;
    overdue: boolean;
    deadlineAt: string;
    reporterPublic: boolean;
    reporter: { displayName: string } | null;
    answer: string | null;
    mergedInto: { id: string } | null;
    timeline: { kind: string; at: string; actorName: string | null }[];
  }
  type Page = { community: { concerns: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: DemoNode }[] } } };

  async function readBoard(query: string, slug: string, as: Caller): Promise<DemoNode[]> {
    const nodes: DemoNode[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const result: GraphQLResult<Page> = await t.gql<Page>(query, { slug, after }, as);
      expect(result.errors).toBeUndefined();
      const { pageInfo, edges } = result.data!.community.concerns;
      nodes.push(...edges.map((edge) => edge.node));
      [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
    }
    return nodes;
  }

  it('reads every seeded concern and its timeline, and hides the reporters who did not opt in from visitors', async () => {
    const resident = await t.db.user.findUniqueOrThrow({ where: { login: 'resident' }, include: { memberships: { include: { community: true } } } });
    const slug = resident.memberships[0]!.community.slug;
    const nodes = await readBoard(DEMO_BOARD, slug, { cookie: await signIn(t.db, resident.id) });
    expect(nodes.length).toBe(await t.db.concern.count({ where: { community: { slug } } }));
    expect(new Set(nodes.map((node) => node.status)).size).toBeGreaterThan(4);
    for (const node of nodes) {
      expect(node.timeline[0]).toMatchObject({ kind: 'concern.reported', actorName: node.reporter!.displayName });
      const times = node.timeline.map((entry) => entry.at);
      expect(times).toEqual([...times].sort());
      expect(node.overdue).toBe(node.status === 'REPORTED' && new Date(node.deadlineAt) < clock.now());
      expect(node.mergedInto !== null).toBe(node.status === 'MERGED');
      if (['ACKNOWLEDGED', 'DECLINED'].includes(node.status)) expect(node.answer).toBeTruthy();
    }
    const seen = await readBoard(VISITOR_BOARD, slug, undefined);
    expect(seen.map((node) => node.id)).toEqual(nodes.map((node) => node.id));
    expect(seen.some((node) => node.reporterPublic) && seen.some((node) => !node.reporterPublic)).toBe(true);
    for (const node of seen) {
      expect(node.reporter !== null).toBe(node.reporterPublic);
      expect(node.timeline[0]!.actorName !== null).toBe(node.reporterPublic);
    }
  });
});
