// Actions: an adopted proposal carried out, with weighted milestones and public progress updates.
// The concern follows its actions: DECIDED -> IN_PROGRESS when one starts, RESOLVED when all are done,
// and then the people who raised it rate the result (ratings.service).
import type { Context } from '../../context.js';
import type { Prisma, Tx } from '../../db/client.js';
import type { ActionStatus, ConcernStatus } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../../errors.js';
import { checkPhotos } from '../../storage/photo-storage.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { moveConcern } from '../concerns/concern-lifecycle.js';
import { concernParticipants } from '../concerns/concern-participants.js';
import { publishBoardChanges } from '../concerns/concerns.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts } from '../notifications/notifications.service.js';
import { openRatingWindow } from '../ratings/ratings.service.js';
import type { DecisionLine } from '../votes/votes.service.js';
import { canCreateAction, canRunAction } from './actions.policy.js';

export const maxPhotosPerUpdate = 9;

/** Concern statuses in which a decision may still be turned into (more) actions. */
const actionableConcern: ConcernStatus[] = ['DECIDED', 'IN_PROGRESS', 'REOPENED'];

/** Done weight over total weight, as a percentage with one decimal (0 when there are no milestones). */
export function progressOf(milestones: readonly { weight: number; doneAt: Date | null }[]): number {
  const total = milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total === 0) return 0;
  const done = milestones.reduce((sum, m) => sum + (m.doneAt ? m.weight : 0), 0);
  return Math.round((done * 1000) / total) / 10;
}

export function isActionOverdue(action: { dueAt: Date; status: ActionStatus }, now: Date): boolean {
  return action.status !== 'DONE' && action.dueAt.getTime() < now.getTime();
}

/** The filters of the community's action list; `overdue` means what isActionOverdue says. */
export function actionListWhere(filter: { status?: ActionStatus[] | null; overdue?: boolean | null }, now: Date): Prisma.ActionWhereInput {
  const overdue: Prisma.ActionWhereInput = { status: { not: 'DONE' }, dueAt: { lt: now } };
  return {
    AND: [
      filter.status?.length ? { status: { in: filter.status } } : {},
      filter.overdue === true ? overdue : filter.overdue === false ? { NOT: overdue } : {},
    ],
  };
}

export interface MilestoneInput {
  title: string;
  weight: number;
}

export interface CreateActionInput {
  title: string;
  ownerMembershipId?: number | null;
  ownerDepartment?: string | null;
  dueAt: Date;
  milestones: MilestoneInput[];
}

const sceneSelect = {
  id: true,
  title: true,
  status: true,
  ownerId: true,
  concern: { select: { id: true, title: true, communityId: true } },
} satisfies Prisma.ActionSelect;

type ActionScene = Prisma.ActionGetPayload<{ select: typeof sceneSelect }>;

/**
 * The action and its community, for a command. Someone who may not even read the board is told it
 * does not exist; a reader who may not run it is refused.
 */
async function actionForCommand(ctx: Context, actionId: number): Promise<ActionScene> {
  const action = await ctx.db.action.findUnique({ where: { id: actionId }, select: sceneSelect });
  if (!action || !(await canRead(ctx, action.concern.communityId, 'BOARD'))) throw new NotFoundError('Action', actionId);
  if (!canRunAction(ctx.viewer, { communityId: action.concern.communityId, ownerId: action.ownerId })) {
    throw new ForbiddenError('CADRE_OR_OWNER_REQUIRED');
  }
  return action;
}

/** What a command leaves to do after its commit. */
interface Outcome {
  notified: number[];
  concernMoved: boolean;
}

async function afterCommit(ctx: Context, concernId: number, outcome: Outcome): Promise<void> {
  await publishUnreadCounts(ctx, outcome.notified);
  if (outcome.concernMoved) await publishBoardChanges(ctx, [concernId]);
}

type ProgressChange = 'created' | 'started' | 'blocked' | 'unblocked' | 'update' | 'done';

/**
 * Tells the concern's reporter, seconders and voters about a change of the action. Milestone ticks are
 * not announced: a busy owner ticks several at once, and the next update or status change carries the
 * progress anyway.
 */
