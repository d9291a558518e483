// Satisfaction: when a concern's last action is done, the people who raised it say whether it worked.
// A rating window opens with the community's threshold frozen; when it closes (the scheduler, exactly
// once) the concern is CLOSED, or REOPENED when too many were dissatisfied. Individual ratings never
// leave this module: only counts, the viewer's own rating, and anonymous comments for cadres.
import type { AppDeps, Context } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import type { Satisfaction } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, isUniqueViolation } from '../../errors.js';
import { fireOnce, type ScheduledJob } from '../../scheduler/scheduler.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { moveConcern } from '../concerns/concern-lifecycle.js';
import { communityCadreIds, concernParticipants, isConcernParticipant } from '../concerns/concern-participants.js';
import { publishBoardChanges } from '../concerns/concerns.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts } from '../notifications/notifications.service.js';
import { canRate } from './ratings.policy.js';

const DAY = 86_400_000;

export interface RatingSummary {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  total: number;
  /** (satisfied + basically satisfied) / total as a percentage with one decimal; null without ratings. */
  satisfactionPercent: number | null;
}

export async function ratingSummary(db: Db, actionId: number): Promise<RatingSummary> {
  const rows = await db.rating.groupBy({ by: ['value'], where: { actionId }, _count: { _all: true } });
  const count = (value: Satisfaction) => rows.find((row) => row.value === value)?._count._all ?? 0;
  const satisfied = count('SATISFIED');
  const basicallySatisfied = count('BASICALLY_SATISFIED');
  const dissatisfied = count('DISSATISFIED');
  const total = satisfied + basicallySatisfied + dissatisfied;
  return {
    satisfied,
    basicallySatisfied,
    dissatisfied,
    total,
    satisfactionPercent: total ? Math.round(((satisfied + basicallySatisfied) * 1000) / total) / 10 : null,
  };
}

/** The rule that settles a concern: reopen when dissatisfied ratings are more than the frozen share. */
export function isReopenedBy(dissatisfied: number, total: number, dissatisfactionPercent: number): boolean {
  return dissatisfied * 100 > dissatisfactionPercent * total;
}

export function isWindowOpen(window: { closedAt: Date | null; closesAt: Date } | null, now: Date): boolean {
  return window !== null && window.closedAt === null && window.closesAt.getTime() > now.getTime();
}

/**
 * Opens the rating window of the action that finished the concern, inside the caller's transaction,
 * and asks the participants to rate. Returns who was notified.
 */
export async function openRatingWindow(
  tx: Tx,
  input: { actionId: number; concernId: number; concernTitle: string; communityId: number; now: Date },
): Promise<number[]> {
  const community = await tx.community.findUniqueOrThrow({
    where: { id: input.communityId },
    select: { ratingWindowDays: true, dissatisfactionPercent: true },
  });
  const closesAt = new Date(input.now.getTime() + community.ratingWindowDays * DAY);
  const window = await tx.ratingWindow.create({
    data: { actionId: input.actionId, openedAt: input.now, closesAt, dissatisfactionPercent: community.dissatisfactionPercent },
  });
  await recordAudit(tx, null, {
    communityId: input.communityId,
    kind: 'rating.window_opened',
    subjectType: 'RatingWindow',
    subjectId: window.id,
    concernId: input.concernId,
    data: { actionId: input.actionId, closesAt: closesAt.toISOString(), dissatisfactionPercent: community.dissatisfactionPercent },
    at: input.now,
  });
  return notify(tx, {
    userIds: await concernParticipants(tx, input.concernId),
    communityId: input.communityId,
    kind: 'RATING_REQUESTED',
    params: { concernId: input.concernId, title: input.concernTitle, actionId: input.actionId, closesAt: closesAt.toISOString() },
    subject: `concern:${input.concernId}`,
    at: input.now,
  });
}

/** Whether the viewer may rate the action now: a participating member, while its window is open. */
export async function viewerMayRate(ctx: Context, action: { id: number; concernId: number; communityId: number }): Promise<boolean> {
  if (ctx.viewer.kind !== 'user' || !canRate(ctx.viewer, action.communityId, true)) return false;
  const window = await ctx.db.ratingWindow.findUnique({ where: { actionId: action.id } });
  if (!isWindowOpen(window, ctx.clock.now())) return false;
  return isConcernParticipant(ctx.db, action.concernId, ctx.viewer.userId);
}

