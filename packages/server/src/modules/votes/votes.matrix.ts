import { encodeGlobalID } from '@pothos/plugin-relay';
import { cadres, members, type MatrixContext, type MatrixEntry } from '../../test-support/matrix.js';
import { deliberationScene, votingScene } from '../../test-support/deliberation-fixtures.js';

/** A fresh concern in VOTING with one active proposal and an open window, for each caller. */
const voting = ({ t, world }: MatrixContext) =>
  votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.decision',
    expect: members,
    operation: async (ctx) => {
      const { concern, window } = await voting(ctx);
      const decision = await ctx.t.db.decision.create({
        data: {
          concernId: concern.id,
          windowId: window.id,
          chairId: ctx.world.cadre.id,
          quorumMet: false,
          eligibleCount: window.eligibleCount,
          quorumCount: window.quorumCount,
          voterCount: 0,
          thresholdPercent: 50,
          tally: [],
        },
      });
      return { query: 'query ($id: ID!) { decision(id: $id) { quorumMet chairName } }', variables: { id: encodeGlobalID('Decision', decision.id) } };
    },
  },
  {
    field: 'Mutation.openVotingWindow',
    expect: cadres,
    operation: async ({ t, world }) => {
      const { concern } = await deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId: world.resident.id });
      return {
        query: 'mutation ($id: ID!) { openVotingWindow(concernId: $id, rules: { talliesHidden: true }) { __typename } }',
        variables: { id: encodeGlobalID('Concern', concern.id) },
      };
    },
  },
  {
    field: 'Mutation.closeVotingWindow',
    expect: cadres,
    operation: async (ctx) => {
      const { window } = await voting(ctx);
      return { query: 'mutation ($id: ID!) { closeVotingWindow(windowId: $id) { __typename } }', variables: { id: encodeGlobalID('VotingWindow', window.id) } };
    },
  },
  {
    field: 'Mutation.castVote',
    expect: members,
    operation: async (ctx) => {
      const { proposals } = await voting(ctx);
      return {
        query: 'mutation ($id: ID!) { castVote(proposalId: $id, choice: SUPPORT) { __typename } }',
        variables: { id: encodeGlobalID('Proposal', proposals[0]!.id) },
      };
    },
  },
  {
    field: 'Mutation.retractVote',
    expect: members,
    operation: async (ctx) => {
      const { proposals, window } = await voting(ctx);
      const voterId = ctx.kind === 'anonymous' || ctx.kind === 'outsider' ? ctx.world.resident.id : ctx.world[ctx.kind].id;
      await ctx.t.db.vote.create({ data: { windowId: window.id, proposalId: proposals[0]!.id, voterId, choice: 'OPPOSE' } });
      return { query: 'mutation ($id: ID!) { retractVote(proposalId: $id) { __typename } }', variables: { id: encodeGlobalID('Proposal', proposals[0]!.id) } };
    },
  },
  {
    field: 'Subscription.tally',
    expect: members,
    operation: async (ctx) => {
      const { window } = await voting(ctx);
      return {
        query: 'subscription ($id: ID!) { tally(windowId: $id) { version voterCount lines { support } } }',
        variables: { id: encodeGlobalID('VotingWindow', window.id) },
      };
    },
  },
];
