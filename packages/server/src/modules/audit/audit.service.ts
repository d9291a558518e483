import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../context.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { AuditKind } from './audit-kinds.js';

export interface AuditEntry {
  communityId: number;
  kind: AuditKind;
  subjectType: string;
  subjectId: number;
  /** Set for events that belong on the concern's public timeline. */
  concernId?: number | null;
  data?: Prisma.InputJsonValue;
  at?: Date;
}

/** The acting user: from a viewer, or given directly where the actor is not the viewer (e.g. a new user). */
export function actorId(actor: Viewer | number | null): number | null {
  if (actor === null || typeof actor === 'number') return actor;
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Appends to the audit trail inside the caller's transaction, so the trail and the change commit
 * together or not at all. Never pass a vote choice or an individual rating in `data`.
 */
export async function recordAudit(tx: Tx, actor: Viewer | number | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      communityId: entry.communityId,
      actorId: actorId(actor),
      kind: entry.kind,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      concernId: entry.concernId ?? null,
      data: entry.data ?? {},
      ...(entry.at ? { createdAt: entry.at } : {}),
    },
  });
}
