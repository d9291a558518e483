import { z } from 'zod';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { ActionStatus } from '../../generated/sqlite/enums.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { readableCommunityWhere } from '../communities/communities.service.js';
import { ConcernRef } from '../concerns/concerns.schema.js';
import { MembershipRef } from '../members/members.schema.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { DecisionRef } from '../votes/votes.schema.js';
import { canRunAction } from './actions.policy.js';
import {
  actionListWhere,
  addMilestone,
  blockAction,
  completeAction,
  createAction,
  isActionOverdue,
  maxPhotosPerUpdate,
  postProgressUpdate,
  progressOf,
  setMilestoneDone,
  startAction,
  unblockAction,
} from './actions.service.js';

export const ActionStatusEnum = builder.enumType(ActionStatus, { name: 'ActionStatus' });

// Actions, milestones and updates are read wherever their concern's board may be read.
const concernCommunity = { concern: { select: { communityId: true } } } as const;

export const ActionRef = builder.prismaNode('Action', {
  id: { field: 'id' },
  include: concernCommunity,
  authScopes: (action) => ({ read: { communityId: action.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    title: t.exposeString('title'),
    status: t.expose('status', { type: ActionStatusEnum }),
    owner: t.relation('owner', { nullable: true, description: 'The member who carries it out, if not a department.' }),
    ownerDepartment: t.exposeString('ownerDepartment', { nullable: true, description: 'A department outside the community.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    blockedReason: t.exposeString('blockedReason', { nullable: true }),
    version: t.exposeInt('version', { description: 'Bumped on every change.' }),
    progress: t.float({
      description: 'Weight of done milestones over all weight, 0–100 with one decimal.',
      select: { milestones: { select: { weight: true, doneAt: true } } },
      resolve: (action) => progressOf(action.milestones),
    }),
    overdue: t.boolean({
      description: 'Past its due date and not done.',
      select: { dueAt: true, status: true },
      resolve: (action, _args, ctx) => isActionOverdue(action, ctx.clock.now()),
    }),
    canRun: t.boolean({
      description: 'Whether the viewer may change this action: a cadre, or its owner.',
      select: { ownerId: true },
      resolve: (action, _args, ctx) => canRunAction(ctx.viewer, { communityId: action.concern.communityId, ownerId: action.ownerId }),
    }),
    concern: t.relation('concern'),
    decision: t.relation('decision', { description: 'The decision that adopted the proposal.' }),
    proposal: t.relation('proposal', { description: 'The adopted proposal it carries out.' }),
    milestones: t.relation('milestones', { query: { orderBy: { position: 'asc' } } }),
    updates: t.relatedConnection('updates', { complexity: connectionComplexity, cursor: 'id', query: { orderBy: { id: 'desc' } } }),
  }),
});

const actionCommunity = { action: { select: { concern: { select: { communityId: true } } } } } as const;

export const MilestoneRef = builder.prismaNode('Milestone', {
  id: { field: 'id' },
  include: actionCommunity,
  authScopes: (milestone) => ({ read: { communityId: milestone.action.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    title: t.exposeString('title'),
    weight: t.exposeInt('weight'),
    position: t.exposeInt('position'),
    done: t.boolean({ select: { doneAt: true }, resolve: (milestone) => milestone.doneAt !== null }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
    doneBy: t.relation('doneBy', { nullable: true }),
  }),
});

export const ProgressUpdateRef = builder.prismaNode('ProgressUpdate', {
  id: { field: 'id' },
  include: actionCommunity,
  authScopes: (update) => ({ read: { communityId: update.action.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.relation('author'),
    action: t.relation('action'),
    photos: t.relation('photos', { description: 'In the order they were sent.', query: { orderBy: { id: 'asc' } } }),
  }),
});

builder.prismaObjectField(ConcernRef, 'actions', (t) =>
  t.relation('actions', { description: 'What is being done about it: one action per adopted proposal.', query: { orderBy: { id: 'asc' } } }),
);

builder.prismaObjectField(DecisionRef, 'actions', (t) =>
  t.relation('actions', { description: 'The actions that carry out what it adopted.', query: { orderBy: { id: 'asc' } } }),
);

// The actions screen: every action of the community, newest first, a page at a time.
builder.prismaObjectField(CommunityRef, 'actions', (t) =>
  t.prismaConnection({
    type: 'Action',
    cursor: 'id',
    description: "The community's actions, newest first.",
    authScopes: (community) => ({ read: { communityId: community.id, area: 'BOARD' } }),
    args: {
      status: t.arg({ type: [ActionStatusEnum], required: false }),
      overdue: t.arg.boolean({ required: false, description: 'Only actions past their due date and not done, or only the others.' }),
    },
    resolve: (query, community, args, ctx) =>
      ctx.db.action.findMany({
        ...query,
        where: { AND: [{ concern: { communityId: community.id } }, actionListWhere(args, ctx.clock.now())] },
        orderBy: { id: 'desc' },
      }),
  }),
);

builder.queryField('action', (t) =>
  t.prismaField({
    type: 'Action',
    nullable: true,
    description: 'An action by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: ActionRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.action.findFirst({ ...query, where: { id: Number(id.id), concern: { community: readableCommunityWhere(ctx, 'BOARD') } } }),
  }),
);

const milestoneTitle = z.string().trim().min(1, 'Enter a title').max(80, 'At most 80 characters');
const milestoneWeight = z.number().int().min(1, 'At least 1').max(100, 'At most 100');

const milestone = z.object({ title: milestoneTitle, weight: milestoneWeight });

// Validated by whoever holds it (createAction's input, addMilestone's argument), so that a form hears
// about every bad field at once.
const MilestoneInput = builder.inputType('MilestoneInput', {
  fields: (t) => ({
    title: t.string(),
    weight: t.int({ defaultValue: 1, description: 'How much of the work this step is, relative to the others.' }),
  }),
});

const CreateActionInput = builder.inputType('CreateActionInput', {
  fields: (t) => ({
    title: t.string(),
    ownerMembershipId: t.globalID({ for: MembershipRef, required: false, description: 'A member who carries it out…' }),
    ownerDepartment: t.string({ required: false, description: '…or a department outside the community.' }),
    dueAt: t.field({ type: 'DateTime' }),
    milestones: t.field({ type: [MilestoneInput] }),
  }),
  // Loose, so the owner's id passes through.
  validate: z
    .looseObject({
      title: z.string().trim().min(1, 'Enter a title').max(80, 'At most 80 characters'),
      ownerMembershipId: z.unknown().optional(),
      ownerDepartment: z.string().trim().min(1, 'Enter the department').max(60, 'At most 60 characters').nullish(),
      milestones: z.array(milestone).min(1, 'At least one milestone').max(20, 'At most 20 milestones'),
    })
    .refine((input) => Boolean(input.ownerMembershipId) !== Boolean(input.ownerDepartment), {
      message: 'Name one owner: a member or a department',
      path: ['ownerMembershipId'],
    }),
});

const ProgressUpdateInput = builder.inputType('ProgressUpdateInput', {
  fields: (t) => ({
    body: t.string(),
    photos: t.field({ type: ['File'], required: false }),
  }),
  validate: z.looseObject({
    body: z.string().trim().min(1, 'Write what happened').max(2000, 'At most 2000 characters'),
    photos: z.array(z.unknown()).max(maxPhotosPerUpdate, `At most ${maxPhotosPerUpdate} photos`).nullish(),
  }),
});

builder.mutationFields((t) => ({
  createAction: t.prismaField({
    type: 'Action',
    errors: {},
    description: 'Turns a proposal the decision adopted into an action (cadres).',
    args: {
      decisionId: t.arg.globalID({ for: DecisionRef }),
      proposalId: t.arg.globalID({ for: ProposalRef }),
      input: t.arg({ type: CreateActionInput }),
    },
    resolve: async (query, _root, { decisionId, proposalId, input }, ctx) => {
      const action = await createAction(ctx, Number(decisionId.id), Number(proposalId.id), {
        ...input,
        ownerMembershipId: input.ownerMembershipId ? Number(input.ownerMembershipId.id) : null,
      });
      return ctx.db.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
    },
  }),
  startAction: t.prismaField({
    type: 'Action',
    errors: {},
    args: { actionId: t.arg.globalID({ for: ActionRef }) },
    resolve: async (query, _root, { actionId }, ctx) => ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await startAction(ctx, Number(actionId.id))).id } }),
  }),
  blockAction: t.prismaField({
    type: 'Action',
    errors: {},
    args: {
      actionId: t.arg.globalID({ for: ActionRef }),
      reason: t.arg.string({ validate: z.string().trim().min(1, 'Say what blocks it').max(500, 'At most 500 characters') }),
    },
    resolve: async (query, _root, { actionId, reason }, ctx) =>
      ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await blockAction(ctx, Number(actionId.id), reason.trim())).id } }),
  }),
  unblockAction: t.prismaField({
    type: 'Action',
    errors: {},
    args: { actionId: t.arg.globalID({ for: ActionRef }) },
    resolve: async (query, _root, { actionId }, ctx) => ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await unblockAction(ctx, Number(actionId.id))).id } }),
  }),
  completeMilestone: t.prismaField({
    type: 'Action',
    errors: {},
    args: { milestoneId: t.arg.globalID({ for: MilestoneRef }) },
    resolve: async (query, _root, { milestoneId }, ctx) =>
      ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await setMilestoneDone(ctx, Number(milestoneId.id), true)).id } }),
  }),
  reopenMilestone: t.prismaField({
    type: 'Action',
    errors: {},
    args: { milestoneId: t.arg.globalID({ for: MilestoneRef }) },
    resolve: async (query, _root, { milestoneId }, ctx) =>
      ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await setMilestoneDone(ctx, Number(milestoneId.id), false)).id } }),
  }),
  addMilestone: t.prismaField({
    type: 'Action',
    errors: {},
    args: { actionId: t.arg.globalID({ for: ActionRef }), input: t.arg({ type: MilestoneInput, validate: milestone }) },
    resolve: async (query, _root, { actionId, input }, ctx) =>
      ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await addMilestone(ctx, Number(actionId.id), { title: input.title.trim(), weight: input.weight })).id } }),
  }),
  postProgressUpdate: t.prismaField({
    type: 'ProgressUpdate',
    errors: {},
    description: 'A public progress report, with up to 9 photos (multipart request).',
    args: { actionId: t.arg.globalID({ for: ActionRef }), input: t.arg({ type: ProgressUpdateInput }) },
    resolve: async (query, _root, { actionId, input }, ctx) => {
      const update = await postProgressUpdate(ctx, Number(actionId.id), { body: input.body.trim(), photos: input.photos });
      return ctx.db.progressUpdate.findUniqueOrThrow({ ...query, where: { id: update.id } });
    },
  }),
  completeAction: t.prismaField({
    type: 'Action',
    errors: {},
    description: "Marks the action done; the concern's last one resolves the concern and opens the rating window.",
    args: { actionId: t.arg.globalID({ for: ActionRef }) },
    resolve: async (query, _root, { actionId }, ctx) => ctx.db.action.findUniqueOrThrow({ ...query, where: { id: (await completeAction(ctx, Number(actionId.id))).id } }),
  }),
}));
