import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { providers } from '../../test-support/databases.js';
import { createApiToken, createCommunity, createUser, createWorld, type TestCommunity, type World } from '../../test-support/fixtures.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { createActionFixture, createDecidedConcern } from '../../test-support/loop-fixtures.js';
import { georeportErrors, georeportRequest, georeportService } from './georeport.schema.js';

const HOUR = 3_600_000;

// On both databases: the filters compare instants and statuses in SQL.
describe.each(providers)('Open311 GeoReport v2 (read-only) on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let hidden: TestCommunity;
  let hiddenMember: Awaited<ReturnType<typeof createUser>>;
  const ids: Record<string, number> = {};
  let token: string;
  let hiddenToken: string;
  const reporterName = '匿名的报告人甲';

  beforeAll(async () => {
    t = await createTestApp({ provider });
    world = await createWorld(t.db);
    hidden = await createCommunity(t.db, { isPublic: false });
    hiddenMember = await createUser(t.db, { communityId: hidden.id });
    const reporter = await createUser(t.db, { communityId: world.community.id, displayName: reporterName });
    const base = new Date('2026-11-01T08:00:00Z');

    ids.reported = (await createConcern(t.db, { community: world.community, reporterId: reporter.id, createdAt: base, title: '单元门口乱停车' })).id;
    await t.db.concern.update({ where: { id: ids.reported }, data: { latitude: 31.2304, longitude: 121.4737 } });
    await t.db.photo.create({
      data: { storageKey: `${'a'.repeat(32)}.jpg`, mimeType: 'image/jpeg', byteSize: 10, uploadedById: reporter.id, concernId: ids.reported },
    });
    ids.declined = (await createConcern(t.db, { community: world.community, reporterId: reporter.id, status: 'DECLINED', createdAt: new Date(base.getTime() + HOUR) })).id;
    await t.db.concern.update({ where: { id: ids.declined }, data: { declinedAt: new Date(base.getTime() + 2 * HOUR), answer: '不属于社区管理范围，已转交交警。' } });
    const decided = await createDecidedConcern(t.db, {
      community: world.community,
      reporterId: reporter.id,
      chairId: world.cadre.id,
      proposals: [{ adopted: true }],
      reportedAt: new Date(base.getTime() + 2 * HOUR),
      decidedAt: new Date(base.getTime() + 50 * HOUR),
    });
    ids.inProgress = decided.concernId;
    const action = await createActionFixture(t.db, { decided, status: 'IN_PROGRESS', ownerDepartment: '物业服务中心' });
    await t.db.progressUpdate.create({ data: { actionId: action.id, authorId: world.cadre.id, body: '灯具已采购，周五安装。', createdAt: new Date() } });
    ids.hidden = (await createConcern(t.db, { community: hidden, reporterId: hiddenMember.id })).id;
    ids.other = (await createConcern(t.db, { community: world.otherCommunity, reporterId: world.outsider.id })).id;

    token = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    hiddenToken = await createApiToken(t.db, { communityId: hidden.id, createdById: hiddenMember.id, scopes: ['BOARD'] });
  });
  afterAll(() => t.close());

  const get = async (path: string, as?: Caller) => {
    const response = await t.fetch(path, {}, as);
    // Public, read-only data: any page may read it (cookies and tokens are never sent with `*`).
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  const requests = async (query: string, as?: Caller) => {
    const answer = await get(`/open311/v2/requests.json?${query}`, as);
    expect(answer.status, answer.text).toBe(200);
    return georeportRequest.array().parse(JSON.parse(answer.text));
  };
  const expectError = async (path: string, status: number, as?: Caller) => {
    const answer = await get(path, as);
    expect(answer.status, answer.text).toBe(status);
    expect(answer.type).toMatch(/^application\/json/);
    const [error] = georeportErrors.parse(JSON.parse(answer.text));
    expect(error!.code).toBe(status);
    return error!.description;
  };

  it("lists a public community's categories as services", async () => {
    const answer = await get(`/open311/v2/services.json?jurisdiction_id=${world.community.slug}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    const services = georeportService.array().parse(JSON.parse(answer.text));
    expect(services.map((s) => [s.service_code, s.service_name])).toEqual([
      ['parking', '停车'],
      ['repairs', '维修'],
      ['safety', '安全'],
    ]);
  });

  it('maps concerns to valid service requests, newest first, with the echo, the latest news and the deadline', async () => {
    const list = await requests(`jurisdiction_id=${world.community.slug}`);
    expect(list.map((r) => r.service_request_id)).toEqual([ids.inProgress, ids.declined, ids.reported].map(String));
    const [inProgress, declined, reported] = list;

    expect(reported).toMatchObject({ status: 'open', service_code: 'parking', service_name: '停车', address: '3号楼门口', lat: 31.2304, long: 121.4737, status_notes: null });
    expect(reported!.description).toContain('单元门口乱停车');
    expect(reported!.requested_datetime).toBe('2026-11-01T16:00:00+08:00');
    expect(reported!.expected_datetime).toBe('2026-11-04T16:00:00+08:00');
    expect(reported!.media_url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/uploads/${'a'.repeat(32)}\\.jpg$`));

    expect(declined).toMatchObject({ status: 'closed', status_notes: '不属于社区管理范围，已转交交警。', media_url: null, lat: null });
    expect(inProgress).toMatchObject({ status: 'open', agency_responsible: '物业服务中心', service_code: 'repairs' });
    expect(inProgress!.status_notes).toBe('已收到，提交居民议事。\n灯具已采购，周五安装。');
  });

  it("never names a reporter, and never shows another community's requests", async () => {
    const answer = await get(`/open311/v2/requests.json?jurisdiction_id=${world.community.slug}`);
    expect(answer.text).not.toContain(reporterName);
    const list = await requests(`jurisdiction_id=${world.community.slug}`);
    expect(list.map((r) => r.service_request_id)).not.toContain(String(ids.other));
  });

  it('filters by status, service code, dates and ids, and pages', async () => {
    const slug = `jurisdiction_id=${world.community.slug}`;
    const idsOf = (list: { service_request_id: string }[]) => list.map((r) => Number(r.service_request_id));
    expect(idsOf(await requests(`${slug}&status=closed`))).toEqual([ids.declined]);
    expect(idsOf(await requests(`${slug}&status=open`))).toEqual([ids.inProgress, ids.reported]);
    expect(idsOf(await requests(`${slug}&status=open,closed`))).toHaveLength(3);
    expect(idsOf(await requests(`${slug}&service_code=repairs`))).toEqual([ids.inProgress]);
    const window = `start_date=${encodeURIComponent('2026-11-01T16:30:00+08:00')}&end_date=${encodeURIComponent('2026-11-01T17:30:00+08:00')}`;
    expect(idsOf(await requests(`${slug}&${window}`))).toEqual([ids.declined]);
    expect(idsOf(await requests(`${slug}&service_request_id=${ids.reported},${ids.declined},${ids.other}`))).toEqual([ids.declined, ids.reported]);
    expect(idsOf(await requests(`${slug}&page_size=2`))).toEqual([ids.inProgress, ids.declined]);
    expect(idsOf(await requests(`${slug}&page_size=2&page=2`))).toEqual([ids.reported]);
  });

  it('answers one request as a list of one', async () => {
    const answer = await get(`/open311/v2/requests/${ids.declined}.json`);
    expect(answer.status).toBe(200);
    const [only, ...rest] = georeportRequest.array().parse(JSON.parse(answer.text));
    expect(rest).toEqual([]);
    expect(only!.service_request_id).toBe(String(ids.declined));
  });

  it("keeps a private community's requests to its token and its members", async () => {
    const slug = `jurisdiction_id=${hidden.slug}`;
    await expectError(`/open311/v2/requests.json?${slug}`, 404);
    await expectError(`/open311/v2/services.json?${slug}`, 404);
    await expectError(`/open311/v2/requests/${ids.hidden}.json`, 404);
    await expectError(`/open311/v2/requests.json?${slug}`, 404, { token });
    await expectError(`/open311/v2/requests/${ids.hidden}.json`, 404, world.outsider);

    // A token needs no jurisdiction_id: it has one community.
    expect((await requests('', { token: hiddenToken })).map((r) => Number(r.service_request_id))).toEqual([ids.hidden]);
    expect(await requests(slug, hiddenMember)).toHaveLength(1);
    expect((await get(`/open311/v2/requests/${ids.hidden}.json`, { token: hiddenToken })).status).toBe(200);
    // A token without the BOARD scope reads no requests of its private community.
    const figuresOnly = await createApiToken(t.db, { communityId: hidden.id, createdById: hiddenMember.id, scopes: ['FIGURES'] });
    await expectError('/open311/v2/requests.json', 404, { token: figuresOnly });
    await expectError(`/open311/v2/requests/${ids.hidden}.json`, 404, { token: figuresOnly });
    // A jurisdiction that does not hold the request does not find it.
    await expectError(`/open311/v2/requests/${ids.hidden}.json?jurisdiction_id=${world.community.slug}`, 404, { token: hiddenToken });
  });

  it('answers mistakes with GeoReport errors', async () => {
    const slug = `jurisdiction_id=${world.community.slug}`;
    expect(await expectError(`/open311/v2/requests.xml?${slug}`, 400)).toMatch(/json/);
    expect(await expectError(`/open311/v2/services.xml?${slug}`, 400)).toMatch(/json/);
    expect(await expectError('/open311/v2/requests.json', 400)).toMatch(/jurisdiction_id/);
    await expectError(`/open311/v2/requests.json?jurisdiction_id=nowhere`, 404);
    expect(await expectError(`/open311/v2/requests.json?${slug}&status=pending`, 400)).toMatch(/status/);
    expect(await expectError(`/open311/v2/requests.json?${slug}&start_date=yesterday`, 400)).toMatch(/start_date/);
    expect(await expectError(`/open311/v2/requests.json?${slug}&start_date=2026-11-01T10:00:00`, 400)).toMatch(/offset/);
    expect(await expectError(`/open311/v2/requests.json?${slug}&service_request_id=1,x`, 400)).toMatch(/service_request_id/);
    expect(await expectError(`/open311/v2/requests.json?${slug}&page_size=1000`, 400)).toMatch(/page_size/);
    await expectError('/open311/v2/requests/999999.json', 404);
    await expectError('/open311/v2/requests/abc.json', 404);
    // A bad token is refused before the route runs, still in GeoReport's format.
    expect(await expectError(`/open311/v2/requests.json?${slug}`, 401, { token: 'ysk_not-a-token' })).toMatch(/token/);
  });
});

describe('Open311 over the request budget', () => {
  it('answers 429 with Retry-After, in GeoReport format', async () => {
    // One request a minute for anonymous callers.
    const t = await createTestApp({ rateLimitScale: 1 / 120 });
    try {
      const community = await createCommunity(t.db);
      const path = `/open311/v2/services.json?jurisdiction_id=${community.slug}`;
      expect((await t.fetch(path)).status).toBe(200);
      const refused = await t.fetch(path);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(georeportErrors.parse(await refused.json())[0]!.code).toBe(429);
    } finally {
      await t.close();
    }
  });
});
