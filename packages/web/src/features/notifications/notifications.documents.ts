import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    me {
      unreadNotificationCount
    }
  }
`);

/** The bell's live count: a snapshot whenever it changes. */
export const NotificationsSubscription = graphql(`
  subscription NotificationBell {
    notifications {
      unreadCount
      latestId
      version
    }
  }
`);

export const NotificationsPageQuery = graphql(`
  query NotificationsPage($after: String) {
    me {
      unreadNotificationCount
      notifications(first: 20, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            params
            read
            createdAt
            subject
            community {
              id
              slug
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(
  `
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
      markNotificationsRead(input: $input) {
        __typename
        ... on MarkNotificationsReadSuccess {
          data {
            unreadNotificationCount
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);
