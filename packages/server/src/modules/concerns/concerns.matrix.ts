import { encodeGlobalID } from '@pothos/plugin-relay';
import { cadres, members, type MatrixEntry } from '../../test-support/matrix.js';
import { createConcern } from '../../test-support/domain-fixtures.js';

const concernId = (id: number) => encodeGlobalID('Concern', id);

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.concern',
    expect: members,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
      return { query: 'query ($id: ID!) { concern(id: $id) { title } }', variables: { id: concernId(concern.id) } };
    },
  },
  {
    field: 'Query.concerns',
    expect: members,
    operation: async ({ t, world }) => {
      await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
      return {
        query: 'query ($id: ID!) { concerns(communityId: $id, first: 5) { edges { node { title } } } }',
        variables: { id: encodeGlobalID('Community', world.community.id) },
      };
    },
    // Those who may not read the board get an empty board, never an error that confirms the community.
    judge: (result) => {
      const edges = (result.data as { concerns?: { edges: unknown[] } } | undefined)?.concerns?.edges ?? [];
      return edges.length > 0 ? 'allowed' : 'refused';
    },
  },
  {
    field: 'Mutation.reportConcern',
    expect: members,
    operation: async ({ world }) => ({
      query: 'mutation ($input: ReportConcernInput!) { reportConcern(input: $input) { __typename } }',
      variables: {
        input: {
          communityId: encodeGlobalID('Community', world.community.id),
          categoryId: encodeGlobalID('Category', world.community.categoryIds.repairs),
          title: '楼道灯坏了',
          body: '2号楼三层楼道灯不亮，晚上看不见台阶。',
          place: '2号楼三层',
        },
      },
    }),
  },
  {
    field: 'Mutation.secondConcern',
    expect: members,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      return { query: 'mutation ($id: ID!) { secondConcern(concernId: $id) { __typename } }', variables: { id: concernId(concern.id) } };
    },
  },
  {
    field: 'Mutation.withdrawSecond',
    expect: members,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      return { query: 'mutation ($id: ID!) { withdrawSecond(concernId: $id) { __typename } }', variables: { id: concernId(concern.id) } };
    },
  },
  {
    field: 'Mutation.acknowledgeConcern',
    expect: cadres,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      return {
        query: 'mutation ($id: ID!) { acknowledgeConcern(concernId: $id, answer: "已收到，周五前派人查看。") { __typename } }',
        variables: { id: concernId(concern.id) },
      };
    },
  },
  {
    field: 'Mutation.declineConcern',
    expect: cadres,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      return {
        query: 'mutation ($id: ID!) { declineConcern(concernId: $id, reason: "这属于物业合同范围，已转物业处理。") { __typename } }',
        variables: { id: concernId(concern.id) },
      };
    },
  },
  {
    field: 'Mutation.mergeConcern',
    expect: cadres,
    operation: async ({ t, world }) => {
      const duplicate = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      const target = await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
      return {
        query: 'mutation ($id: ID!, $into: ID!) { mergeConcern(concernId: $id, intoConcernId: $into) { __typename } }',
        variables: { id: concernId(duplicate.id), into: concernId(target.id) },
      };
    },
  },
  {
    field: 'Mutation.assignConcernOwner',
    expect: cadres,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident2.id });
      const owner = await t.db.membership.findFirstOrThrow({ where: { userId: world.cadre.id, communityId: world.community.id } });
      return {
        query: 'mutation ($id: ID!, $owner: ID) { assignConcernOwner(concernId: $id, ownerMembershipId: $owner) { __typename } }',
        variables: { id: concernId(concern.id), owner: encodeGlobalID('Membership', owner.id) },
      };
    },
  },
];
