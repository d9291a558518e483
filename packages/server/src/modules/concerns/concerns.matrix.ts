import { encodeGlobalID } from '@pothos/plugin-relay';
import { members, type MatrixEntry } from '../../test-support/matrix.js';
import { createConcern } from '../../test-support/domain-fixtures.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.concern',
    expect: members,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
      return { query: 'query ($id: ID!) { concern(id: $id) { title } }', variables: { id: encodeGlobalID('Concern', concern.id) } };
    },
  },
];
