// Who a chair has muted. Kept apart from the room's commands so the proposals service can ask it
// without importing the sessions module's whole graph.
import type { Db, Tx } from '../../db/client.js';

export function activeMute(db: Db | Tx, sessionId: number, userId: number) {
  return db.sessionMute.findFirst({ where: { sessionId, userId, liftedAt: null } });
}

/**
 * Whether the member is muted in a scheduled or live session that has this concern on its agenda: then
 * they may not propose on it.
 */
export async function isMutedForConcern(db: Db | Tx, concernId: number, userId: number): Promise<boolean> {
  const mute = await db.sessionMute.findFirst({
    where: { userId, liftedAt: null, session: { status: { in: ['SCHEDULED', 'LIVE'] }, items: { some: { concernId } } } },
    select: { id: true },
  });
  return mute !== null;
}
