// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/), as graphql-yoga implements it:
// the key cases a third-party client relies on, for both media types, and CSRF for browser requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/harness.js';
import { createApiToken, createWorld, type World } from '../test-support/fixtures.js';

const graphqlResponse = 'application/graphql-response+json';
const legacyJson = 'application/json';

describe('GraphQL over HTTP', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const send = async (init: { method?: 'GET' | 'POST'; query?: string; body?: string; accept?: string; headers?: Record<string, string>; variables?: unknown }) => {
    const method = init.method ?? 'POST';
    const headers: Record<string, string> = { ...(init.accept ? { accept: init.accept } : {}), ...init.headers };
    let path = '/graphql';
    let body: string | undefined;
    if (method === 'GET') {
      path += `?query=${encodeURIComponent(init.query ?? '')}`;
      if (init.variables) path += `&variables=${encodeURIComponent(JSON.stringify(init.variables))}`;
    } else {
      body = init.body ?? JSON.stringify({ query: init.query, variables: init.variables });
      headers['content-type'] ??= 'application/json';
    }
    const response = await t.app.yoga.fetch(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', allow: response.headers.get('allow'), text, json: () => JSON.parse(text) };
  };

  describe.each([graphqlResponse, legacyJson])('Accept: %s', (accept) => {
    const strict = accept === graphqlResponse;

    it('answers a query over GET and over POST with that media type', async () => {
      for (const method of ['GET', 'POST'] as const) {
        const answer = await send({ method, accept, query: '{ communities { slug } }' });
        expect(answer.status).toBe(200);
        expect(answer.type).toMatch(new RegExp(`^${accept.replace('+', '\\+')}`));
        expect(answer.json().data.communities.map((c: { slug: string }) => c.slug)).toContain(world.community.slug);
      }
    });

    it('refuses a mutation over GET with 405 and Allow: POST, without running it', async () => {
      const answer = await send({ method: 'GET', accept, query: 'mutation { logOut { __typename } }', headers: { cookie: world.resident.cookie } });
      expect(answer.status).toBe(405);
      expect(answer.allow).toBe('POST');
      expect(answer.json().errors).toHaveLength(1);
      expect((await t.gql('{ me { user { displayName } } }', {}, world.resident)).data).toEqual({ me: { user: { displayName: world.resident.displayName } } });
    });

    it(`answers a document that does not parse with ${strict ? '400' : '200'} and no data`, async () => {
      const answer = await send({ accept, query: '{ communities {' });
      expect(answer.status).toBe(strict ? 400 : 200);
      expect(answer.type.startsWith(accept)).toBe(true);
      expect(answer.json()).not.toHaveProperty('data');
      expect(answer.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it(`answers a document that does not validate with ${strict ? '400' : '200'} and no data`, async () => {
      const answer = await send({ accept, query: '{ noSuchField }' });
      expect(answer.status).toBe(strict ? 400 : 200);
      expect(answer.json()).not.toHaveProperty('data');
      expect(answer.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it(`answers an operation that cannot be chosen with ${strict ? '400' : '200'} and no data`, async () => {
      const answer = await send({ accept, query: 'query A { communities { slug } } query B { communities { slug } }' });
      expect(answer.status).toBe(strict ? 400 : 200);
      expect(answer.json()).not.toHaveProperty('data');
    });

    it(`answers variables that do not coerce with ${strict ? '400' : '200'} and no data`, async () => {
      const answer = await send({ accept, query: 'query ($id: ID!) { concern(id: $id) { id } }', variables: { id: { not: 'an id' } } });
      expect(answer.status).toBe(strict ? 400 : 200);
      expect(answer.json()).not.toHaveProperty('data');
    });

    it('answers an execution error with 200, the partial data and the error', async () => {
      const answer = await send({ accept, query: '{ concern(id: "not-a-global-id") { id } communities { slug } }' });
      expect(answer.status).toBe(200);
      const body = answer.json();
      expect(body.data.concern).toBeNull();
      expect(body.data.communities.length).toBeGreaterThan(0);
      expect(body.errors[0]).toMatchObject({ path: ['concern'], extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('refuses a request that is not well formed with 400', async () => {
      for (const body of ['{"query": ', 'NONSENSE', JSON.stringify({ variables: {} }), JSON.stringify({ qeury: '{ __typename }' })]) {
        const answer = await send({ accept, body });
        expect(answer.status, body).toBe(400);
        expect(answer.json()).not.toHaveProperty('data');
      }
    });

    it('answers an unknown or revoked token with 401 before running anything', async () => {
      const answer = await send({ accept, query: '{ communities { slug } }', headers: { authorization: 'Bearer ysk_unknown' } });
      expect(answer.status).toBe(401);
      expect(answer.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it('prefers application/graphql-response+json when the client accepts both', async () => {
    const answer = await send({ accept: `${graphqlResponse}, ${legacyJson};q=0.9`, query: '{ noSuchField }' });
    expect(answer.type.startsWith(graphqlResponse)).toBe(true);
    expect(answer.status).toBe(400);
  });

  it('answers with application/json when the client states no preference', async () => {
    const answer = await send({ query: '{ communities { slug } }' });
    expect(answer.status).toBe(200);
    expect(answer.type.startsWith(legacyJson)).toBe(true);
  });

  it('refuses media types it does not speak: 415 for the body, 406 for Accept', async () => {
    expect((await send({ body: 'query=%7B__typename%7D', headers: { 'content-type': 'application/xml' } })).status).toBe(415);
    expect((await send({ accept: 'application/xml', query: '{ __typename }' })).status).toBe(406);
  });

  describe('CSRF: a browser on another site can send simple requests with our cookie', () => {
    const logOut = 'mutation { logOut { __typename } }';
    const stillSignedIn = async () => (await t.gql<{ me: unknown }>('{ me { user { displayName } } }', {}, world.resident2)).data?.me;

    it.each([
      ['text/plain', JSON.stringify({ query: logOut })],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(logOut)}`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: logOut })}\r\n--x--\r\n`],
      ['application/json', JSON.stringify({ query: logOut })],
    ])('refuses a cookie-signed POST (%s) without the CSRF header', async (contentType, body) => {
      const answer = await send({ body, headers: { 'content-type': contentType, cookie: world.resident2.cookie } });
      expect(answer.status).toBe(403);
      expect(answer.json().errors[0].extensions.code).toBe('CSRF');
      expect(await stillSignedIn()).toBeTruthy();
    });

    it('lets a cookie-signed GET query through: it changes nothing, and another site cannot read the answer', async () => {
      const answer = await send({ method: 'GET', accept: graphqlResponse, query: '{ me { user { displayName } } }', headers: { cookie: world.resident2.cookie } });
      expect(answer.status).toBe(200);
      expect(answer.json().data.me.user.displayName).toBe(world.resident2.displayName);
    });

    it('needs no CSRF header for a Bearer token: browsers never attach one on their own', async () => {
      const answer = await send({ accept: graphqlResponse, query: logOut, headers: { authorization: 'Bearer ysk_unknown' } });
      expect(answer.status).toBe(401);
      expect(answer.json().errors[0].extensions.code).not.toBe('CSRF');
    });
  });
});

describe('GraphQL over HTTP: operations refused before they run', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createWorld(t.db);
    token = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
  });
  afterAll(() => t.close());

  const post = async (query: string, accept: string, headers: Record<string, string> = {}) => {
    const response = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
  };

  it.each([
    ['a mutation with a read-only token', 'mutation { logOut { __typename } }', 'FORBIDDEN', 403],
    ['a page over the caller’s maximum', '{ practiceLibrary(first: 1000) { edges { cursor } } }', 'PAGE_SIZE_TOO_LARGE', 400],
  ])('answers %s without data: 4xx under graphql-response+json, 200 under application/json', async (_name, query, code, status) => {
    const headers = { authorization: `Bearer ${token}` };
    const strict = await post(query, graphqlResponse, headers);
    expect(strict.status).toBe(status);
    expect(strict.body).not.toHaveProperty('data');
    expect(strict.body.errors![0]!.extensions.code).toBe(code);
    const legacy = await post(query, legacyJson, headers);
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors![0]!.extensions.code).toBe(code);
  });
});
