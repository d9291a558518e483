import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, type TestApp } from '../test-support/harness.js';
import { createApiToken, createWorld, type World } from '../test-support/fixtures.js';
import { createLiveSession } from '../test-support/domain-fixtures.js';
import { Feed, closeOf, listen, wsClient } from '../test-support/live-clients.js';
import { maxSubscriptionsPerConnection } from './websocket.js';

const NOTIFICATIONS = 'subscription { notifications { unreadCount version } }';
const SESSION = 'subscription ($id: ID!) { session(sessionId: $id) { status version } }';

/** What the server answers to a bare upgrade request from this Origin. */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { origin });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('the WebSocket endpoint', () => {
  let t: TestApp;
  let world: World;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { ALLOWED_ORIGINS: 'https://app.yishi.example' } });
    world = await createWorld(t.db, { isPublic: false });
    url = await listen(t.app);
  });
  afterAll(() => t.close());

  it('refuses the upgrade from a page of another origin, and lets our own and listed origins in', async () => {
    expect(await upgradeStatus(url, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(url, new URL(url.replace('ws:', 'http:')).origin)).toBe(101);
    expect(await upgradeStatus(url, 'https://app.yishi.example')).toBe(101);

    // A real client from the bad origin never gets to subscribe.
    const client = wsClient(url, world.resident, { origin: 'https://evil.example' });
    const feed = new Feed(client, NOTIFICATIONS);
    await feed.ended();
    expect(feed.data).toEqual([]);
    await client.dispose();
  });

  it(`serves ${maxSubscriptionsPerConnection} subscriptions on a connection and closes it with 4429 at the next`, async () => {
    const client = wsClient(url, world.resident);
    const closed = closeOf(client);
    const feeds = Array.from({ length: maxSubscriptionsPerConnection }, () => new Feed(client, NOTIFICATIONS));
    await Promise.all(feeds.map((feed) => feed.until(() => true)));
    const onceTooMany = new Feed(client, NOTIFICATIONS);
    expect((await closed).code).toBe(4429);
    await onceTooMany.ended();
    expect(onceTooMany.data).toEqual([]);
    await client.dispose();

    // Subscriptions that ended free their place.
    const next = wsClient(url, world.resident);
    for (let round = 0; round < 2; round++) {
      const batch = Array.from({ length: maxSubscriptionsPerConnection }, () => new Feed(next, NOTIFICATIONS));
      await Promise.all(batch.map((feed) => feed.until(() => true)));
      for (const feed of batch) feed.stop();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const last = new Feed(next, NOTIFICATIONS);
    await last.until(() => true);
    await next.dispose();
  });

  it('checks rights at each subscribe: a member suspended since connecting, or an outsider, is refused', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    const id = encodeGlobalID('LiveSession', session.id);
    const member = wsClient(url, world.resident2);
    await new Feed(member, SESSION, { id }).until((data) => (data as { session: { status: string } }).session.status === 'LIVE');
    await t.db.membership.updateMany({ where: { userId: world.resident2.id }, data: { status: 'SUSPENDED' } });
    try {
      const refused = await new Feed(member, SESSION, { id }).ended();
      expect(refused.errorCodes).toEqual(['FORBIDDEN']);
      expect(refused.data).toEqual([]);
    } finally {
      await t.db.membership.updateMany({ where: { userId: world.resident2.id }, data: { status: 'ACTIVE' } });
    }
    await member.dispose();

    const outsider = wsClient(url, world.outsider);
    const refused = await new Feed(outsider, SESSION, { id }).ended();
    expect(refused.data).toEqual([]);
    expect(refused.errorCodes).toEqual(['FORBIDDEN']);
    await outsider.dispose();
  });

  it('lets a token with the SESSIONS scope follow its community sessions, and no other token', async () => {
    const session = await createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id], status: 'LIVE' });
    const id = encodeGlobalID('LiveSession', session.id);
    const sessions = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['SESSIONS'] });
    const board = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
    const allowed = wsClient(url, { token: sessions });
    expect(await new Feed(allowed, SESSION, { id }).until(() => true)).toEqual({ session: { status: 'LIVE', version: session.version } });
    const refused = wsClient(url, { token: board });
    expect((await new Feed(refused, SESSION, { id }).ended()).errorCodes).toEqual(['FORBIDDEN']);
    await Promise.all([allowed.dispose(), refused.dispose()]);
  });

  it('refuses a connection whose token is bad at connection_init', async () => {
    const client = wsClient(url, { token: 'ysk_not-a-real-token' });
    const closed = closeOf(client);
    expect((await closed).code).toBe(4403);
    await client.dispose();
  });
});

describe('closing the server', () => {
  it('closes every socket with 1001 Going Away', async () => {
    const t = await createTestApp();
    const world = await createWorld(t.db);
    const client = wsClient(await listen(t.app), world.resident);
    const feed = new Feed(client, NOTIFICATIONS);
    await feed.until(() => true);
    const closed = closeOf(client);
    await t.close();
    expect((await closed).code).toBe(1001);
    await client.dispose();
  });
});
