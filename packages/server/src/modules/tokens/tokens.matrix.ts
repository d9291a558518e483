import { encodeGlobalID } from '@pothos/plugin-relay';
import { createApiToken } from '../../test-support/fixtures.js';
import { admins, type MatrixEntry } from '../../test-support/matrix.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Mutation.createApiToken',
    expect: admins,
    operation: async ({ world }) => ({
      query: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename } }',
      variables: { input: { communityId: encodeGlobalID('Community', world.community.id), name: 'Dashboard', scopes: ['BOARD'] } },
    }),
  },
  {
    field: 'Mutation.revokeApiToken',
    expect: admins,
    operation: async ({ t, world }) => {
      await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD'] });
      const token = await t.db.apiToken.findFirstOrThrow({ where: { communityId: world.community.id }, orderBy: { id: 'desc' } });
      return {
        query: 'mutation ($id: ID!) { revokeApiToken(tokenId: $id) { __typename } }',
        variables: { id: encodeGlobalID('ApiToken', token.id) },
      };
    },
  },
];
