import { encodeGlobalID } from '@pothos/plugin-relay';
import { cadres, members, signedIn, type MatrixEntry } from '../../test-support/matrix.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Subscription.moderationQueue',
    expect: cadres,
    operation: async ({ world }) => ({
      query: 'subscription ($id: ID!) { moderationQueue(communityId: $id) { version pendingConcernIds } }',
      variables: { id: encodeGlobalID('Community', world.community.id) },
    }),
  },
  {
    field: 'Subscription.notifications',
    expect: signedIn,
    operation: async () => ({ query: 'subscription { notifications { version unreadCount } }' }),
  },
  {
    // The world's community is private, so its board is for members; a public one's is for everyone.
    field: 'Subscription.board',
    expect: members,
    operation: async ({ world }) => ({
      query: 'subscription ($id: ID!) { board(communityId: $id) { concernId status } }',
      variables: { id: encodeGlobalID('Community', world.community.id) },
    }),
  },
];
