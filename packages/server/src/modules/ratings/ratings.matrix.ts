import { encodeGlobalID } from '@pothos/plugin-relay';
import { members, type MatrixEntry } from '../../test-support/matrix.js';
import { createActionFixture, createDecidedConcern, openRatingWindowFixture } from '../../test-support/loop-fixtures.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Mutation.rateAction',
    // Every caller took part (the outsider's second is planted straight in the database): only
    // membership and participation decide, so members rate and the rest are refused.
    expect: members,
    operation: async ({ t, world }) => {
      const scene = await createDecidedConcern(t.db, {
        community: world.community,
        reporterId: world.resident.id,
        chairId: world.cadre.id,
        seconderIds: [world.outsider.id],
        voterIds: [world.cadre.id, world.admin.id],
      });
      const action = await createActionFixture(t.db, { decided: scene, status: 'DONE' });
      await openRatingWindowFixture(t.db, action.id);
      return {
        query: 'mutation ($id: ID!) { rateAction(actionId: $id, value: SATISFIED, comment: "灯亮了") { __typename } }',
        variables: { id: encodeGlobalID('Action', action.id) },
      };
    },
  },
];
