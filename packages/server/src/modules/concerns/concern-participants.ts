// The people a concern belongs to: whoever reported, seconded or voted on it. They hear about its
// progress and they alone rate the result. Only ids leave here, never how anyone voted.
import type { Tx, Db } from '../../db/client.js';

/** Distinct user ids of the reporter, the seconders and every voter in any of the concern's windows. */
export async function concernParticipants(db: Tx | Db, concernId: number): Promise<number[]> {
  const [concern, seconds, voters] = await Promise.all([
    db.concern.findUniqueOrThrow({ where: { id: concernId }, select: { reporterId: true } }),
    db.second.findMany({ where: { concernId }, select: { userId: true } }),
    db.vote.findMany({ where: { window: { concernId } }, distinct: ['voterId'], select: { voterId: true } }),
  ]);
  return [...new Set([concern.reporterId, ...seconds.map((s) => s.userId), ...voters.map((v) => v.voterId)])];
}

/** Whether the user reported, seconded or voted on the concern: one small query each, stopping at the first yes. */
export async function isConcernParticipant(db: Tx | Db, concernId: number, userId: number): Promise<boolean> {
  const reporter = await db.concern.count({ where: { id: concernId, reporterId: userId } });
  if (reporter > 0) return true;
  if ((await db.second.count({ where: { concernId, userId } })) > 0) return true;
  return (await db.vote.count({ where: { voterId: userId, window: { concernId } } })) > 0;
}

/** Active cadres and admins of a community: who is told when something needs an official. */
export async function communityCadreIds(db: Tx | Db, communityId: number): Promise<number[]> {
  const rows = await db.membership.findMany({
    where: { communityId, status: 'ACTIVE', role: { in: ['CADRE', 'ADMIN'] } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}
