import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, days, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/fixtures.js';

const CREATE = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenSuccess { data { secret token { id name prefix scopes expiresAt revokedAt lastUsedAt createdBy { displayName } } } }
    ... on ValidationError { issues { path code } }
    ... on ForbiddenError { reason }
  }
}`;
const REVOKE = `mutation ($id: ID!) {
  revokeApiToken(tokenId: $id) {
    __typename
    ... on RevokeApiTokenSuccess { data { id revokedAt } }
    ... on ForbiddenError { reason }
    ... on NotFoundError { entity }
  }
}`;
const LIST = `query ($slug: String!) {
  community(slug: $slug) { apiTokens { id name prefix scopes expiresAt revokedAt lastUsedAt createdAt createdBy { displayName } } }
}`;
const CONCERNS = `query ($id: ID!) { concerns(communityId: $id, first: 5) { edges { node { title } } } }`;

type Created = { secret: string; token: { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null } };

describe('API token management', () => {
  let t: TestApp;
  let world: World;
  const clock = testClock(new Date('2026-11-28T09:00:00Z'));
  const communityId = () => encodeGlobalID('Community', world.community.id);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    world = await createWorld(t.db, { isPublic: false });
  });
  afterAll(() => t.close());

  async function create(as: Caller, input: Record<string, unknown>) {
    const response = await t.gql<{ createApiToken: { __typename: string; data?: Created; issues?: { path: string[]; code: string }[]; reason?: string } }>(
      CREATE,
      { input: { communityId: communityId(), ...input } },
      as,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.createApiToken;
  }

  it('an admin creates a token: the secret once, prefixed ysk_, only its hash stored, and an audit event', async () => {
    const result = await create(world.admin, { name: '街道数据大屏', scopes: ['RULES', 'BOARD'], expiresAt: new Date(clock.now().getTime() + days(30)).toISOString() });
    expect(result.__typename).toBe('CreateApiTokenSuccess');
    const { secret, token } = result.data!;
    expect(secret).toMatch(/^ysk_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({ name: '街道数据大屏', scopes: ['BOARD', 'RULES'], lastUsedAt: null, createdBy: { displayName: world.admin.displayName } });
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.prefix.length).toBeLessThan(12);

    const stored = await t.db.apiToken.findFirstOrThrow({ where: { name: '街道数据大屏' } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(secret);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'token.created', subjectId: stored.id } });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(token.prefix.length));

    // The secret works as a Bearer token and marks the token used.
    const board = await t.gql(CONCERNS, { id: communityId() }, { token: secret });
    expect(board.errors).toBeUndefined();
    const list = await t.gql<{ community: { apiTokens: { name: string; lastUsedAt: string | null }[] } }>(LIST, { slug: world.community.slug }, world.admin);
    expect(list.data!.community.apiTokens.find((row) => row.name === '街道数据大屏')!.lastUsedAt).toBe(clock.now().toISOString());
  });

  it('refuses residents, cadres, outsiders and anonymous callers with a typed error', async () => {
    for (const as of [world.resident, world.cadre, world.outsider, undefined]) {
      const result = await create(as, { name: 'Sneaky', scopes: ['BOARD'] });
      expect(result.__typename).toBe('ForbiddenError');
    }
    expect(await t.db.apiToken.count({ where: { name: 'Sneaky' } })).toBe(0);
  });

  it('names every bad field: empty scopes, an over-long name, an expiry in the past', async () => {
    const both = await create(world.admin, { name: 'x'.repeat(81), scopes: [] });
    expect(both.__typename).toBe('ValidationError');
    expect(both.issues!.map((issue) => issue.path.join('.')).sort()).toEqual(['input.name', 'input.scopes']);
    expect(both.issues!.find((issue) => issue.path.at(-1) === 'name')!.code).toBe('TOO_LONG');

    const blank = await create(world.admin, { name: '   ', scopes: ['BOARD'] });
    expect(blank.issues!.map((issue) => issue.path.join('.'))).toEqual(['input.name']);

    const past = await create(world.admin, { name: 'Late', scopes: ['BOARD'], expiresAt: new Date(clock.now().getTime() - 1000).toISOString() });
    expect(past).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'expiresAt'], code: 'NOT_IN_FUTURE' }] });
  });

  it('lists tokens to admins only, without any hash or secret', async () => {
    const created = (await create(world.admin, { name: 'Listed', scopes: ['FIGURES'] })).data!;
    const list = await t.gql<{ community: { apiTokens: { name: string }[] } }>(LIST, { slug: world.community.slug }, world.admin);
    expect(list.data!.community.apiTokens.map((row) => row.name)).toContain('Listed');
    expect(JSON.stringify(list.data)).not.toContain(created.secret);

    for (const as of [world.resident, world.cadre]) {
      const refused = await t.gql(LIST, { slug: world.community.slug }, as);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // The schema has no field that could carry the hash.
    const fields = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "ApiToken") { fields { name } } }');
    expect(fields.data!.__type.fields.map((field) => field.name).sort()).toEqual(
      ['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes'],
    );
  });

  it('revoking stops the token at once; only admins revoke, and a token cannot revoke itself', async () => {
    const { secret, token } = (await create(world.admin, { name: 'Short-lived', scopes: ['BOARD'] })).data!;
    for (const as of [world.resident, world.cadre, world.outsider, undefined, { token: secret }] as Caller[]) {
      const refused = await t.gql<{ revokeApiToken: { __typename: string } }>(REVOKE, { id: token.id }, as);
      const typename = refused.data?.revokeApiToken.__typename;
      expect(typename ?? refused.errors?.[0]?.extensions?.code).toMatch(/ForbiddenError|FORBIDDEN/);
    }
    expect((await t.gql(CONCERNS, { id: communityId() }, { token: secret })).errors).toBeUndefined();

    const revoked = await t.gql<{ revokeApiToken: { __typename: string; data: { revokedAt: string } } }>(REVOKE, { id: token.id }, world.admin);
    expect(revoked.data!.revokeApiToken).toMatchObject({ __typename: 'RevokeApiTokenSuccess', data: { revokedAt: clock.now().toISOString() } });
    expect(await t.db.auditEvent.count({ where: { kind: 'token.revoked', subjectId: Number(Buffer.from(token.id, 'base64').toString().split(':')[1]) } })).toBe(1);

    const refused = await t.gql(CONCERNS, { id: communityId() }, { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(refused.data ?? null).toBeNull();
  });

  it('an expired token is refused with a clear 401, not treated as anonymous', async () => {
    const { secret } = (await create(world.admin, { name: 'Expiring', scopes: ['BOARD'], expiresAt: new Date(clock.now().getTime() + days(1)).toISOString() })).data!;
    expect((await t.gql(CONCERNS, { id: communityId() }, { token: secret })).errors).toBeUndefined();
    clock.advance(days(1));
    const refused = await t.gql(CONCERNS, { id: communityId() }, { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/revoked or expired/);
    // Nor does a made-up token pass as anonymous.
    const unknown = await t.gql('{ communities { slug } }', {}, { token: 'ysk_madeup' });
    expect(unknown.status).toBe(401);
  });
});
