import { encodeGlobalID } from '@pothos/plugin-relay';
import { admins, everyone, members, type MatrixEntry } from '../../test-support/matrix.js';

let sequence = 0;

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.communities',
    expect: everyone,
    operation: async () => ({ query: '{ communities { slug } }' }),
  },
  {
    field: 'Query.community',
    // The world's community is private: only its members see it.
    expect: members,
    operation: async ({ world }) => ({
      query: 'query ($slug: String!) { community(slug: $slug) { name categories { key echoHours } } }',
      variables: { slug: world.community.slug },
    }),
  },
  {
    field: 'Mutation.updateCommunitySettings',
    expect: admins,
    operation: async ({ world }) => ({
      query: 'mutation ($id: ID!) { updateCommunitySettings(communityId: $id, input: { quorumPercent: 25 }) { __typename } }',
      variables: { id: encodeGlobalID('Community', world.community.id) },
    }),
  },
  {
    field: 'Mutation.saveCategory',
    expect: admins,
    operation: async ({ world }) => ({
      query: 'mutation ($id: ID!, $input: CategoryInput!) { saveCategory(communityId: $id, input: $input) { __typename } }',
      variables: {
        id: encodeGlobalID('Community', world.community.id),
        input: { key: 'toilets', name: '厕所', nameEn: 'Toilets', echoHours: 48 },
      },
    }),
  },
  {
    field: 'Mutation.addGroup',
    expect: admins,
    operation: async ({ world }) => ({
      query: 'mutation ($id: ID!, $input: GroupInput!) { addGroup(communityId: $id, input: $input) { __typename } }',
      variables: {
        id: encodeGlobalID('Community', world.community.id),
        input: { kind: 'BUILDING', name: `${++sequence}号楼`, nameEn: `Building ${sequence}` },
      },
    }),
  },
];
