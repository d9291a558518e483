import { encodeGlobalID } from '@pothos/plugin-relay';
import { cadres, members, type MatrixContext, type MatrixEntry } from '../../test-support/matrix.js';
import { createComment, deliberationScene } from '../../test-support/deliberation-fixtures.js';

/** The caller's own user id where they are a member of the world's community, else the resident's. */
function authorFor({ world, kind }: MatrixContext): number {
  return kind === 'resident' || kind === 'cadre' || kind === 'admin' ? world[kind].id : world.resident.id;
}

/** A fresh concern open for deliberation, with proposals by `authorId`, for each caller. */
const scene = ({ t, world }: MatrixContext, authorId: number, proposals = 1) =>
  deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId, proposals });

const proposalId = (id: number) => encodeGlobalID('Proposal', id);

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.proposal',
    expect: members,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, ctx.world.resident.id);
      return { query: 'query ($id: ID!) { proposal(id: $id) { title status } }', variables: { id: proposalId(proposals[0]!.id) } };
    },
  },
  {
    field: 'Mutation.createProposal',
    expect: members,
    operation: async (ctx) => {
      const { concern } = await scene(ctx, ctx.world.resident.id, 0);
      return {
        query: 'mutation ($id: ID!) { createProposal(concernId: $id, input: { title: "错峰停车", body: "晚上开放单位车位" }) { __typename } }',
        variables: { id: encodeGlobalID('Concern', concern.id) },
      };
    },
  },
  {
    field: 'Mutation.editProposal',
    // Each member edits a proposal of their own; the others try the resident's.
    expect: members,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, authorFor(ctx));
      return {
        query: 'mutation ($id: ID!) { editProposal(proposalId: $id, input: { title: "改进版", body: "只在工作日开放" }) { __typename } }',
        variables: { id: proposalId(proposals[0]!.id) },
      };
    },
  },
  {
    field: 'Mutation.withdrawProposal',
    expect: members,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, authorFor(ctx));
      return { query: 'mutation ($id: ID!) { withdrawProposal(proposalId: $id) { __typename } }', variables: { id: proposalId(proposals[0]!.id) } };
    },
  },
  {
    field: 'Mutation.hideProposal',
    expect: cadres,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, ctx.world.resident.id);
      return {
        query: 'mutation ($id: ID!) { hideProposal(proposalId: $id, reason: "含有个人信息") { __typename } }',
        variables: { id: proposalId(proposals[0]!.id) },
      };
    },
  },
  {
    field: 'Mutation.mergeProposals',
    expect: cadres,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, ctx.world.resident.id, 2);
      return {
        query: 'mutation ($id: ID!, $into: ID!) { mergeProposals(proposalId: $id, intoProposalId: $into) { __typename } }',
        variables: { id: proposalId(proposals[1]!.id), into: proposalId(proposals[0]!.id) },
      };
    },
  },
  {
    field: 'Mutation.pinProposal',
    expect: cadres,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, ctx.world.resident.id);
      return { query: 'mutation ($id: ID!) { pinProposal(proposalId: $id, pinned: true) { __typename } }', variables: { id: proposalId(proposals[0]!.id) } };
    },
  },
  {
    field: 'Mutation.addComment',
    expect: members,
    operation: async (ctx) => {
      const { proposals } = await scene(ctx, ctx.world.resident.id);
      return {
        query: 'mutation ($input: AddCommentInput!) { addComment(input: $input) { __typename } }',
        variables: { input: { proposalId: proposalId(proposals[0]!.id), stance: 'QUESTION', body: '周末也开放吗？' } },
      };
    },
  },
  {
    field: 'Mutation.hideComment',
    expect: cadres,
    operation: async (ctx) => {
      const { concern } = await scene(ctx, ctx.world.resident.id, 0);
      const comment = await createComment(ctx.t.db, { community: ctx.world.community, concernId: concern.id, authorId: ctx.world.resident2.id });
      return {
        query: 'mutation ($id: ID!) { hideComment(commentId: $id, reason: "人身攻击") { __typename } }',
        variables: { id: encodeGlobalID('Comment', comment.id) },
      };
    },
  },
];
