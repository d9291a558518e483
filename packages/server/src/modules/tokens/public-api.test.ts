// The public API as third parties meet it: API tokens (Bearer only, scoped, read-only) and anonymous
// readers of public communities, with the limits that keep them from crowding out our own app.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { isNonNullType, type GraphQLArgument } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '../../graphql/schema.js';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { createApiToken, createCommunity, createUser, createWorld, type TestCommunity, type World } from '../../test-support/fixtures.js';
import { createConcern, createLiveSession } from '../../test-support/domain-fixtures.js';
import { createRuleFixture } from '../../test-support/loop-fixtures.js';
import { Feed, closeOf, listen, wsClient } from '../../test-support/live-clients.js';
import { sessionCookieName } from '../identity/identity.service.js';
import type { ApiScope } from '../../context.js';

const CONCERNS = `query ($id: ID!, $first: Int) {
  concerns(communityId: $id, first: $first) { edges { node { id title reporterPublic reporter { displayName } } } }
}`;
const CONCERN = 'query ($id: ID!) { concern(id: $id) { title } }';
const COMMUNITY = `query ($slug: String!) {
  community(slug: $slug) {
    name
    liveSessions { title }
    rules { id }
  }
}`;
const FIGURES = 'query ($slug: String!) { community(slug: $slug) { figures { __typename } } }';
const SESSION = 'query ($id: ID!) { liveSession(id: $id) { title } }';
const RULE = 'query ($id: ID!) { rule(id: $id) { title } }';
const MEMBERS = 'query ($slug: String!) { community(slug: $slug) { members(first: 10) { edges { node { role } } } } }';
const SESSION_SUB = 'subscription ($id: ID!) { session(sessionId: $id) { status version } }';
const BOARD_SUB = 'subscription ($id: ID!) { board(communityId: $id) { version } }';

type Edges = { concerns: { edges: { node: { title: string; reporterPublic: boolean; reporter: { displayName: string } | null } }[] } };
type CommunityView = { community: { name: string; liveSessions: unknown[]; rules: unknown[] } | null };

