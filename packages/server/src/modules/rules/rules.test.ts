import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../scheduler/scheduler.js';
import { scheduledJobs } from '../../scheduler/jobs.js';
import { providers } from '../../test-support/databases.js';
import { createTestApp, days, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createCommunity, createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { createDecidedConcern, createRuleFixture, secondServer } from '../../test-support/loop-fixtures.js';

const RULE = `id status isPublic title body currentVersion adoptionCount fromMyCommunity canManage retireReason sourceDecision { id }
  versions { version title changeNote previousTitle bodyDiff { kind text } }
  adoptedFrom { sourceVersion sourceRule { id title } }`;
const result = (field: string) => `__typename
  ... on ${field}Success { data { ${RULE} } }
  ... on ValidationError { issues { path message } }
  ... on InvalidStateError { entity state allowed }
  ... on ForbiddenError { reason }
  ... on NotFoundError { entity }`;
const DRAFT = `mutation ($decisionId: ID!, $input: DraftRuleInput!) { draftRule(decisionId: $decisionId, input: $input) { ${result('DraftRule')} } }`;
const PUBLISH = `mutation ($id: ID!) { publishRule(ruleId: $id) { ${result('PublishRule')} } }`;
const AMEND = `mutation ($id: ID!, $input: AmendRuleInput!) { amendRule(ruleId: $id, input: $input) { ${result('AmendRule')} } }`;
const RETIRE = `mutation ($id: ID!, $reason: String!) { retireRule(ruleId: $id, reason: $reason) { ${result('RetireRule')} } }`;
const ADOPT = `mutation ($id: ID!, $communityId: ID!) { adoptRule(ruleId: $id, communityId: $communityId) { ${result('AdoptRule')} } }`;
const GET = `query ($id: ID!) { rule(id: $id) { title status } }`;
const LIBRARY = `query ($search: String, $kind: CommunityKind, $first: Int, $after: String) {
  practiceLibrary(search: $search, kind: $kind, first: $first, after: $after) {
    edges { cursor node { title fromMyCommunity community { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Payload = { __typename: string; data?: Record<string, unknown> & { id: string; versions: unknown[] } } & Record<string, unknown>;

describe.each(providers)('rules on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let otherCadre: TestUser;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
    otherCadre = await createUser(t.db, { communityId: world.otherCommunity.id, role: 'CADRE', displayName: '桃源村支书' });
  });
  afterAll(() => t.close());

  async function run(query: string, variables: Record<string, unknown>, as: Caller): Promise<Payload> {
    const response = await t.gql(query, variables, as);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return Object.values(response.data!)[0] as Payload;
  }

  const decision = async (adopted = true) =>
    createDecidedConcern(t.db, {
      community: world.community,
      reporterId: world.resident.id,
      chairId: world.cadre.id,
      proposals: [{ adopted }],
      decidedAt: clock.now(),
    });
  const draftInput = (overrides: Record<string, unknown> = {}) => ({
    title: ' 装修期间保护公共楼道地面 ',
    body: '装修户须在楼道铺设保护垫。\n每日施工结束后清扫楼道。',
    effectiveAt: clock.now().toISOString(),
    reviewAt: new Date(clock.now().getTime() + days(365)).toISOString(),
    ...overrides,
  });
  const draft = async (as: Caller, overrides: Record<string, unknown> = {}) => {
    const scene = await decision();
    return run(DRAFT, { decisionId: encodeGlobalID('Decision', scene.decisionId), input: draftInput(overrides) }, as);
  };

  it('drafts a rule from a decision, which only cadres see until it is published', async () => {
    const scene = await decision();
    const drafted = await run(DRAFT, { decisionId: encodeGlobalID('Decision', scene.decisionId), input: draftInput() }, world.cadre);
    expect(drafted).toMatchObject({
      __typename: 'DraftRuleSuccess',
      data: { status: 'DRAFT', title: '装修期间保护公共楼道地面', currentVersion: 1, canManage: true, sourceDecision: { id: encodeGlobalID('Decision', scene.decisionId) } },
    });
    const id = drafted.data!.id;
    expect((await t.gql(GET, { id }, world.resident)).data).toEqual({ rule: null });
    expect((await t.gql(GET, { id }, world.admin)).data).toEqual({ rule: { title: '装修期间保护公共楼道地面', status: 'DRAFT' } });

    const published = await run(PUBLISH, { id }, world.admin);
    expect(published.data).toMatchObject({ status: 'IN_FORCE' });
    expect((await t.gql(GET, { id }, world.resident)).data).toEqual({ rule: { title: '装修期间保护公共楼道地面', status: 'IN_FORCE' } });
    expect((await t.gql(GET, { id })).data).toEqual({ rule: { title: '装修期间保护公共楼道地面', status: 'IN_FORCE' } });
    expect(await run(PUBLISH, { id }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'IN_FORCE', allowed: ['DRAFT'] });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'rule.published' }, orderBy: { id: 'desc' } });
    expect(audit.concernId).toBe(scene.concernId);
  });

  it('refuses residents, outsiders and anonymous callers, and bad input', async () => {
    for (const caller of [world.resident, world.outsider, undefined]) expect((await draft(caller)).__typename).toBe('ForbiddenError');
    const bad = await draft(world.cadre, { title: '', reviewAt: new Date(clock.now().getTime() - days(1)).toISOString() });
    expect(bad.__typename).toBe('ValidationError');
    expect((bad.issues as { path: string[] }[]).map((i) => i.path.join('.')).sort()).toEqual(['input.reviewAt', 'input.title']);
    const nothing = await decision(false);
    expect(await run(DRAFT, { decisionId: encodeGlobalID('Decision', nothing.decisionId), input: draftInput() }, world.cadre)).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['decisionId'] }],
    });
    expect(await run(DRAFT, { decisionId: encodeGlobalID('Decision', 999_999), input: draftInput() }, world.cadre)).toMatchObject({
      __typename: 'NotFoundError',
      entity: 'Decision',
    });
    const drafted = await draft(world.cadre);
    for (const [query, variables] of [
      [PUBLISH, {}],
      [RETIRE, { reason: '不需要了' }],
      [AMEND, { input: { ...draftInput(), title: '新标题', changeNote: '改名' } }],
    ] as const) {
      expect((await run(query, { id: drafted.data!.id, ...variables }, world.resident)).__typename).toBe('NotFoundError');
      expect((await run(query, { id: drafted.data!.id, ...variables }, world.outsider)).__typename).toBe('NotFoundError');
    }
  });

  it('keeps every version and shows what changed line by line', async () => {
    const drafted = await draft(world.cadre);
    const id = drafted.data!.id;
    await run(PUBLISH, { id }, world.cadre);
    const amended = await run(
      AMEND,
      {
        id,
        input: {
          ...draftInput(),
          title: '装修期间保护楼道地面和电梯',
          body: '装修户须在楼道铺设保护垫。\n电梯内须加装护板。\n每日施工结束后清扫楼道。',
          changeNote: '居民提出电梯也被刮花。',
        },
      },
      world.cadre,
    );
    expect(amended.data).toMatchObject({
      currentVersion: 2,
      title: '装修期间保护楼道地面和电梯',
      versions: [
        { version: 1, title: '装修期间保护公共楼道地面', changeNote: '', previousTitle: null, bodyDiff: null },
        {
          version: 2,
          changeNote: '居民提出电梯也被刮花。',
          previousTitle: '装修期间保护公共楼道地面',
          bodyDiff: [
            { kind: 'SAME', text: '装修户须在楼道铺设保护垫。' },
            { kind: 'ADDED', text: '电梯内须加装护板。' },
            { kind: 'SAME', text: '每日施工结束后清扫楼道。' },
          ],
        },
      ],
    });
    const same = await run(AMEND, { id, input: { ...draftInput(), title: '装修期间保护楼道地面和电梯', body: '装修户须在楼道铺设保护垫。\n电梯内须加装护板。\n每日施工结束后清扫楼道。', changeNote: '无' } }, world.cadre);
    expect(same).toMatchObject({ __typename: 'ValidationError', issues: [{ message: 'Nothing changed' }] });
    expect((await run(AMEND, { id, input: { ...draftInput(), changeNote: ' ' } }, world.cadre)).__typename).toBe('ValidationError');

    const retired = await run(RETIRE, { id, reason: '已纳入小区公约' }, world.cadre);
    expect(retired.data).toMatchObject({ status: 'RETIRED', retireReason: '已纳入小区公约' });
    expect(await run(AMEND, { id, input: { ...draftInput(), changeNote: '再改' } }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'RETIRED' });
    expect(await run(RETIRE, { id, reason: '再退' }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'RETIRED' });
    expect(await t.db.ruleVersion.count({ where: { rule: { id: Number(Buffer.from(id, 'base64').toString().split(':')[1]) } } })).toBe(2);
  });

  it('lists public rules in force of public communities in the practice library, and marks the viewer’s own', async () => {
    const village = await createCommunity(t.db, { slug: `village-${provider}` });
    await t.db.community.update({ where: { id: village.id }, data: { kind: 'VILLAGE' } });
    const hidden = await createCommunity(t.db, { isPublic: false });
    const mark = `图书馆${provider}`;
    const make = (communityId: number, title: string, extra: Partial<Parameters<typeof createRuleFixture>[1]> = {}) =>
      createRuleFixture(t.db, { communityId, createdById: world.cadre.id, title: `${mark} ${title}`, ...extra });
    await make(world.community.id, '本社区的规则');
    await make(world.community.id, '本社区不公开的规则', { isPublic: false });
    await make(village.id, '村里的规则');
    await make(village.id, '村里的草稿', { status: 'DRAFT' });
    await make(village.id, '村里废止的规则', { status: 'RETIRED' });
    await make(village.id, '村里不公开的规则', { isPublic: false });
    await make(hidden.id, '私密社区的规则');

    const titles = async (as: Caller, variables: Record<string, unknown> = {}) => {
      const response = await t.gql(LIBRARY, { search: mark, ...variables }, as);
      expect(response.errors).toBeUndefined();
      const library = (response.data as { practiceLibrary: { edges: { node: { title: string; fromMyCommunity: boolean } }[] } }).practiceLibrary;
      return library.edges.map((e) => `${e.node.fromMyCommunity ? '*' : ''}${e.node.title.replace(`${mark} `, '')}`);
    };
    expect(await titles(undefined)).toEqual(['村里的规则', '本社区的规则']);
    expect(await titles(world.outsider)).toEqual(['村里的规则', '本社区的规则']);
    expect(await titles(world.resident)).toEqual(['村里的规则', '*本社区不公开的规则', '*本社区的规则']);
    expect(await titles(world.resident, { kind: 'VILLAGE' })).toEqual(['村里的规则']);
    expect(await titles(undefined, { search: `${mark} 村里` })).toEqual(['村里的规则']);

    const first = await t.gql(LIBRARY, { search: mark, first: 1 }, world.resident);
    const page = (first.data as { practiceLibrary: { pageInfo: { hasNextPage: boolean; endCursor: string } } }).practiceLibrary.pageInfo;
    expect(page.hasNextPage).toBe(true);
    expect(await titles(world.resident, { first: 5, after: page.endCursor })).toEqual(['*本社区不公开的规则', '*本社区的规则']);
  });

  it('lets another community adopt a rule as a draft linked to its source', async () => {
    const source = await createRuleFixture(t.db, { communityId: world.community.id, createdById: world.cadre.id, title: '错时共享停车' });
    const id = encodeGlobalID('Rule', source.id);
    const target = encodeGlobalID('Community', world.otherCommunity.id);
    expect((await run(ADOPT, { id, communityId: target }, world.outsider)).__typename).toBe('ForbiddenError');
    expect((await run(ADOPT, { id, communityId: target }, world.cadre)).__typename).toBe('ForbiddenError');
    expect((await run(ADOPT, { id, communityId: target }, undefined)).__typename).toBe('ForbiddenError');
    expect(await run(ADOPT, { id, communityId: encodeGlobalID('Community', world.community.id) }, world.cadre)).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['communityId'] }],
    });

    const adopted = await run(ADOPT, { id, communityId: target }, otherCadre);
    expect(adopted).toMatchObject({
      __typename: 'AdoptRuleSuccess',
      data: { status: 'DRAFT', title: '错时共享停车', currentVersion: 1, sourceDecision: null, adoptedFrom: { sourceVersion: 1, sourceRule: { id, title: '错时共享停车' } } },
    });
    const copy = await t.db.rule.findUniqueOrThrow({ where: { id: Number(Buffer.from(adopted.data!.id, 'base64').toString().split(':')[1]) }, include: { versions: true } });
    expect(copy.communityId).toBe(world.otherCommunity.id);
    expect(copy.versions[0]!.body).toBe(source.versions[0]!.body);
    const sourceView = await t.gql(`query ($id: ID!) { rule(id: $id) { adoptionCount } }`, { id });
    expect(sourceView.data).toEqual({ rule: { adoptionCount: 1 } });
    expect(await run(ADOPT, { id, communityId: target }, otherCadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'ALREADY_ADOPTED' });

    // Only what the library shows can be adopted: not a draft, not a rule kept from the public.
    const draftSource = await createRuleFixture(t.db, { communityId: world.community.id, createdById: world.cadre.id, status: 'DRAFT' });
    const privateSource = await createRuleFixture(t.db, { communityId: world.community.id, createdById: world.cadre.id, isPublic: false });
    for (const rule of [draftSource, privateSource]) {
      expect(await run(ADOPT, { id: encodeGlobalID('Rule', rule.id), communityId: target }, otherCadre)).toMatchObject({ __typename: 'NotFoundError', entity: 'Rule' });
    }
  });

  it('tells the cadres once per version when a review comes due, with two schedulers racing', async () => {
    const reviewer = await createCommunity(t.db);
    const [cadre, admin, resident] = await Promise.all([
      createUser(t.db, { communityId: reviewer.id, role: 'CADRE' }),
      createUser(t.db, { communityId: reviewer.id, role: 'ADMIN' }),
      createUser(t.db, { communityId: reviewer.id, role: 'RESIDENT' }),
    ]);
    await t.db.community.update({ where: { id: reviewer.id }, data: { ruleReviewNoticeDays: 10 } });
    const now = clock.now().getTime();
    const soon = await createRuleFixture(t.db, { communityId: reviewer.id, createdById: cadre.id, reviewAt: new Date(now + days(9)), effectiveAt: new Date(now - days(300)) });
    const later = await createRuleFixture(t.db, { communityId: reviewer.id, createdById: cadre.id, reviewAt: new Date(now + days(11)) });
    await createRuleFixture(t.db, { communityId: reviewer.id, createdById: cadre.id, status: 'RETIRED', reviewAt: new Date(now + days(1)) });
    await createRuleFixture(t.db, { communityId: reviewer.id, createdById: cadre.id, status: 'DRAFT', reviewAt: new Date(now + days(1)) });
    const noticesFor = (userId: number) => t.db.notification.findMany({ where: { userId, kind: 'RULE_REVIEW_DUE' }, orderBy: { id: 'asc' } });

    const second = await secondServer(t);
    try {
      const schedulers = [t.app.deps, second.deps].map((deps) => new Scheduler(deps, scheduledJobs, 60_000));
      const round = async () => (await Promise.all(schedulers.map((s) => s.runOnce()))).reduce((n, r) => n + r['rules.review-notices']!, 0);

      expect(await round()).toBe(1);
      expect(await round()).toBe(0);
      for (const user of [cadre, admin]) {
        expect((await noticesFor(user.id)).map((n) => n.subject)).toEqual([`rule:${soon.id}`]);
      }
      expect(await noticesFor(resident.id)).toEqual([]);
      expect((await noticesFor(cadre.id))[0]!.params).toMatchObject({ ruleId: soon.id, version: 1 });

      // Two days on, the other rule enters its notice period.
      clock.advance(days(2));
      expect(await round()).toBe(1);
      expect((await noticesFor(cadre.id)).map((n) => n.subject)).toEqual([`rule:${soon.id}`, `rule:${later.id}`]);

      // A new version whose review is also near gets its own notice.
      await t.db.$transaction([
        t.db.rule.update({ where: { id: soon.id }, data: { currentVersion: 2 } }),
        t.db.ruleVersion.create({
          data: { ruleId: soon.id, version: 2, title: '修订', body: '新版', effectiveAt: clock.now(), reviewAt: new Date(clock.now().getTime() + days(5)), createdById: cadre.id },
        }),
      ]);
      expect(await round()).toBe(1);
      expect(await round()).toBe(0);
      expect((await noticesFor(admin.id)).map((n) => (n.params as { version: number }).version)).toEqual([1, 1, 2]);
    } finally {
      clock.advance(-days(2));
      await second.close();
    }
  });
});
