import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/fixtures.js';

// Hostile queries are refused before any resolver runs: no SQL statement is executed for them.
describe('query limits', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  async function refusedWithoutTouchingTheDatabase(query: string, variables?: Record<string, unknown>) {
    t.queries.length = 0;
    const result = await t.gql(query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(t.queries, 'SQL ran for a refused query').toEqual([]);
    return result;
  }

  it('refuses a deeply nested query', async () => {
    let selection = 'slug';
    for (let i = 0; i < 16; i++) selection = `community { ${selection} }`;
    const result = await refusedWithoutTouchingTheDatabase(`{ concern(id: "${Buffer.from('Concern:1').toString('base64')}") { ${selection} } }`);
    expect(result.errors![0]!.message).toMatch(/depth/i);
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: communities { slug }`).join(' ');
    const result = await refusedWithoutTouchingTheDatabase(`{ ${aliases} }`);
    expect(result.errors![0]!.message).toMatch(/alias/i);
  });

  it('refuses a query with too many tokens', async () => {
    const fields = Array.from({ length: 4000 }, () => '__typename').join(' ');
    const result = await refusedWithoutTouchingTheDatabase(`{ ${fields} }`);
    expect(result.errors![0]!.message).toMatch(/token/i);
  });

  it("refuses a query over the caller's cost budget, saying so", async () => {
    const result = await refusedWithoutTouchingTheDatabase(
      `query ($id: ID!) { concerns(communityId: $id, first: 50) { edges { node { title body place timeline { kind at } proposals(first: 10) { edges { node { title body comments(first: 5) { edges { node { body } } } } } } } } } }`,
      { id: Buffer.from(`Community:${world.community.id}`).toString('base64') },
    );
    expect(result.errors![0]!.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0]!.message).toMatch(/over this caller's limit of \d+/);
  });

  it('refuses a bad variable with a clear error and no SQL', async () => {
    const result = await refusedWithoutTouchingTheDatabase(`query ($slug: String!) { community(slug: $slug) { name } }`, { slug: 42 });
    expect(result.errors![0]!.message).toMatch(/String/);
  });

  it('refuses a body over 1 MB before reading it, and a body without a length', async () => {
    const huge = JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(1_100_000) } });
    const tooBig = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('masks unexpected errors: no message, no stack', async () => {
    const result = await t.gql(`{ concern(id: "not-a-global-id") { title } }`);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(text).not.toContain('stack');
  });
});

describe('errors users cause outside a typed result', () => {
  it('keep their message and a code for a bad query argument', async () => {
    const t = await createTestApp();
    try {
      const result = await t.gql(`{ community(slug: "${'x'.repeat(100)}") { name } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: ['slug'], code: 'TOO_LONG', limit: 64 })]);
    } finally {
      await t.close();
    }
  });
});
