// Deliberation: residents propose fixes and comment with a stance; cadres hide, merge and pin.
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/client.js';
import type { ConcernStatus, Stance } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { requireUser } from '../identity/identity.policy.js';
import { openForProposals } from '../concerns/concern-lifecycle.js';
import { bumpConcernVersion, publishBoardChange } from '../concerns/concerns.service.js';
import { isMutedForConcern } from '../sessions/session-mutes.js';
import { scheduleTallyPublish } from '../votes/votes.service.js';
import {
  acceptsComments,
  acceptsProposals,
  canComment,
  canEditProposal,
  canModerate,
  canPropose,
  hideableStatuses,
  isAuthor,
  proposalAcceptsComments,
} from './proposals.policy.js';

/** How a concern's proposals are listed, on the board, in the room and on the ballot: pinned first (the chair's choice), then in the order they were made. */
export const proposalOrder: Prisma.ProposalOrderByWithRelationInput[] = [
  { pinnedAt: { sort: 'asc', nulls: 'last' } },
  { createdAt: 'asc' },
  { id: 'asc' },
];

export interface ProposalInput {
  title: string;
  body: string;
}

export interface CommentInput {
  concernId?: number | null;
  proposalId?: number | null;
  stance: Stance;
  body: string;
}

/** A concern the viewer may see. Outsiders of a private community learn nothing, not even that it exists. */
async function readableConcern(ctx: Context, concernId: number) {
  const concern = await ctx.db.concern.findUnique({ where: { id: concernId }, select: { id: true, communityId: true, status: true } });
  if (!concern || !(await canRead(ctx, concern.communityId, 'BOARD'))) throw new NotFoundError('Concern', concernId);
  return concern;
}

async function readableProposal(ctx: Context, proposalId: number) {
  const proposal = await ctx.db.proposal.findUnique({
    where: { id: proposalId },
    include: { concern: { select: { id: true, communityId: true, status: true } } },
  });
  if (!proposal || !(await canRead(ctx, proposal.concern.communityId, 'BOARD'))) throw new NotFoundError('Proposal', proposalId);
  return proposal;
}

function refuseUnlessModerator(ctx: Context, communityId: number): void {
  requireUser(ctx.viewer);
  if (!canModerate(ctx.viewer, communityId)) throw new ForbiddenError('CADRE_REQUIRED');
}

function refuseUnlessMember(ctx: Context, communityId: number, allowed: (viewer: Context['viewer'], id: number) => boolean): void {
  requireUser(ctx.viewer);
  if (!allowed(ctx.viewer, communityId)) throw new ForbiddenError('NOT_A_MEMBER');
}

const openStatuses = openForProposals.filter(acceptsProposals);

export async function createProposal(ctx: Context, concernId: number, input: ProposalInput) {
  const concern = await readableConcern(ctx, concernId);
  refuseUnlessMember(ctx, concern.communityId, canPropose);
  const viewer = requireUser(ctx.viewer);
  if (await isMutedForConcern(ctx.db, concernId, viewer.userId)) {
    throw new ForbiddenError('MUTED', 'The chair has muted you in the session that takes this concern up');
  }
  if (!acceptsProposals(concern.status)) throw new InvalidStateError('Concern', concern.status, openStatuses);
  const { proposal, change } = await ctx.db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: { concernId, authorId: viewer.userId, title: input.title, body: input.body, createdAt: ctx.clock.now() },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId: concern.communityId,
      kind: 'proposal.created',
      subjectType: 'Proposal',
      subjectId: proposal.id,
      concernId,
      data: { title: input.title },
      at: ctx.clock.now(),
    });
    // Guards against voting having opened since the concern was read.
    const change = await bumpConcernVersion(tx, concernId);
    if (!acceptsProposals(change.status)) throw new InvalidStateError('Concern', change.status, openStatuses);
    return { proposal, change };
  });
  publishBoardChange(ctx, change);
  return proposal;
}

