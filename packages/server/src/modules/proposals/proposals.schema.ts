import { z } from 'zod';
import { offsetForArgs, resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import type { Context } from '../../context.js';
import { ProposalStatus, Stance } from '../../generated/sqlite/enums.js';
import type { Prisma } from '../../db/client.js';
import { readableCommunityWhere } from '../communities/communities.service.js';
import { ConcernRef } from '../concerns/concerns.schema.js';
import { canSeeHiddenText } from './proposals.policy.js';
import {
  addComment,
  createProposal,
  editProposal,
  hideComment,
  hideProposal,
  mergeProposals,
  pinProposal,
  proposalOrder,
  withdrawProposal,
} from './proposals.service.js';

export const ProposalStatusEnum = builder.enumType(ProposalStatus, { name: 'ProposalStatus' });
export const StanceEnum = builder.enumType(Stance, { name: 'Stance' });

/** Moderated text: non-cadres see the public reason in its place. */
const textUnlessHidden = (ctx: Context, communityId: number, hidden: boolean, text: string) =>
  hidden && !canSeeHiddenText(ctx.viewer, communityId) ? null : text;

// A resident's proposed fix for a concern.
export const ProposalRef = builder.prismaNode('Proposal', {
  id: { field: 'id' },
  // The community decides who may read it; it is one hop away, so it is loaded with every proposal.
  include: { concern: { select: { communityId: true } } },
  authScopes: (proposal) => ({ read: { communityId: proposal.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    title: t.string({
      nullable: true,
      description: 'Null when hidden by a moderator (see hiddenReason), except for cadres.',
      resolve: (p, _args, ctx) => textUnlessHidden(ctx, p.concern.communityId, p.status === 'HIDDEN', p.title),
    }),
    body: t.string({
      nullable: true,
      description: 'Null when hidden by a moderator (see hiddenReason), except for cadres.',
      resolve: (p, _args, ctx) => textUnlessHidden(ctx, p.concern.communityId, p.status === 'HIDDEN', p.body),
    }),
    status: t.expose('status', { type: ProposalStatusEnum }),
    hiddenReason: t.exposeString('hiddenReason', { nullable: true, description: "The moderator's public reason for hiding it." }),
    pinned: t.boolean({ resolve: (p) => p.pinnedAt !== null }),
    pinnedAt: t.expose('pinnedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    author: t.relation('author'),
    concern: t.relation('concern'),
    mergedInto: t.relation('mergedInto', { nullable: true }),
    comments: t.relatedConnection('comments', { complexity: connectionComplexity, cursor: 'id', query: { orderBy: { id: 'asc' } }, totalCount: true }),
  }),
});

// A comment with a stance, on a concern or on one of its proposals.
export const CommentRef = builder.prismaNode('Comment', {
  id: { field: 'id' },
  authScopes: (comment) => ({ read: { communityId: comment.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    stance: t.expose('stance', { type: StanceEnum }),
    body: t.string({
      nullable: true,
      description: 'Null when hidden by a moderator (see hiddenReason), except for cadres.',
      resolve: (c, _args, ctx) => textUnlessHidden(ctx, c.communityId, c.hiddenAt !== null, c.body),
    }),
    hidden: t.boolean({ resolve: (c) => c.hiddenAt !== null }),
    hiddenReason: t.exposeString('hiddenReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.relation('author'),
    concern: t.relation('concern', { nullable: true }),
    proposal: t.relation('proposal', { nullable: true }),
  }),
});

const visibleProposals = (includeWithdrawn: boolean): Prisma.ProposalWhereInput =>
  includeWithdrawn ? {} : { status: { not: 'WITHDRAWN' } };
type ProposalRow = Prisma.ProposalGetPayload<{ include: { concern: { select: { communityId: true } } } }>;
const proposalPage = { defaultSize: 20, maxSize: 100 };

builder.prismaObjectFields('Concern', (t) => ({
  // Offset pages: Prisma's cursors cannot page over the nullable pinnedAt this list is ordered by.
  proposals: t.connection({
    complexity: connectionComplexity,
    type: ProposalRef,
    args: { includeWithdrawn: t.arg.boolean({ defaultValue: false }) },
    select: (args, _ctx, nestedSelection) => {
      const { offset, limit } = offsetForArgs({ args, ...proposalPage });
      return {
        proposals: nestedSelection(
          { where: visibleProposals(args.includeWithdrawn ?? false), orderBy: proposalOrder, skip: offset, take: limit },
          ['edges', 'node'],
        ),
      };
    },
    // nestedSelection adds the Proposal type's own include (its community), which the row type cannot see.
    resolve: (concern, args) => resolveOffsetConnection({ args, ...proposalPage }, () => concern.proposals as ProposalRow[]),
  }),
  comments: t.relatedConnection('comments', {
    complexity: connectionComplexity,
    description: 'Comments on the concern itself; comments on a proposal are under the proposal.',
    cursor: 'id',
    query: { where: { proposalId: null }, orderBy: { id: 'asc' } },
    totalCount: true,
  }),
}));

builder.queryField('proposal', (t) =>
  t.prismaField({
    type: 'Proposal',
    nullable: true,
    description: 'A proposal by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: ProposalRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.proposal.findFirst({ ...query, where: { id: Number(id.id), concern: { community: readableCommunityWhere(ctx, 'BOARD') } } }),
  }),
);

const ProposalInput = builder.inputType('ProposalInput', {
  fields: (t) => ({
    title: t.string(),
    body: t.string(),
  }),
  validate: z.object({
    title: z.string().trim().min(1, 'Enter a title').max(80, 'At most 80 characters'),
    body: z.string().trim().min(1, 'Describe the proposal').max(2000, 'At most 2000 characters'),
  }),
});

const AddCommentInput = builder.inputType('AddCommentInput', {
  fields: (t) => ({
    concernId: t.globalID({ for: ConcernRef, required: false, description: 'Set this, or proposalId.' }),
    proposalId: t.globalID({ for: ProposalRef, required: false }),
    stance: t.field({ type: StanceEnum }),
    body: t.string(),
  }),
  // Loose, so the ids and the stance pass through unchanged.
  validate: z
    .looseObject({
      concernId: z.unknown().nullish(),
      proposalId: z.unknown().nullish(),
      body: z.string().trim().min(1, 'Write a comment').max(1000, 'At most 1000 characters'),
    })
    .refine((input) => !input.concernId !== !input.proposalId, {
      path: ['concernId'],
      message: 'Comment on a concern or on a proposal: give exactly one of concernId and proposalId',
    }),
});

const reason = z.string().trim().min(1, 'Give a reason').max(200, 'At most 200 characters');
const trimmed = (input: { title: string; body: string }) => ({ title: input.title.trim(), body: input.body.trim() });

builder.mutationFields((t) => ({
  createProposal: t.prismaField({
    type: 'Proposal',
    errors: {},
    args: { concernId: t.arg.globalID({ for: ConcernRef }), input: t.arg({ type: ProposalInput }) },
    resolve: async (query, _root, { concernId, input }, ctx) => {
      const proposal = await createProposal(ctx, Number(concernId.id), trimmed(input));
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  editProposal: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'The author changes the text, until voting opens on the concern.',
    args: { proposalId: t.arg.globalID({ for: ProposalRef }), input: t.arg({ type: ProposalInput }) },
    resolve: async (query, _root, { proposalId, input }, ctx) => {
      const proposal = await editProposal(ctx, Number(proposalId.id), trimmed(input));
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  withdrawProposal: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'The author takes the proposal back; not once it is on a ballot.',
    args: { proposalId: t.arg.globalID({ for: ProposalRef }) },
    resolve: async (query, _root, { proposalId }, ctx) => {
      const proposal = await withdrawProposal(ctx, Number(proposalId.id));
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  hideProposal: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'A cadre hides a proposal; its text is replaced by the public reason.',
    args: { proposalId: t.arg.globalID({ for: ProposalRef }), reason: t.arg.string({ validate: reason }) },
    resolve: async (query, _root, args, ctx) => {
      const proposal = await hideProposal(ctx, Number(args.proposalId.id), args.reason.trim());
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  mergeProposals: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'A cadre merges a proposal into another of the same concern. Returns the merged one.',
    args: { proposalId: t.arg.globalID({ for: ProposalRef }), intoProposalId: t.arg.globalID({ for: ProposalRef }) },
    resolve: async (query, _root, args, ctx) => {
      const proposal = await mergeProposals(ctx, Number(args.proposalId.id), Number(args.intoProposalId.id));
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  pinProposal: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'A cadre pins a proposal to the top of the list (and of a live session room), or unpins it.',
    args: { proposalId: t.arg.globalID({ for: ProposalRef }), pinned: t.arg.boolean() },
    resolve: async (query, _root, args, ctx) => {
      const proposal = await pinProposal(ctx, Number(args.proposalId.id), args.pinned);
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  addComment: t.prismaField({
    type: 'Comment',
    errors: {},
    args: { input: t.arg({ type: AddCommentInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const comment = await addComment(ctx, {
        concernId: input.concernId ? Number(input.concernId.id) : null,
        proposalId: input.proposalId ? Number(input.proposalId.id) : null,
        stance: input.stance,
        body: input.body.trim(),
      });
      return ctx.db.comment.findUniqueOrThrow({ ...query, where: { id: comment.id } });
    },
  }),
  hideComment: t.prismaField({
    type: 'Comment',
    errors: {},
    description: 'A cadre hides a comment; its text is replaced by the public reason.',
    args: { commentId: t.arg.globalID({ for: CommentRef }), reason: t.arg.string({ validate: reason }) },
    resolve: async (query, _root, args, ctx) => {
      const comment = await hideComment(ctx, Number(args.commentId.id), args.reason.trim());
      return ctx.db.comment.findUniqueOrThrow({ ...query, where: { id: comment.id } });
    },
  }),
}));
