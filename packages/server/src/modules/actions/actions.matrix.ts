import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ActionStatus } from '../../generated/sqlite/enums.js';
import { cadres, members, type MatrixContext, type MatrixEntry } from '../../test-support/matrix.js';
import { createActionFixture, createDecidedConcern } from '../../test-support/loop-fixtures.js';

const DAY = 86_400_000;

const decided = ({ t, world }: MatrixContext) =>
  createDecidedConcern(t.db, { community: world.community, reporterId: world.resident.id, chairId: world.cadre.id });

/** A fresh action per caller, so each tries the same step. */
async function action(ctx: MatrixContext, status: ActionStatus, milestones?: { weight: number; done?: boolean }[]) {
  return createActionFixture(ctx.t.db, { decided: await decided(ctx), status, ...(milestones ? { milestones } : {}) });
}

/** A command on a fresh action; `extra` declares one more variable, named like the argument it fills. */
const onAction = (field: string, status: ActionStatus, extra?: { name: string; type: string; value: unknown }): MatrixEntry => ({
  field: `Mutation.${field}`,
  expect: cadres,
  operation: async (ctx) => {
    const created = await action(ctx, status, field === 'completeAction' ? [{ weight: 1, done: true }] : undefined);
    const declared = extra ? `, $${extra.name}: ${extra.type}` : '';
    const passed = extra ? `, ${extra.name}: $${extra.name}` : '';
    return {
      query: `mutation ($id: ID!${declared}) { ${field}(actionId: $id${passed}) { __typename } }`,
      variables: { id: encodeGlobalID('Action', created.id), ...(extra ? { [extra.name]: extra.value } : {}) },
    };
  },
});

const onMilestone = (field: string, done: boolean): MatrixEntry => ({
  field: `Mutation.${field}`,
  expect: cadres,
  operation: async (ctx) => {
    const created = await action(ctx, 'IN_PROGRESS', [{ weight: 1, done }, { weight: 1 }]);
    return {
      query: `mutation ($id: ID!) { ${field}(milestoneId: $id) { __typename } }`,
      variables: { id: encodeGlobalID('Milestone', created.milestones[0]!.id) },
    };
  },
});

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.action',
    expect: members,
    operation: async (ctx) => {
      const created = await action(ctx, 'IN_PROGRESS');
      return { query: 'query ($id: ID!) { action(id: $id) { title progress } }', variables: { id: encodeGlobalID('Action', created.id) } };
    },
  },
  {
    field: 'Mutation.createAction',
    expect: cadres,
    operation: async (ctx) => {
      const scene = await decided(ctx);
      return {
        query: `mutation ($decisionId: ID!, $proposalId: ID!, $input: CreateActionInput!) {
          createAction(decisionId: $decisionId, proposalId: $proposalId, input: $input) { __typename } }`,
        variables: {
          decisionId: encodeGlobalID('Decision', scene.decisionId),
          proposalId: encodeGlobalID('Proposal', scene.adoptedProposalIds[0]!),
          input: {
            title: '修复路灯',
            ownerDepartment: '物业服务中心',
            dueAt: new Date(Date.now() + 7 * DAY).toISOString(),
            milestones: [{ title: '采购', weight: 1 }],
          },
        },
      };
    },
  },
  onAction('startAction', 'PLANNED'),
  onAction('blockAction', 'IN_PROGRESS', { name: 'reason', type: 'String!', value: '等材料' }),
  onAction('unblockAction', 'BLOCKED'),
  onAction('completeAction', 'IN_PROGRESS'),
  onAction('addMilestone', 'IN_PROGRESS', { name: 'input', type: 'MilestoneInput!', value: { title: '验收', weight: 2 } }),
  onAction('postProgressUpdate', 'IN_PROGRESS', { name: 'input', type: 'ProgressUpdateInput!', value: { body: '今天已动工。' } }),
  onMilestone('completeMilestone', false),
  onMilestone('reopenMilestone', true),
];