async function notifyProgress(tx: Tx, ctx: Context, action: ActionScene, change: ProgressChange): Promise<number[]> {
  const [participants, milestones] = await Promise.all([
    concernParticipants(tx, action.concern.id),
    tx.milestone.findMany({ where: { actionId: action.id }, select: { weight: true, doneAt: true } }),
  ]);
  return notify(tx, {
    userIds: participants,
    communityId: action.concern.communityId,
    kind: 'ACTION_PROGRESS',
    params: {
      concernId: action.concern.id,
      title: action.concern.title,
      actionId: action.id,
      actionTitle: action.title,
      change,
      progress: progressOf(milestones),
    },
    subject: `concern:${action.concern.id}`,
    exceptUserId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null,
    at: ctx.clock.now(),
  });
}

/** Moves the action from one of `from` to `to`, guarded by its status, with the audit row. */
async function moveAction(
  tx: Tx,
  ctx: Context,
  action: ActionScene,
  from: ActionStatus[],
  to: ActionStatus,
  data: Prisma.ActionUncheckedUpdateManyInput = {},
  reason?: string,
): Promise<ActionStatus> {
  const current = await tx.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true } });
  const moved = await tx.action.updateMany({
    where: { id: action.id, status: { in: from } },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (moved.count === 0) throw new InvalidStateError('Action', current.status, from);
  await recordAudit(tx, ctx.viewer, {
    communityId: action.concern.communityId,
    kind: 'action.status_changed',
    subjectType: 'Action',
    subjectId: action.id,
    concernId: action.concern.id,
    data: { from: current.status, to, ...(reason ? { reason } : {}) },
    at: ctx.clock.now(),
  });
  return current.status;
}

/** A concern waiting for its action moves to IN_PROGRESS when work starts. Returns whether it moved. */
async function concernStartsWork(tx: Tx, concernId: number): Promise<boolean> {
  const concern = await tx.concern.findUniqueOrThrow({ where: { id: concernId }, select: { id: true, status: true } });
  if (concern.status === 'IN_PROGRESS') return false;
  await moveConcern(tx, concern, 'IN_PROGRESS');
  return true;
}

export async function createAction(ctx: Context, decisionId: number, proposalId: number, input: CreateActionInput) {
  const decision = await ctx.db.decision.findUnique({
    where: { id: decisionId },
    select: { id: true, tally: true, concernId: true, concern: { select: { communityId: true } } },
  });
  if (!decision || !(await canRead(ctx, decision.concern.communityId, 'BOARD'))) throw new NotFoundError('Decision', decisionId);
  const communityId = decision.concern.communityId;
  if (!canCreateAction(ctx.viewer, communityId)) throw new ForbiddenError('CADRE_REQUIRED');
  const line = (decision.tally as unknown as DecisionLine[]).find((l) => l.proposalId === proposalId);
  if (!line?.adopted) throw ValidationError.field(['proposalId'], 'Only a proposal this decision adopted becomes an action', 'NOT_ADOPTED');
  const now = ctx.clock.now();
  if (input.dueAt.getTime() <= now.getTime()) throw ValidationError.field(['input', 'dueAt'], 'The due date must be in the future', 'NOT_IN_FUTURE');
  let ownerId: number | null = null;
  if (input.ownerMembershipId) {
    const membership = await ctx.db.membership.findUnique({ where: { id: input.ownerMembershipId } });
    if (!membership || membership.communityId !== communityId || membership.status !== 'ACTIVE') {
      throw ValidationError.field(['input', 'ownerMembershipId'], 'The owner must be an active member of this community', 'UNKNOWN_MEMBER');
    }
    ownerId = membership.userId;
  }

  const { action, outcome } = await ctx.db.$transaction(async (tx) => {
    const concern = await tx.concern.findUniqueOrThrow({ where: { id: decision.concernId }, select: { id: true, status: true, title: true } });
    if (!actionableConcern.includes(concern.status)) throw new InvalidStateError('Concern', concern.status, actionableConcern);
    // After a reopen the community may try the same fix again; otherwise one action per adopted proposal.
    const existing = await tx.action.count({
      where: { decisionId, proposalId, ...(concern.status === 'REOPENED' ? { status: { not: 'DONE' } } : {}) },
    });
    if (existing > 0) throw ValidationError.field(['proposalId'], 'This proposal already has an action', 'TAKEN');
    const created = await tx.action.create({
      data: {
        decisionId,
        concernId: concern.id,
        proposalId,
        title: input.title,
        ownerId,
        ownerDepartment: ownerId ? null : (input.ownerDepartment ?? null),
        dueAt: input.dueAt,
        createdAt: now,
        milestones: { create: input.milestones.map((m, position) => ({ title: m.title, weight: m.weight, position })) },
      },
      select: sceneSelect,
    });
    await recordAudit(tx, ctx.viewer, {
      communityId,
      kind: 'action.created',
      subjectType: 'Action',
      subjectId: created.id,
      concernId: concern.id,
      data: { actionId: created.id, title: input.title, proposalId, dueAt: input.dueAt.toISOString() },
      at: now,
    });
    const notified = await notifyProgress(tx, ctx, created, 'created');
    return { action: created, outcome: { notified, concernMoved: false } };
  });
  await afterCommit(ctx, action.concern.id, outcome);
  return action;
}

export async function startAction(ctx: Context, actionId: number) {
  const action = await actionForCommand(ctx, actionId);
  const outcome = await ctx.db.$transaction(async (tx) => {
    await moveAction(tx, ctx, action, ['PLANNED'], 'IN_PROGRESS', { startedAt: ctx.clock.now() });
    const concernMoved = await concernStartsWork(tx, action.concern.id);
    return { notified: await notifyProgress(tx, ctx, action, 'started'), concernMoved };
  });
  await afterCommit(ctx, action.concern.id, outcome);
  return action;
}

export async function blockAction(ctx: Context, actionId: number, reason: string) {
  const action = await actionForCommand(ctx, actionId);
  const outcome = await ctx.db.$transaction(async (tx) => {
    await moveAction(tx, ctx, action, ['IN_PROGRESS'], 'BLOCKED', { blockedReason: reason }, reason);
    return { notified: await notifyProgress(tx, ctx, action, 'blocked'), concernMoved: false };
  });
  await afterCommit(ctx, action.concern.id, outcome);
  return action;
}

export async function unblockAction(ctx: Context, actionId: number) {
  const action = await actionForCommand(ctx, actionId);
  const outcome = await ctx.db.$transaction(async (tx) => {
    await moveAction(tx, ctx, action, ['BLOCKED'], 'IN_PROGRESS', { blockedReason: null });
    return { notified: await notifyProgress(tx, ctx, action, 'unblocked'), concernMoved: false };
  });
  await afterCommit(ctx, action.concern.id, outcome);
  return action;
}

/**
 * Marks the action done once every milestone is. When it was the concern's last open action, the
 * concern is RESOLVED and the rating window opens; otherwise the participants hear of the progress.
 */
export async function completeAction(ctx: Context, actionId: number) {
  const action = await actionForCommand(ctx, actionId);
  const now = ctx.clock.now();
  const outcome = await ctx.db.$transaction(async (tx): Promise<Outcome> => {
    const open = await tx.milestone.count({ where: { actionId, doneAt: null } });
    const current = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { status: true } });
    if (current.status === 'IN_PROGRESS' && open > 0) {
      throw new InvalidStateError('Milestone', 'OPEN', ['DONE'], 'Every milestone must be done first');
    }
    await moveAction(tx, ctx, action, ['IN_PROGRESS'], 'DONE', { doneAt: now });
    const stillOpen = await tx.action.count({ where: { concernId: action.concern.id, status: { not: 'DONE' } } });
    if (stillOpen > 0) return { notified: await notifyProgress(tx, ctx, action, 'done'), concernMoved: false };
    const concern = await tx.concern.findUniqueOrThrow({ where: { id: action.concern.id }, select: { id: true, status: true } });
    await moveConcern(tx, concern, 'RESOLVED', { resolvedAt: now });
    await recordAudit(tx, ctx.viewer, {
      communityId: action.concern.communityId,
      kind: 'concern.resolved',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: { actionId },
      at: now,
    });
    const notified = await openRatingWindow(tx, {
      actionId,
      concernId: concern.id,
      concernTitle: action.concern.title,
      communityId: action.concern.communityId,
      now,
    });
    return { notified, concernMoved: true };
  });
  await afterCommit(ctx, action.concern.id, outcome);
  return action;
}

