import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, days, hours, testClock, type TestApp } from '../../test-support/harness.js';
import { createCommunity, createUser, signIn } from '../../test-support/fixtures.js';
import { providers } from '../../test-support/databases.js';
import { sha256 } from '../../security/secrets.js';
import { viewerFromSessionToken } from './identity.service.js';

const tokenOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!);

// The lookup behind every signed-in request and socket is one raw statement; these pin down what it decides.
describe.each(providers)('the session lookup on %s', (provider) => {
  let t: TestApp;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
  });
  afterAll(() => t.close());

  it('reads the user and every active membership in one statement', async () => {
    const [a, b, c] = [await createCommunity(t.db), await createCommunity(t.db), await createCommunity(t.db)];
    const user = await createUser(t.db, { communityId: a.id, role: 'CADRE', displayName: '张书记' });
    await t.db.membership.create({ data: { userId: user.id, communityId: b.id, role: 'RESIDENT', groupId: b.groupIds[1]! } });
    await t.db.membership.create({ data: { userId: user.id, communityId: c.id, role: 'ADMIN', status: 'SUSPENDED' } });
    t.queries.length = 0;
    const viewer = await viewerFromSessionToken(t.app.deps, tokenOf(user.cookie));
    expect(t.queries).toHaveLength(1);
    expect(viewer).toMatchObject({ kind: 'user', userId: user.id, displayName: '张书记' });
    if (viewer?.kind !== 'user') throw new Error('expected a user');
    expect(new Map(viewer.memberships)).toEqual(
      new Map([
        [a.id, { communityId: a.id, role: 'CADRE', groupId: null }],
        [b.id, { communityId: b.id, role: 'RESIDENT', groupId: b.groupIds[1]! }],
      ]),
    );
    const session = await t.db.authSession.findUniqueOrThrow({ where: { tokenHash: sha256(tokenOf(user.cookie)) } });
    expect(viewer.authSessionId).toBe(session.id);
  });

  it('knows a signed-in user with no membership at all', async () => {
    const user = await createUser(t.db);
    const viewer = await viewerFromSessionToken(t.app.deps, tokenOf(user.cookie));
    expect(viewer).toMatchObject({ kind: 'user', userId: user.id });
    expect(viewer?.kind === 'user' && viewer.memberships.size).toBe(0);
  });

  it('refuses unknown, revoked, expired and idle sessions', async () => {
    const user = await createUser(t.db);
    expect(await viewerFromSessionToken(t.app.deps, 'no-such-token')).toBeNull();

    const revoked = tokenOf(await signIn(t.db, user.id));
    await t.db.authSession.update({ where: { tokenHash: sha256(revoked) }, data: { revokedAt: clock.now() } });
    expect(await viewerFromSessionToken(t.app.deps, revoked)).toBeNull();

    const expired = tokenOf(await signIn(t.db, user.id));
    await t.db.authSession.update({ where: { tokenHash: sha256(expired) }, data: { expiresAt: new Date(clock.now().getTime() - 1000) } });
    expect(await viewerFromSessionToken(t.app.deps, expired)).toBeNull();

    const idle = tokenOf(await signIn(t.db, user.id));
    const idleLimit = t.app.deps.config.SESSION_IDLE_HOURS * hours(1);
    await t.db.authSession.update({ where: { tokenHash: sha256(idle) }, data: { lastSeenAt: new Date(clock.now().getTime() - idleLimit - 1000), expiresAt: new Date(clock.now().getTime() + days(30)) } });
    expect(await viewerFromSessionToken(t.app.deps, idle)).toBeNull();
  });

  it('writes lastSeenAt only when it is older than a few minutes', async () => {
    const user = await createUser(t.db);
    const token = tokenOf(user.cookie);
    const lastSeen = async () => (await t.db.authSession.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).lastSeenAt.getTime();
    const before = await lastSeen();
    await viewerFromSessionToken(t.app.deps, token);
    expect(await lastSeen()).toBe(before);
    clock.advance(hours(1));
    expect(await viewerFromSessionToken(t.app.deps, token)).not.toBeNull();
    expect(await lastSeen()).toBe(clock.now().getTime());
    clock.set(new Date());
  });
});