export async function editProposal(ctx: Context, proposalId: number, input: ProposalInput) {
  const proposal = await readableProposal(ctx, proposalId);
  const { concern } = proposal;
  if (!canEditProposal(ctx.viewer, proposal, concern.communityId)) {
    requireUser(ctx.viewer);
    throw new ForbiddenError('AUTHOR_REQUIRED', 'Only the author may edit a proposal');
  }
  if (proposal.status !== 'ACTIVE') throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE']);
  if (!acceptsProposals(concern.status)) throw new InvalidStateError('Concern', concern.status, openStatuses);
  const { updated, change } = await ctx.db.$transaction(async (tx) => {
    const result = await tx.proposal.updateMany({
      where: { id: proposalId, status: 'ACTIVE' },
      data: { title: input.title, body: input.body, updatedAt: ctx.clock.now() },
    });
    if (result.count === 0) throw new InvalidStateError('Proposal', 'CHANGED');
    await recordAudit(tx, ctx.viewer, {
      communityId: concern.communityId,
      kind: 'proposal.edited',
      subjectType: 'Proposal',
      subjectId: proposalId,
      concernId: concern.id,
      data: { title: input.title },
      at: ctx.clock.now(),
    });
    const change = await bumpConcernVersion(tx, concern.id);
    if (!acceptsProposals(change.status)) throw new InvalidStateError('Concern', change.status, openStatuses);
    return { updated: await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } }), change };
  });
  publishBoardChange(ctx, change);
  return updated;
}

export async function withdrawProposal(ctx: Context, proposalId: number) {
  const proposal = await readableProposal(ctx, proposalId);
  const { concern } = proposal;
  if (!isAuthor(ctx.viewer, proposal)) {
    requireUser(ctx.viewer);
    throw new ForbiddenError('AUTHOR_REQUIRED', 'Only the author may withdraw a proposal');
  }
  if (proposal.status !== 'ACTIVE') throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE']);
  // Once it is on a ballot, it stays there: voters have chosen on it.
  if (concern.status === 'VOTING') throw new InvalidStateError('Concern', concern.status);
  return changeProposal(ctx, proposal, 'proposal.withdrawn', { status: 'WITHDRAWN' }, {}, (status) => status !== 'VOTING');
}

export async function hideProposal(ctx: Context, proposalId: number, reason: string) {
  const proposal = await readableProposal(ctx, proposalId);
  refuseUnlessModerator(ctx, proposal.concern.communityId);
  const viewer = requireUser(ctx.viewer);
  if (!hideableStatuses.includes(proposal.status)) throw new InvalidStateError('Proposal', proposal.status, [...hideableStatuses]);
  const hidden = await changeProposal(ctx, proposal, 'proposal.hidden', { status: 'HIDDEN', hiddenReason: reason, hiddenById: viewer.userId, pinnedAt: null }, { reason });
  // Hiding during a vote takes the proposal off the ballot: the running tally loses its line.
  if (proposal.concern.status === 'VOTING') {
    const window = await ctx.db.votingWindow.findFirst({ where: { concernId: proposal.concern.id, status: 'OPEN' }, select: { id: true } });
    if (window) scheduleTallyPublish(ctx, window.id);
  }
  return hidden;
}

export async function mergeProposals(ctx: Context, proposalId: number, intoProposalId: number) {
  const proposal = await readableProposal(ctx, proposalId);
  refuseUnlessModerator(ctx, proposal.concern.communityId);
  if (proposalId === intoProposalId) throw ValidationError.field('intoProposalId', 'A proposal cannot be merged into itself', 'SAME_PROPOSAL');
  const into = await ctx.db.proposal.findUnique({ where: { id: intoProposalId }, select: { concernId: true, status: true } });
  if (!into || into.concernId !== proposal.concernId) {
    throw ValidationError.field('intoProposalId', 'Proposals can only be merged within one concern', 'OTHER_CONCERN');
  }
  if (proposal.status !== 'ACTIVE') throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE']);
  if (into.status !== 'ACTIVE') throw new InvalidStateError('Proposal', into.status, ['ACTIVE']);
  // The ballot is fixed while the vote runs.
  if (proposal.concern.status === 'VOTING') throw new InvalidStateError('Concern', 'VOTING');
  return changeProposal(
    ctx,
    proposal,
    'proposal.merged',
    { status: 'MERGED', mergedIntoId: intoProposalId, pinnedAt: null },
    { intoProposalId },
    (status) => status !== 'VOTING',
  );
}

export async function pinProposal(ctx: Context, proposalId: number, pinned: boolean) {
  const proposal = await readableProposal(ctx, proposalId);
  refuseUnlessModerator(ctx, proposal.concern.communityId);
  if (proposal.status !== 'ACTIVE') throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE']);
  if ((proposal.pinnedAt !== null) === pinned) return proposal;
  return changeProposal(ctx, proposal, 'proposal.pinned', { pinnedAt: pinned ? ctx.clock.now() : null }, { pinned });
}