/** Rates the action, or changes one's rating while the window is open. Not audited: who rated is as secret as how. */
export async function rateAction(ctx: Context, actionId: number, value: Satisfaction, comment: string) {
  const action = await ctx.db.action.findUnique({
    where: { id: actionId },
    select: { id: true, concernId: true, concern: { select: { communityId: true } } },
  });
  if (!action || !(await canRead(ctx, action.concern.communityId, 'BOARD'))) throw new NotFoundError('Action', actionId);
  const viewer = requireUser(ctx.viewer);
  const communityId = action.concern.communityId;
  if (!canRate(viewer, communityId, true)) throw new ForbiddenError('NOT_A_MEMBER');
  const now = ctx.clock.now();
  const window = await ctx.db.ratingWindow.findUnique({ where: { actionId } });
  if (!window || !isWindowOpen(window, now)) throw new InvalidStateError('RatingWindow', window ? 'CLOSED' : 'NOT_OPENED', ['OPEN']);
  if (!canRate(viewer, communityId, await isConcernParticipant(ctx.db, action.concernId, viewer.userId))) {
    throw new ForbiddenError('NOT_A_PARTICIPANT', 'Only those who reported, seconded or voted may rate');
  }
  const write = () =>
    ctx.db.$transaction(async (tx) => {
      // Touching the window's row makes a concurrent close wait for this rating, so it is counted.
      const stillOpen = await tx.ratingWindow.updateMany({
        where: { id: window.id, closedAt: null, closesAt: { gt: now } },
        data: { dissatisfactionPercent: window.dissatisfactionPercent },
      });
      if (stillOpen.count === 0) throw new InvalidStateError('RatingWindow', 'CLOSED', ['OPEN']);
      await tx.rating.upsert({
        where: { actionId_raterId: { actionId, raterId: viewer.userId } },
        create: { actionId, raterId: viewer.userId, value, comment, createdAt: now, updatedAt: now },
        update: { value, comment, updatedAt: now },
      });
    });
  try {
    await write();
  } catch (error) {
    // Two first ratings from the same person at once: the loser becomes a change of the winner's.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  return action;
}

/**
 * Closes one rating window and settles its concern, exactly once across every server process.
 * Returns whether this call did it.
 */
export async function closeRatingWindow(deps: AppDeps, windowId: number): Promise<boolean> {
  const now = deps.clock.now();
  let notified: number[] = [];
  let concernId: number | null = null;
  const fired = await fireOnce(deps, 'rating.window_close', String(windowId), async (tx) => {
    // Waits for ratings being written right now (see rateAction), then counts them.
    const closing = await tx.ratingWindow.updateMany({ where: { id: windowId, closedAt: null }, data: { closedAt: now } });
    if (closing.count === 0) return;
    const window = await tx.ratingWindow.findUniqueOrThrow({
      where: { id: windowId },
      select: {
        dissatisfactionPercent: true,
        action: { select: { id: true, concern: { select: { id: true, status: true, title: true, communityId: true } } } },
      },
    });
    const concern = window.action.concern;
    const rows = await tx.rating.groupBy({ by: ['value'], where: { actionId: window.action.id }, _count: { _all: true } });
    const total = rows.reduce((sum, row) => sum + row._count._all, 0);
    const dissatisfied = rows.find((row) => row.value === 'DISSATISFIED')?._count._all ?? 0;
    const outcome = isReopenedBy(dissatisfied, total, window.dissatisfactionPercent) ? 'REOPENED' : 'CLOSED';
    await tx.ratingWindow.update({ where: { id: windowId }, data: { outcome } });
    const dissatisfiedPercent = total ? Math.round((dissatisfied * 1000) / total) / 10 : 0;
    const summary = { outcome, ratingCount: total, dissatisfiedPercent, dissatisfactionPercent: window.dissatisfactionPercent };
    await recordAudit(tx, null, {
      communityId: concern.communityId,
      kind: 'rating.window_closed',
      subjectType: 'RatingWindow',
      subjectId: windowId,
      concernId: concern.id,
      data: summary,
      at: now,
    });
    // A concern moved on by hand meanwhile keeps its status; the window still records its verdict.
    if (concern.status !== 'RESOLVED') return;
    concernId = concern.id;
    if (outcome === 'CLOSED') await moveConcern(tx, concern, 'CLOSED', { closedAt: now });
    else await moveConcern(tx, concern, 'REOPENED', { reopenedAt: now, reopenCount: { increment: 1 } });
    await recordAudit(tx, null, {
      communityId: concern.communityId,
      kind: outcome === 'CLOSED' ? 'concern.closed' : 'concern.reopened',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: { ratingCount: total, dissatisfiedPercent },
      at: now,
    });
    // A reopened concern needs an official again, so the cadres hear of it too.
    const participants = await concernParticipants(tx, concern.id);
    const cadres = outcome === 'REOPENED' ? await communityCadreIds(tx, concern.communityId) : [];
    notified = await notify(tx, {
      userIds: [...participants, ...cadres],
      communityId: concern.communityId,
      kind: outcome === 'CLOSED' ? 'CONCERN_CLOSED' : 'CONCERN_REOPENED',
      params: { concernId: concern.id, title: concern.title, actionId: window.action.id, ratingCount: total, dissatisfiedPercent },
      subject: `concern:${concern.id}`,
      at: now,
    });
  });
  if (fired) {
    await publishUnreadCounts(deps, notified);
    if (concernId !== null) await publishBoardChanges(deps, [concernId]);
  }
  return fired;
}

/** Closes every rating window whose time is up. */
export const ratingWindowsJob: ScheduledJob = {
  name: 'ratings.close-windows',
  async run(deps) {
    const due = await deps.db.ratingWindow.findMany({
      where: { closedAt: null, closesAt: { lte: deps.clock.now() } },
      select: { id: true },
      orderBy: { closesAt: 'asc' },
      take: 200,
    });
    let fired = 0;
    for (const window of due) if (await closeRatingWindow(deps, window.id)) fired++;
    return fired;
  },
};