/** Subscribes over SSE in process and returns the first event (refusals answer at once). */
async function firstSseEvent(t: TestApp, query: string, variables: Record<string, unknown>, as: Caller) {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
  if (as && 'cookie' in as) Object.assign(headers, { cookie: as.cookie, 'x-yishi-csrf': '1' });
  const controller = new AbortController();
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: controller.signal });
  const reader = response.body!.getReader();
  let text = '';
  while (!/^data: .*\n\n/m.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  return JSON.parse(text.match(/^data: (.*)$/m)![1]!) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe('API tokens and anonymous readers', () => {
  let t: TestApp;
  let world: World;
  let publicCommunity: TestCommunity;
  let publicAdmin: number;
  const ids: { concern: number; publicConcern: number; openConcern: number; session: number; rule: number; publicRule: number } = {} as never;

  const token = (scopes: ApiScope[], communityId = world.community.id) =>
    createApiToken(t.db, { communityId, createdById: world.admin.id, scopes }).then((secret) => ({ token: secret }));
  const gid = (type: string, id: number) => encodeGlobalID(type, id);

  beforeAll(async () => {
    t = await createTestApp();
    // Private: only its members and its own tokens read it.
    world = await createWorld(t.db, { isPublic: false });
    publicCommunity = await createCommunity(t.db, { isPublic: true });
    publicAdmin = (await createUser(t.db, { communityId: publicCommunity.id, role: 'ADMIN' })).id;
    ids.concern = (await createConcern(t.db, { community: world.community, reporterId: world.resident.id, title: 'Private lift' })).id;
    ids.session = (await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' })).id;
    ids.rule = (await createRuleFixture(t.db, { communityId: world.community.id, createdById: world.cadre.id, title: 'Private rule' })).id;
    ids.publicConcern = (await createConcern(t.db, { community: publicCommunity, reporterId: publicAdmin, title: 'Shy reporter' })).id;
    ids.openConcern = (await createConcern(t.db, { community: publicCommunity, reporterId: publicAdmin, title: 'Open reporter' })).id;
    await t.db.concern.update({ where: { id: ids.openConcern }, data: { reporterPublic: true } });
    ids.publicRule = (await createRuleFixture(t.db, { communityId: publicCommunity.id, createdById: publicAdmin, title: 'Public rule' })).id;
  });
  afterAll(() => t.close());

  it('a token reads only what its scopes name, of its own community', async () => {
    const board = await token(['BOARD']);
    const nothing = await token(['RULES']);
    const read = async (as: Caller) => (await t.gql<Edges>(CONCERNS, { id: gid('Community', world.community.id) }, as)).data!.concerns.edges;
    expect((await read(board)).map((edge) => edge.node.title)).toEqual(['Private lift']);
    expect(await read(nothing)).toEqual([]);
    expect((await t.gql(CONCERN, { id: gid('Concern', ids.concern) }, nothing)).data).toEqual({ concern: null });

    const sessionsOnly = await token(['SESSIONS']);
    const figuresOnly = await token(['FIGURES']);
    const rulesOnly = await token(['RULES']);
    const view = async (as: Caller) => (await t.gql<CommunityView>(COMMUNITY, { slug: world.community.slug }, as)).data!.community!;
    expect(await view(sessionsOnly)).toMatchObject({ liveSessions: [{}], rules: [] });
    expect(await view(figuresOnly)).toMatchObject({ liveSessions: [], rules: [] });
    expect(await view(rulesOnly)).toMatchObject({ liveSessions: [], rules: [{}] });
    const figures = (as: Caller) => t.gql<{ community: { figures: { __typename: string } } }>(FIGURES, { slug: world.community.slug }, as);
    expect((await figures(figuresOnly)).data!.community.figures.__typename).toBe('CommunityFiguresSuccess');
    expect((await figures(sessionsOnly)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SESSION, { id: gid('LiveSession', ids.session) }, board)).data).toEqual({ liveSession: null });
    expect((await t.gql(SESSION, { id: gid('LiveSession', ids.session) }, sessionsOnly)).data).toMatchObject({ liveSession: { title: expect.any(String) } });
    expect((await t.gql(RULE, { id: gid('Rule', ids.rule) }, board)).data).toEqual({ rule: null });
    expect((await t.gql(RULE, { id: gid('Rule', ids.rule) }, rulesOnly)).data).toEqual({ rule: { title: 'Private rule' } });

    // A token of another community sees nothing of this private one.
    const stranger = await token(['BOARD', 'SESSIONS', 'FIGURES', 'RULES'], world.otherCommunity.id);
    expect(await read(stranger)).toEqual([]);
    expect((await t.gql<CommunityView>(COMMUNITY, { slug: world.community.slug }, stranger)).data!.community).toBeNull();
  });

  it('a token never sees member lists, the audit trail, or a reporter who did not opt in', async () => {
    const all = await token(['BOARD', 'SESSIONS', 'FIGURES', 'RULES']);
    const members = await t.gql(MEMBERS, { slug: world.community.slug }, all);
    expect(members.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nor the audit trail, which names who did what.
    const audit = await t.gql('query ($slug: String!) { community(slug: $slug) { auditTrail(first: 5) { edges { node { kind } } } } }', { slug: world.community.slug }, all);
    expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const edges = (await t.gql<Edges>(CONCERNS, { id: gid('Community', world.community.id) }, all)).data!.concerns.edges;
    expect(edges[0]!.node).toMatchObject({ title: 'Private lift', reporterPublic: false, reporter: null });
  });

  it('a token cannot run any mutation: each is refused before it runs', async () => {
    const all = await token(['BOARD', 'SESSIONS', 'FIGURES', 'RULES']);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(30);
    const required = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;
    for (const field of mutations) {
      const args = field.args.filter(required);
      const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }`;
      const result = await t.gql(query, {}, all);
      expect(result.errors?.[0]?.extensions, field.name).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY_TOKEN' });
      expect(result.data ?? null, field.name).toBeNull();
    }
  });

  it('a token only counts as a Bearer header: in a cookie it is nobody', async () => {
    const { token: secret } = await token(['BOARD']);
    const asCookie = await t.gql<Edges>(CONCERNS, { id: gid('Community', world.community.id) }, { cookie: `${sessionCookieName}=${secret}` });
    expect(asCookie.data!.concerns.edges).toEqual([]);
    const wrongScheme = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${secret}` },
      body: JSON.stringify({ query: '{ communities { slug } }' }),
    });
    expect(wrongScheme.status).toBe(401);
  });

  it('anonymous callers read the public parts of a public community, never a shy reporter nor a private community', async () => {
    const edges = (await t.gql<Edges>(CONCERNS, { id: gid('Community', publicCommunity.id) })).data!.concerns.edges;
    const byTitle = Object.fromEntries(edges.map((edge) => [edge.node.title, edge.node.reporter]));
    expect(byTitle['Shy reporter']).toBeNull();
    expect(byTitle['Open reporter']).toEqual({ displayName: expect.any(String) });
    const view = (await t.gql<CommunityView>(COMMUNITY, { slug: publicCommunity.slug })).data!.community!;
    expect(view).toMatchObject({ rules: [{}] });
    const figures = await t.gql<{ community: { figures: { __typename: string } } }>(FIGURES, { slug: publicCommunity.slug });
    expect(figures.data!.community.figures.__typename).toBe('CommunityFiguresSuccess');
    expect((await t.gql(RULE, { id: gid('Rule', ids.publicRule) })).data).toEqual({ rule: { title: 'Public rule' } });

    expect((await t.gql<Edges>(CONCERNS, { id: gid('Community', world.community.id) })).data!.concerns.edges).toEqual([]);
    expect((await t.gql(CONCERN, { id: gid('Concern', ids.concern) })).data).toEqual({ concern: null });
    expect((await t.gql(RULE, { id: gid('Rule', ids.rule) })).data).toEqual({ rule: null });
    expect((await t.gql(COMMUNITY, { slug: world.community.slug })).data).toEqual({ community: null });
  });

  it('anonymous callers may not subscribe, even to a public board; a token may', async () => {
    const refused = await firstSseEvent(t, BOARD_SUB, { id: gid('Community', publicCommunity.id) }, undefined);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const allowed = await firstSseEvent(t, SESSION_SUB, { id: gid('LiveSession', ids.session) }, await token(['SESSIONS']));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data).toMatchObject({ session: { status: 'LIVE' } });
  });

  it('the raw secret is stored nowhere: not in any table, nor in the audit trail', async () => {
    const created = await t.gql<{ createApiToken: { data: { secret: string } } }>(
      'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on CreateApiTokenSuccess { data { secret } } } }',
      { input: { communityId: gid('Community', world.community.id), name: 'Scanner', scopes: ['BOARD'] } },
      world.admin,
    );
    const secret = created.data!.createApiToken.data.secret;
    // Used, revoked, refused: every path that touches the token has run.
    await t.gql(CONCERNS, { id: gid('Community', world.community.id) }, { token: secret });
    const row = await t.db.apiToken.findFirstOrThrow({ where: { name: 'Scanner' } });
    await t.gql('mutation ($id: ID!) { revokeApiToken(tokenId: $id) { __typename } }', { id: gid('ApiToken', row.id) }, world.admin);
    await t.gql(CONCERNS, { id: gid('Community', world.community.id) }, { token: secret });

    const tables = await t.db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    expect(tables.length).toBeGreaterThan(20);
    const secretPart = secret.slice(row.prefix.length);
    for (const { name } of tables) {
      const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
      const text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
      expect(text.includes(secret) || text.includes(secretPart), `table ${name}`).toBe(false);
    }
    const audit = await t.db.auditEvent.findMany({ where: { subjectType: 'ApiToken', subjectId: row.id } });
    expect(audit.map((event) => event.kind).sort()).toEqual(['token.created', 'token.revoked']);
  });
});

