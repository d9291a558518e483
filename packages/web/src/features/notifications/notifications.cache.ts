// The bell's count lives on Me (keyed once per session, see shared/api/client.ts): the live snapshot
// and "mark read" both write it there, and every screen showing it follows.
import type { FeatureCacheConfig } from '../../shared/api/cache-config.ts';
import { graphql } from '../../shared/api/graphql.ts';
import { NotificationsPageQuery } from './notifications.documents.ts';

const UnreadCount = graphql(`
  fragment UnreadCount on Me {
    unreadNotificationCount
  }
`);

const NotificationRead = graphql(`
  fragment NotificationRead on Notification {
    id
    read
  }
`);

export const notificationsCache: FeatureCacheConfig = {
  updates: {
    Subscription: {
      notifications(result, _args, cache) {
        const snapshot = result.notifications as { unreadCount?: number } | null;
        if (typeof snapshot?.unreadCount !== 'number') return;
        cache.writeFragment(UnreadCount, { __typename: 'Me', unreadNotificationCount: snapshot.unreadCount } as never);
      },
    },
    Mutation: {
      markNotificationsRead(result, args, cache) {
        const outcome = result.markNotificationsRead as { __typename?: string } | null;
        if (outcome?.__typename !== 'MarkNotificationsReadSuccess') return;
        const input = (args.input ?? {}) as { all?: boolean | null; ids?: string[] | null };
        if (input.all) {
          // Every notification on screen is read now.
          cache.updateQuery({ query: NotificationsPageQuery, variables: { after: null } }, (data) => {
            for (const edge of data?.me?.notifications.edges ?? []) edge.node.read = true;
            return data;
          });
        }
        for (const id of input.ids ?? []) cache.writeFragment(NotificationRead, { __typename: 'Notification', id, read: true } as never);
      },
    },
  },
};