async function milestoneForCommand(ctx: Context, milestoneId: number) {
  const milestone = await ctx.db.milestone.findUnique({ where: { id: milestoneId }, select: { id: true, actionId: true } });
  if (!milestone) throw new NotFoundError('Milestone', milestoneId);
  const action = await actionForCommand(ctx, milestone.actionId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('Milestone', milestoneId) : error;
  });
  return { milestone, action };
}

/** Milestones are ticked while the work runs; the tick is on the timeline but not announced. */
export async function setMilestoneDone(ctx: Context, milestoneId: number, done: boolean) {
  const { milestone, action } = await milestoneForCommand(ctx, milestoneId);
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.action.findUniqueOrThrow({ where: { id: action.id }, select: { status: true } });
    if (current.status !== 'IN_PROGRESS') throw new InvalidStateError('Action', current.status, ['IN_PROGRESS']);
    const changed = await tx.milestone.updateMany({
      where: { id: milestone.id, doneAt: done ? null : { not: null } },
      data: done ? { doneAt: now, doneById: viewer.userId } : { doneAt: null, doneById: null },
    });
    if (changed.count === 0) throw new InvalidStateError('Milestone', done ? 'DONE' : 'OPEN', [done ? 'OPEN' : 'DONE']);
    await tx.action.update({ where: { id: action.id }, data: { version: { increment: 1 } } });
    const row = await tx.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    const all = await tx.milestone.findMany({ where: { actionId: action.id }, select: { weight: true, doneAt: true } });
    await recordAudit(tx, ctx.viewer, {
      communityId: action.concern.communityId,
      kind: done ? 'action.milestone_done' : 'action.milestone_reopened',
      subjectType: 'Action',
      subjectId: action.id,
      concernId: action.concern.id,
      data: { milestoneId: row.id, title: row.title, position: row.position, weight: row.weight, progress: progressOf(all) },
      at: now,
    });
  });
  return action;
}

