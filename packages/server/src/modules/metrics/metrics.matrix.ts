import { encodeGlobalID } from '@pothos/plugin-relay';
import { members, type MatrixEntry } from '../../test-support/matrix.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.figures',
    // Figures are public for public communities; the world's community is private.
    expect: members,
    operation: async ({ world }) => ({
      query: 'query ($ids: [ID!]!) { figures(communityIds: $ids) { __typename ... on QueryFiguresSuccess { data { totals { reported } } } } }',
      variables: { ids: [encodeGlobalID('Community', world.community.id)] },
    }),
  },
];