/**
 * Applies a moderation or authoring change to a proposal that is still in the status it was read in
 * (so two moderators racing cannot both win), with its audit row and the concern's new version.
 */
async function changeProposal(
  ctx: Context,
  proposal: { id: number; status: string; concern: { id: number; communityId: number } },
  kind: 'proposal.withdrawn' | 'proposal.hidden' | 'proposal.merged' | 'proposal.pinned',
  data: { status?: 'WITHDRAWN' | 'HIDDEN' | 'MERGED'; hiddenReason?: string; hiddenById?: number; mergedIntoId?: number; pinnedAt?: Date | null },
  auditData: Record<string, string | number | boolean>,
  concernAllows: (status: ConcernStatus) => boolean = () => true,
) {
  const { updated, change } = await ctx.db.$transaction(async (tx) => {
    const result = await tx.proposal.updateMany({
      where: { id: proposal.id, status: proposal.status as never },
      data: { ...data, updatedAt: ctx.clock.now() },
    });
    if (result.count === 0) throw new InvalidStateError('Proposal', 'CHANGED');
    await recordAudit(tx, ctx.viewer, {
      communityId: proposal.concern.communityId,
      kind,
      subjectType: 'Proposal',
      subjectId: proposal.id,
      concernId: proposal.concern.id,
      data: auditData,
      at: ctx.clock.now(),
    });
    const change = await bumpConcernVersion(tx, proposal.concern.id);
    if (!concernAllows(change.status)) throw new InvalidStateError('Concern', change.status);
    return { updated: await tx.proposal.findUniqueOrThrow({ where: { id: proposal.id } }), change };
  });
  publishBoardChange(ctx, change);
  return updated;
}

export async function addComment(ctx: Context, input: CommentInput) {
  let concernId: number;
  let proposalId: number | null = null;
  if (input.proposalId) {
    const proposal = await readableProposal(ctx, input.proposalId);
    refuseUnlessMember(ctx, proposal.concern.communityId, canComment);
    if (!proposalAcceptsComments(proposal.status)) throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE', 'ADOPTED', 'REJECTED']);
    concernId = proposal.concern.id;
    proposalId = proposal.id;
  } else {
    concernId = input.concernId!;
  }
  const concern = await readableConcern(ctx, concernId);
  refuseUnlessMember(ctx, concern.communityId, canComment);
  const viewer = requireUser(ctx.viewer);
  if (!acceptsComments(concern.status)) throw new InvalidStateError('Concern', concern.status);
  const { comment, change } = await ctx.db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        communityId: concern.communityId,
        concernId,
        proposalId,
        authorId: viewer.userId,
        stance: input.stance,
        body: input.body,
        createdAt: ctx.clock.now(),
      },
    });
    return { comment, change: await bumpConcernVersion(tx, concernId) };
  });
  publishBoardChange(ctx, change);
  return comment;
}

export async function hideComment(ctx: Context, commentId: number, reason: string) {
  const comment = await ctx.db.comment.findUnique({ where: { id: commentId } });
  if (!comment || !(await canRead(ctx, comment.communityId, 'BOARD'))) throw new NotFoundError('Comment', commentId);
  refuseUnlessModerator(ctx, comment.communityId);
  const viewer = requireUser(ctx.viewer);
  if (comment.hiddenAt) throw new InvalidStateError('Comment', 'HIDDEN');
  const { updated, change } = await ctx.db.$transaction(async (tx) => {
    const result = await tx.comment.updateMany({
      where: { id: commentId, hiddenAt: null },
      data: { hiddenAt: ctx.clock.now(), hiddenReason: reason, hiddenById: viewer.userId },
    });
    if (result.count === 0) throw new InvalidStateError('Comment', 'HIDDEN');
    await recordAudit(tx, ctx.viewer, {
      communityId: comment.communityId,
      kind: 'comment.hidden',
      subjectType: 'Comment',
      subjectId: commentId,
      // Not on the concern's timeline: comment moderation shows in the audit log only.
      data: { reason },
      at: ctx.clock.now(),
    });
    const change = comment.concernId ? await bumpConcernVersion(tx, comment.concernId) : null;
    return { updated: await tx.comment.findUniqueOrThrow({ where: { id: commentId } }), change };
  });
  if (change) publishBoardChange(ctx, change);
  return updated;
}
