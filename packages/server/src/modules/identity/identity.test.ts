import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/harness.js';
import { createCommunity, createInvitationCode, createUser, testPassword, type TestCommunity, type TestUser } from '../../test-support/fixtures.js';

const ME = `{ me { user { id displayName login } memberships { role community { slug } } } }`;
const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegisterSuccess { data { user { displayName login } memberships { role community { slug } } } }
    ... on ValidationError { issues { path message } }
  }
}`;
const LOG_IN = `mutation ($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on LogInSuccess { data { user { login } } }
    ... on ForbiddenError { reason }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;
const LOG_OUT = `mutation { logOut { __typename ... on LogOutSuccess { data } } }`;

function sessionCookieFrom(headers: Headers): string {
  const setCookie = headers.get('set-cookie') ?? '';
  const match = setCookie.match(/yishi_session=([^;]+)/);
  if (!match) throw new Error(`no session cookie in: ${setCookie}`);
  return `yishi_session=${match[1]}`;
}

describe('identity', () => {
  let t: TestApp;
  let community: TestCommunity;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t.db);
    admin = await createUser(t.db, { communityId: community.id, role: 'ADMIN' });
  });
  afterAll(() => t.close());

  it('registers with an invitation code as a resident of the inviting community, and is signed in', async () => {
    const code = await createInvitationCode(t.db, { communityId: community.id, createdById: admin.id });
    const result = await t.gql(REGISTER, {
      input: { invitationCode: ` ${code.toLowerCase()} `, login: ' Grandma.Wang ', displayName: '王奶奶', password: 'a long enough password' },
    });
    expect(result.data).toEqual({
      register: {
        __typename: 'RegisterSuccess',
        data: { user: { displayName: '王奶奶', login: 'grandma.wang' }, memberships: [{ role: 'RESIDENT', community: { slug: community.slug } }] },
      },
    });
    const setCookie = result.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.gql(ME, {}, { cookie: sessionCookieFrom(result.headers) });
    expect((me.data as { me: { user: { login: string } } }).me.user.login).toBe('grandma.wang');
    const stored = await t.db.user.findUniqueOrThrow({ where: { login: 'grandma.wang' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.db.authSession.count({ where: { userId: stored.id } })).toBe(1);
    const session = await t.db.authSession.findFirstOrThrow({ where: { userId: stored.id } });
    expect(sessionCookieFrom(result.headers)).not.toContain(session.tokenHash);
  });

  it('refuses a bad, used-up, expired or revoked invitation code with a typed error and creates nobody', async () => {
    const usedUp = await createInvitationCode(t.db, { communityId: community.id, createdById: admin.id, maxUses: 1 });
    const expired = await createInvitationCode(t.db, { communityId: community.id, createdById: admin.id, expiresAt: new Date(Date.now() - 1000) });
    const first = await t.gql(REGISTER, { input: { invitationCode: usedUp, login: 'first-user', displayName: 'A', password: 'password-1234' } });
    expect((first.data as { register: { __typename: string } }).register.__typename).toBe('RegisterSuccess');
    for (const code of ['NOPE-NOPE', usedUp, expired]) {
      const before = await t.db.user.count();
      const result = await t.gql(REGISTER, { input: { invitationCode: code, login: `someone-${code}`.toLowerCase(), displayName: 'B', password: 'password-1234' } });
      expect(result.data).toEqual({ register: { __typename: 'ValidationError', issues: [{ path: ['input', 'invitationCode'], message: 'This invitation code is not valid' }] } });
      expect(await t.db.user.count()).toBe(before);
    }
  });

  it('validates the fields of registration and names each bad one', async () => {
    const result = await t.gql(REGISTER, { input: { invitationCode: 'XX', login: 'a', displayName: '', password: 'short' } });
    const register = (result.data as { register: { __typename: string; issues: { path: string[] }[] } }).register;
    expect(register.__typename).toBe('ValidationError');
    expect(register.issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['input.displayName', 'input.invitationCode', 'input.login', 'input.password'].sort(),
    );
  });

  it('refuses a login that is already taken', async () => {
    const code = await createInvitationCode(t.db, { communityId: community.id, createdById: admin.id });
    const result = await t.gql(REGISTER, { input: { invitationCode: code, login: admin.login, displayName: 'X', password: 'password-1234' } });
    expect(result.data).toMatchObject({ register: { __typename: 'ValidationError', issues: [{ path: ['input', 'login'] }] } });
  });

  it('logs in, rotates the session at every login, and logs out', async () => {
    const user = await createUser(t.db, { communityId: community.id });
    const wrong = await t.gql(LOG_IN, { input: { login: user.login, password: 'wrong password' } });
    expect(wrong.data).toEqual({ logIn: { __typename: 'ForbiddenError', reason: 'BAD_CREDENTIALS' } });
    const unknown = await t.gql(LOG_IN, { input: { login: 'nobody-at-all', password: 'wrong password' } });
    expect(unknown.data).toEqual({ logIn: { __typename: 'ForbiddenError', reason: 'BAD_CREDENTIALS' } });

    const first = await t.gql(LOG_IN, { input: { login: user.login.toUpperCase(), password: testPassword } });
    expect(first.data).toEqual({ logIn: { __typename: 'LogInSuccess', data: { user: { login: user.login } } } });
    const firstCookie = sessionCookieFrom(first.headers);

    // Logging in again from the same browser replaces its session: the old cookie stops working.
    const second = await t.gql(LOG_IN, { input: { login: user.login, password: testPassword } }, { cookie: firstCookie });
    const secondCookie = sessionCookieFrom(second.headers);
    expect(secondCookie).not.toBe(firstCookie);
    expect((await t.gql(ME, {}, { cookie: firstCookie })).data).toEqual({ me: null });
    expect((await t.gql(ME, {}, { cookie: secondCookie })).data).toMatchObject({ me: { user: { login: user.login } } });

    const out = await t.gql(LOG_OUT, {}, { cookie: secondCookie });
    expect(out.data).toEqual({ logOut: { __typename: 'LogOutSuccess', data: true } });
    expect((await t.gql(ME, {}, { cookie: secondCookie })).data).toEqual({ me: null });
  });

  it('requires the CSRF header on cookie-authenticated POSTs', async () => {
    const user = await createUser(t.db, { communityId: community.id });
    const response = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie },
      body: JSON.stringify({ query: LOG_OUT }),
    });
    expect(response.status).toBe(403);
    expect(await t.db.authSession.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(0);
  });

  it('shows a login only to its owner', async () => {
    const user = await createUser(t.db, { communityId: community.id });
    const other = await createUser(t.db, { communityId: community.id });
    const result = await t.gql(`{ me { memberships { user { login } } } }`, {}, user);
    expect(result.data).toEqual({ me: { memberships: [{ user: { login: user.login } }] } });
    expect(other.login).not.toBe(user.login);
  });

  it('changes a password, signing out the other browsers but not this one', async () => {
    const user = await createUser(t.db, { communityId: community.id });
    const otherBrowser = await t.gql(LOG_IN, { input: { login: user.login, password: testPassword } });
    const otherCookie = sessionCookieFrom(otherBrowser.headers);
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ... on ValidationError { issues { path } } } }`;
    const wrong = await t.gql(CHANGE, { input: { currentPassword: 'nope', newPassword: 'a brand new password' } }, user);
    expect(wrong.data).toEqual({ changePassword: { __typename: 'ValidationError', issues: [{ path: ['input', 'currentPassword'] }] } });
    const anonymous = await t.gql(CHANGE, { input: { currentPassword: testPassword, newPassword: 'a brand new password' } });
    expect(anonymous.data).toEqual({ changePassword: { __typename: 'ForbiddenError' } });
    const ok = await t.gql(CHANGE, { input: { currentPassword: testPassword, newPassword: 'a brand new password' } }, user);
    expect(ok.data).toEqual({ changePassword: { __typename: 'ChangePasswordSuccess' } });
    expect((await t.gql(ME, {}, user)).data).toMatchObject({ me: { user: { login: user.login } } });
    expect((await t.gql(ME, {}, { cookie: otherCookie })).data).toEqual({ me: null });
  });
});

describe('validation issues carry codes a client can translate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('names the rule each bad field broke, with its bound', async () => {
    const result = await t.gql(
      `mutation ($input: RegisterInput!) { register(input: $input) { ... on ValidationError { issues { path code limit } } } }`,
      { input: { invitationCode: 'XX', login: 'ok-login', displayName: '', password: 'x'.repeat(201) } },
    );
    const issues = (result.data as { register: { issues: { path: string[]; code: string; limit: number | null }[] } }).register.issues;
    const byField = Object.fromEntries(issues.map((issue) => [issue.path.join('.'), { code: issue.code, limit: issue.limit }]));
    expect(byField).toEqual({
      'input.invitationCode': { code: 'TOO_SHORT', limit: 4 },
      'input.displayName': { code: 'REQUIRED', limit: null },
      'input.password': { code: 'TOO_LONG', limit: 200 },
    });
  });
});
