import type { AppDeps, Context } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { requireUser } from '../identity/identity.policy.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { NotificationSnapshot } from '../../events/topics.js';
import { clockVersion } from '../../events/live.js';

/** Message keys; the web app has a sentence for each in every language. */
export type NotificationKind =
  | 'CONCERN_ACKNOWLEDGED'
  | 'CONCERN_DECLINED'
  | 'CONCERN_MERGED'
  | 'DECISION_RECORDED'
  | 'ACTION_PROGRESS'
  | 'RATING_REQUESTED'
  | 'CONCERN_CLOSED'
  | 'CONCERN_REOPENED'
  | 'RULE_REVIEW_DUE'
  | 'CONCERN_OVERDUE'
  | 'SESSION_SCHEDULED';

export interface NotificationInput {
  userIds: number[];
  communityId: number | null;
  kind: NotificationKind;
  /** Values the message needs, e.g. { concernId, title }. Never a vote choice or someone's rating. */
  params: Prisma.InputJsonObject;
  /** Where a click leads, e.g. "concern:12". */
  subject: string;
  /** Whoever caused it is not told about their own act. */
  exceptUserId?: number | null;
  at?: Date;
}

/**
 * Writes notifications inside the caller's transaction and returns who was notified. After the
 * transaction commits, pass that list to publishUnreadCounts so their bells update live.
 */
export async function notify(tx: Tx, input: NotificationInput): Promise<number[]> {
  const userIds = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (userIds.length === 0) return [];
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      communityId: input.communityId,
      kind: input.kind,
      params: input.params,
      subject: input.subject,
      ...(input.at ? { createdAt: input.at } : {}),
    })),
  });
  return userIds;
}

/** Each user's unread count and latest notification: what their live feed carries. */
export async function unreadSnapshots(deps: Pick<AppDeps, 'db'>, userIds: number[]): Promise<NotificationSnapshot[]> {
  if (userIds.length === 0) return [];
  const unread = await deps.db.notification.groupBy({
    by: ['userId'],
    where: { userId: { in: userIds }, readAt: null },
    _count: { _all: true },
    _max: { id: true },
  });
  const byUser = new Map(unread.map((row) => [row.userId, row]));
  return userIds.map((userId) => {
    const row = byUser.get(userId);
    return { userId, version: clockVersion(), unreadCount: row?._count._all ?? 0, latestId: row?._max.id ?? null };
  });
}

/** Publishes each user's unread count and latest notification: a full snapshot, after commit. */
export async function publishUnreadCounts(deps: Pick<AppDeps, 'db' | 'pubsub'>, userIds: number[]): Promise<void> {
  for (const snapshot of await unreadSnapshots(deps, userIds)) deps.pubsub.publish('notifications', snapshot.userId, snapshot);
}

export async function unreadNotificationCount(db: Db, userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the viewer's notifications read: the listed ones (others' ids are ignored, not reported), or
 * all. Not audited: reading one's own notices is nobody else's business. Returns the reader and how
 * many changed.
 */
export async function markNotificationsRead(
  ctx: Context,
  which: { ids?: number[] | null; all?: boolean | null },
): Promise<{ userId: number; marked: number }> {
  const viewer = requireUser(ctx.viewer);
  const changed = await ctx.db.notification.updateMany({
    where: { userId: viewer.userId, readAt: null, ...(which.all ? {} : { id: { in: which.ids ?? [] } }) },
    data: { readAt: ctx.clock.now() },
  });
  if (changed.count > 0) await publishUnreadCounts(ctx, [viewer.userId]);
  return { userId: viewer.userId, marked: changed.count };
}
