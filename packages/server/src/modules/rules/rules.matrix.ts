import { encodeGlobalID } from '@pothos/plugin-relay';
import type { RuleStatus } from '../../generated/sqlite/enums.js';
import { cadres, everyone, members, type MatrixContext, type MatrixEntry } from '../../test-support/matrix.js';
import { createDecidedConcern, createRuleFixture } from '../../test-support/loop-fixtures.js';

const DAY = 86_400_000;
const dates = () => ({ effectiveAt: new Date().toISOString(), reviewAt: new Date(Date.now() + 365 * DAY).toISOString() });

/** A fresh rule of the world's (private) community per caller. */
const rule = ({ t, world }: MatrixContext, status: RuleStatus = 'IN_FORCE') =>
  createRuleFixture(t.db, { communityId: world.community.id, createdById: world.cadre.id, status });

const onRule = (field: string, status: RuleStatus, extra?: { name: string; type: string; value: unknown }): MatrixEntry => ({
  field: `Mutation.${field}`,
  expect: cadres,
  operation: async (ctx) => {
    const created = await rule(ctx, status);
    const declared = extra ? `, $${extra.name}: ${extra.type}` : '';
    const passed = extra ? `, ${extra.name}: $${extra.name}` : '';
    return {
      query: `mutation ($id: ID!${declared}) { ${field}(ruleId: $id${passed}) { __typename } }`,
      variables: { id: encodeGlobalID('Rule', created.id), ...(extra ? { [extra.name]: extra.value } : {}) },
    };
  },
});

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.rule',
    expect: members,
    operation: async (ctx) => {
      const created = await rule(ctx);
      return { query: 'query ($id: ID!) { rule(id: $id) { title versions { version } } }', variables: { id: encodeGlobalID('Rule', created.id) } };
    },
  },
  {
    field: 'Query.practiceLibrary',
    // Open to everyone; what each caller finds in it is tested in rules.test.ts.
    expect: everyone,
    operation: async () => ({ query: '{ practiceLibrary(first: 5) { edges { node { title } } } }' }),
  },
  {
    field: 'Mutation.draftRule',
    expect: cadres,
    operation: async ({ t, world }) => {
      const scene = await createDecidedConcern(t.db, { community: world.community, reporterId: world.resident.id, chairId: world.cadre.id });
      return {
        query: 'mutation ($id: ID!, $input: DraftRuleInput!) { draftRule(decisionId: $id, input: $input) { __typename } }',
        variables: { id: encodeGlobalID('Decision', scene.decisionId), input: { title: '楼道堆物限时清理', body: '杂物须在三日内清理。', ...dates() } },
      };
    },
  },
  onRule('publishRule', 'DRAFT'),
  onRule('amendRule', 'IN_FORCE', {
    name: 'input',
    type: 'AmendRuleInput!',
    value: { title: '楼道堆物限时清理', body: '杂物须在两日内清理。', changeNote: '缩短期限', ...dates() },
  }),
  onRule('retireRule', 'IN_FORCE', { name: 'reason', type: 'String!', value: '已并入公约' }),
  {
    field: 'Mutation.adoptRule',
    expect: cadres,
    operation: async ({ t, world }) => {
      // From the other (public) community's library into the world's community.
      const source = await createRuleFixture(t.db, { communityId: world.otherCommunity.id, createdById: world.outsider.id });
      return {
        query: 'mutation ($id: ID!, $communityId: ID!) { adoptRule(ruleId: $id, communityId: $communityId) { __typename } }',
        variables: { id: encodeGlobalID('Rule', source.id), communityId: encodeGlobalID('Community', world.community.id) },
      };
    },
  },
];
