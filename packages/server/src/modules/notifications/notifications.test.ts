import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import type { NotificationSnapshot } from '../../events/topics.js';

const FEED = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  me {
    unreadNotificationCount
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { node { id kind params subject read community { slug } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const MARK = `mutation ($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    __typename
    ... on MarkNotificationsReadSuccess { data { unreadNotificationCount } }
    ... on ValidationError { issues { path } }
    ... on ForbiddenError { reason }
  }
}`;

type Feed = { me: { unreadNotificationCount: number; notifications: { edges: { node: { id: string; kind: string; params: { n: number }; read: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };

describe('notification feed', () => {
  let t: TestApp;
  let world: World;
  let reader: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    reader = await createUser(t.db, { communityId: world.community.id });
    const rows = [1, 2, 3, 4, 5].map((n) => ({
      userId: reader.id,
      communityId: world.community.id,
      kind: 'ACTION_PROGRESS',
      params: { n },
      subject: `concern:${n}`,
      createdAt: new Date(Date.UTC(2026, 10, n)),
    }));
    await t.db.notification.createMany({ data: [...rows, { ...rows[0]!, userId: world.resident.id, params: { n: 99 } }] });
  });
  afterAll(() => t.close());

  const feed = async (variables: Record<string, unknown> = {}, as: TestUser = reader) => {
    const result = await t.gql<Feed>(FEED, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!.me;
  };

  it('pages through the viewer’s own notifications, newest first, with the unread count', async () => {
    const first = await feed({ first: 2 });
    expect(first.unreadNotificationCount).toBe(5);
    expect(first.notifications.edges.map((e) => e.node.params.n)).toEqual([5, 4]);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const rest = await feed({ first: 10, after: first.notifications.pageInfo.endCursor });
    expect(rest.notifications.edges.map((e) => e.node.params.n)).toEqual([3, 2, 1]);
    expect(rest.notifications.edges[0]!.node).toMatchObject({ kind: 'ACTION_PROGRESS', subject: 'concern:3', read: false, community: { slug: world.community.slug } });
    expect((await t.gql(FEED, {})).data).toEqual({ me: null });
  });

  it('marks chosen notifications read, ignores others’ ids, and publishes the new count', async () => {
    const { notifications } = await feed({ first: 10 });
    const others = await t.db.notification.findFirstOrThrow({ where: { userId: world.resident.id } });
    const events: NotificationSnapshot[] = [];
    const subscription = t.app.deps.pubsub.subscribe('notifications', reader.id)[Symbol.asyncIterator]();
    const next = subscription.next().then((event) => events.push(event.value as NotificationSnapshot));

    const ids = [notifications.edges[0]!.node.id, notifications.edges[1]!.node.id, encodeGlobalID('Notification', others.id)];
    const marked = await t.gql(MARK, { input: { ids } }, reader);
    expect(marked.data).toEqual({ markNotificationsRead: { __typename: 'MarkNotificationsReadSuccess', data: { unreadNotificationCount: 3 } } });
    await next;
    await subscription.return?.();
    expect(events).toEqual([expect.objectContaining({ userId: reader.id, unreadCount: 3 })]);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: others.id } })).readAt).toBeNull();

    const unread = await feed({ first: 10, unreadOnly: true });
    expect(unread.notifications.edges.map((e) => e.node.params.n)).toEqual([3, 2, 1]);
    const all = await t.gql(MARK, { input: { all: true } }, reader);
    expect(all.data).toEqual({ markNotificationsRead: { __typename: 'MarkNotificationsReadSuccess', data: { unreadNotificationCount: 0 } } });
    expect((await feed({ first: 10 })).notifications.edges.every((e) => e.node.read)).toBe(true);
  });

  it('refuses anonymous callers and asks for either ids or all', async () => {
    expect((await t.gql(MARK, { input: { all: true } })).data).toEqual({ markNotificationsRead: { __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' } });
    for (const input of [{}, { all: true, ids: [encodeGlobalID('Notification', 1)] }, { ids: [] }]) {
      const result = await t.gql(MARK, { input }, reader);
      expect(result.data).toMatchObject({ markNotificationsRead: { __typename: 'ValidationError', issues: [{ path: ['input', 'ids'] }] } });
    }
  });
});