export async function addMilestone(ctx: Context, actionId: number, input: MilestoneInput) {
  const action = await actionForCommand(ctx, actionId);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: { status: true } });
    if (current.status === 'DONE') throw new InvalidStateError('Action', current.status, ['PLANNED', 'IN_PROGRESS', 'BLOCKED']);
    const last = await tx.milestone.aggregate({ where: { actionId }, _max: { position: true } });
    const created = await tx.milestone.create({
      data: { actionId, title: input.title, weight: input.weight, position: (last._max.position ?? -1) + 1 },
    });
    await tx.action.update({ where: { id: actionId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, ctx.viewer, {
      communityId: action.concern.communityId,
      kind: 'action.milestone_added',
      subjectType: 'Action',
      subjectId: actionId,
      concernId: action.concern.id,
      data: { milestoneId: created.id, title: created.title, weight: created.weight },
      at: now,
    });
  });
  return action;
}

export interface ProgressUpdateInput {
  body: string;
  photos?: File[] | null;
}

/** A public progress report with photos. The photos are checked and stored first, and removed again if the write fails. */
export async function postProgressUpdate(ctx: Context, actionId: number, input: ProgressUpdateInput) {
  const action = await actionForCommand(ctx, actionId);
  const viewer = requireUser(ctx.viewer);
  const { photos: checked, issues } = await checkPhotos(ctx, viewer.userId, input.photos ?? [], ['input', 'photos']);
  if (issues.length) throw new ValidationError(issues);
  const stored: { key: string; mimeType: string; byteSize: number }[] = [];
  try {
    for (const photo of checked) {
      stored.push({ key: await ctx.storage.put(photo.bytes, photo.mimeType), mimeType: photo.mimeType, byteSize: photo.bytes.byteLength });
    }
    const now = ctx.clock.now();
    const { update, outcome } = await ctx.db.$transaction(async (tx) => {
      const update = await tx.progressUpdate.create({
        data: {
          actionId,
          authorId: viewer.userId,
          body: input.body,
          createdAt: now,
          photos: {
            create: stored.map((p) => ({ storageKey: p.key, mimeType: p.mimeType, byteSize: p.byteSize, uploadedById: viewer.userId, createdAt: now })),
          },
        },
      });
      await tx.action.update({ where: { id: actionId }, data: { version: { increment: 1 } } });
      await recordAudit(tx, ctx.viewer, {
        communityId: action.concern.communityId,
        kind: 'action.progress_posted',
        subjectType: 'Action',
        subjectId: actionId,
        concernId: action.concern.id,
        data: { updateId: update.id, excerpt: input.body.slice(0, 80), photoCount: stored.length },
        at: now,
      });
      return { update, outcome: { notified: await notifyProgress(tx, ctx, action, 'update'), concernMoved: false } };
    });
    await afterCommit(ctx, action.concern.id, outcome);
    return update;
  } catch (error) {
    await Promise.all(stored.map((p) => ctx.storage.remove(p.key)));
    throw error;
  }
}