describe('limits for third parties', () => {
  let t: TestApp;
  let world: World;
  const gid = (type: string, id: number) => encodeGlobalID(type, id);

  beforeAll(async () => {
    // Small enough to trip in a few requests: a token may send 3 a minute, anonymous 1 per IP.
    t = await createTestApp({ rateLimitScale: 0.005 });
    world = await createWorld(t.db, { isPublic: true });
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  it('a token over its request budget gets 429 with Retry-After and retryAfter, and is let in again once the window has passed', async () => {
    const secret = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    const query = () => t.gql(CONCERNS, { id: gid('Community', world.community.id) }, { token: secret });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    for (let i = 0; i < 3; i++) expect((await query()).status).toBe(200);
    const refused = await query();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });

    // The limiter counts in real time: move it past the window instead of waiting a minute.
    vi.setSystemTime(Date.now() + (retryAfter + 1) * 1000);
    expect((await query()).status).toBe(200);
  });

  it('tokens from one address share a per-IP budget too, so minting more tokens does not buy more requests', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3_600_000 });
    const mint = () => createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    const tokens = [await mint(), await mint(), await mint()];
    const query = (secret: string) => t.gql('{ communities { slug } }', {}, { token: secret });
    // 3 a minute per token, 6 per address.
    for (const secret of tokens.slice(0, 2)) for (let i = 0; i < 3; i++) expect((await query(secret)).status).toBe(200);
    const refused = await query(tokens[2]!);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('anonymous callers have the tightest request budget, counted per IP', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    const first = await t.gql('{ communities { slug } }');
    expect(first.status).toBe(200);
    const second = await t.gql('{ communities { slug } }');
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('query cost and page size by caller', () => {
  let t: TestApp;
  let world: World;
  let secret: string;
  const gid = (type: string, id: number) => encodeGlobalID(type, id);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db, { isPublic: true });
    secret = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD', 'SESSIONS', 'FIGURES', 'RULES'] });
  });
  afterAll(() => t.close());

  it('a query within a member budget but over a token budget is refused for the token only, and more so for anonymous', async () => {
    // Each concern on the page costs its comments page too: 100 × (a few fields + 20 comments).
    const query = `query ($id: ID!) {
      concerns(communityId: $id, first: 100) {
        edges { node { title body place comments(first: 20) { edges { node { body } } } } }
      }
    }`;
    const variables = { id: gid('Community', world.community.id) };
    const member = await t.gql(query, variables, world.resident);
    expect(member.errors).toBeUndefined();
    const byToken = await t.gql(query, variables, { token: secret });
    expect(byToken.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'COMPLEXITY' });
    const measured = Number(byToken.errors![0]!.extensions!.measured);
    expect(measured).toBeGreaterThan(Number(byToken.errors![0]!.extensions!.limit));

    // A cheaper one passes for the token, yet is too much for anonymous callers.
    const cheaper = query.replace('first: 100', 'first: 40');
    expect((await t.gql(cheaper, variables, { token: secret })).errors).toBeUndefined();
    expect((await t.gql(cheaper, variables)).errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('a page larger than the caller may ask for is an error naming the limit, not a silent clamp', async () => {
    const variables = (first: number) => ({ id: gid('Community', world.community.id), first });
    const tooLarge = await t.gql(CONCERNS, variables(101), { token: secret });
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', argument: 'first', requested: 101, limit: 100 });
    expect(tooLarge.data ?? null).toBeNull();
    // A client that speaks GraphQL over HTTP (graphql-response+json) hears it as a 400.
    const spoken = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: CONCERNS, variables: variables(101) }),
    });
    expect(spoken.status).toBe(400);
    expect((await t.gql(CONCERNS, variables(100), { token: secret })).errors).toBeUndefined();

    expect((await t.gql(CONCERNS, variables(51))).errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', limit: 50 });
    expect((await t.gql(CONCERNS, variables(50))).errors).toBeUndefined();
    // Written into the document instead of a variable, and on a nested connection, it is caught the same.
    const nested = await t.gql(
      `query ($id: ID!) { concerns(communityId: $id, first: 1) { edges { node { comments(last: 500) { edges { cursor } } } } } }`,
      { id: gid('Community', world.community.id) },
      world.resident,
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', argument: 'last', limit: 100 });
  });
});

