// The live feeds outside a session room: a cadre's moderation queue, a member's notification bell, and a
// community's board. Each subscriber first gets the current state (where there is one), then changes.
import type { AppDeps, Context } from '../../context.js';
import type { ModerationSnapshot } from '../../events/topics.js';
import { clockVersion, liveSnapshots } from '../../events/live.js';
import { unreadSnapshots } from '../notifications/notifications.service.js';

/** Longest lists a snapshot carries; a queue longer than this is a problem no live view solves. */
const queueLimit = 200;

/** Concerns reported and not yet answered, oldest first; the overdue ones are those past their echo deadline. */
export async function moderationSnapshot(deps: Pick<AppDeps, 'db' | 'clock'>, communityId: number): Promise<ModerationSnapshot> {
  const pending = await deps.db.concern.findMany({
    where: { communityId, status: 'REPORTED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, deadlineAt: true },
    take: queueLimit,
  });
  const now = deps.clock.now();
  return {
    communityId,
    version: clockVersion(),
    pendingConcernIds: pending.map((concern) => concern.id),
    overdueConcernIds: pending.filter((concern) => concern.deadlineAt < now).map((concern) => concern.id),
  };
}

/** Every change on the community's board (a concern reported, answered, moved on) can change the queue. */
export function moderationSnapshots(ctx: Context, communityId: number) {
  return liveSnapshots(ctx.pubsub, 'moderation', communityId, () => moderationSnapshot(ctx, communityId), {
    alsoOn: { topic: 'board', id: communityId, matches: () => true },
  });
}

export function notificationSnapshots(ctx: Context, userId: number) {
  return liveSnapshots(ctx.pubsub, 'notifications', userId, async () => (await unreadSnapshots(ctx, [userId]))[0] ?? null);
}

/** The board has no single current state to send first: only the changes from now on. */
export function boardChanges(ctx: Context, communityId: number) {
  return liveSnapshots(ctx.pubsub, 'board', communityId, async () => null, { unordered: true });
}