describe('subscriptions by token over WebSocket', () => {
  let t: TestApp;
  let world: World;
  let url: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { API_TOKEN_MAX_SUBSCRIPTIONS: '3' } });
    world = await createWorld(t.db, { isPublic: true });
    url = await listen(t.app);
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    sessionId = encodeGlobalID('LiveSession', session.id);
  });
  afterAll(() => t.close());

  const live = (feed: Feed) => feed.until((data) => (data as { session: { status: string } }).session.status === 'LIVE');

  it('holds at most N subscriptions per token across its connections, and frees a place when one ends', async () => {
    const secret = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] });
    const first = wsClient(url, { token: secret });
    const second = wsClient(url, { token: secret });
    const feeds = [new Feed(first, SESSION_SUB, { id: sessionId }), new Feed(first, SESSION_SUB, { id: sessionId }), new Feed(second, SESSION_SUB, { id: sessionId })];
    await Promise.all(feeds.map(live));

    const refused = await new Feed(second, SESSION_SUB, { id: sessionId }).ended();
    expect(refused.errorCodes).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    expect(refused.data).toEqual([]);
    // Another token of the same community has its own places.
    const other = wsClient(url, { token: await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] }) });
    await live(new Feed(other, SESSION_SUB, { id: sessionId }));

    const tokenId = (await tokenRow(secret)).id;
    expect(t.app.deps.subscriptionSlots.heldBy(tokenId)).toBe(3);
    feeds[0]!.stop();
    await expect.poll(() => t.app.deps.subscriptionSlots.heldBy(tokenId), { timeout: 5000 }).toBe(2);
    await live(new Feed(second, SESSION_SUB, { id: sessionId }));

    // A closed connection gives back all it held.
    await first.dispose();
    await expect.poll(() => t.app.deps.subscriptionSlots.heldBy(tokenId), { timeout: 5000 }).toBe(2);
    await Promise.all([second.dispose(), other.dispose()]);
  });

  async function tokenRow(secret: string) {
    return t.db.apiToken.findFirstOrThrow({ where: { prefix: secret.slice(0, 8) }, orderBy: { id: 'desc' } });
  }

  it('refuses a token without the SESSIONS scope, an anonymous client, and a token sent in a cookie', async () => {
    const board = wsClient(url, { token: await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] }) });
    expect((await new Feed(board, SESSION_SUB, { id: sessionId }).ended()).errorCodes).toEqual(['FORBIDDEN']);

    const anonymous = wsClient(url, undefined);
    const refused = await new Feed(anonymous, BOARD_SUB, { id: encodeGlobalID('Community', world.community.id) }).ended();
    expect(refused.errorCodes).toEqual(['UNAUTHENTICATED']);

    const secret = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] });
    const inCookie = wsClient(url, { cookie: `${sessionCookieName}=${secret}` });
    expect((await new Feed(inCookie, SESSION_SUB, { id: sessionId }).ended()).errorCodes).toEqual(['UNAUTHENTICATED']);
    await Promise.all([board.dispose(), anonymous.dispose(), inCookie.dispose()]);
  });

  it('a token revoked while connected is refused at its next subscribe', async () => {
    const secret = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] });
    const client = wsClient(url, { token: secret });
    await live(new Feed(client, SESSION_SUB, { id: sessionId }));
    await t.db.apiToken.updateMany({ where: { prefix: secret.slice(0, 8) }, data: { revokedAt: new Date() } });
    const closed = closeOf(client);
    const refused = await new Feed(client, SESSION_SUB, { id: sessionId }).ended();
    expect(refused.data).toEqual([]);
    expect((await closed).code).toBe(4403);
    await client.dispose();
  });
});
