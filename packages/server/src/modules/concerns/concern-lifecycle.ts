// Where a concern may go from each status. Every module that moves a concern (the echo, voting,
// actions, ratings, merging) goes through moveConcern, so the rules live in one place.
import type { Tx } from '../../db/client.js';
import type { ConcernStatus } from '../../generated/sqlite/enums.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { InvalidStateError } from '../../errors.js';

const transitions: Record<ConcernStatus, readonly ConcernStatus[]> = {
  REPORTED: ['ACKNOWLEDGED', 'DECLINED', 'MERGED'],
  ACKNOWLEDGED: ['VOTING', 'MERGED', 'DECLINED', 'IN_PROGRESS'],
  DECLINED: [],
  MERGED: [],
  VOTING: ['DECIDED', 'ACKNOWLEDGED'],
  DECIDED: ['IN_PROGRESS', 'VOTING', 'CLOSED'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'REOPENED', 'IN_PROGRESS'],
  CLOSED: [],
  REOPENED: ['VOTING', 'IN_PROGRESS', 'ACKNOWLEDGED'],
};

/** Statuses in which residents still deliberate: proposals and comments may be added. */
export const openForProposals: readonly ConcernStatus[] = ['ACKNOWLEDGED', 'REOPENED', 'REPORTED'];

export function canMove(from: ConcernStatus, to: ConcernStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * Moves a concern to `to` with its extra fields, bumping its version. The update is guarded by the
 * status it was read in, so two commands racing on the same concern cannot both win.
 */
export async function moveConcern(
  tx: Tx,
  concern: { id: number; status: ConcernStatus },
  to: ConcernStatus,
  data: Omit<Prisma.ConcernUncheckedUpdateManyInput, 'status' | 'version'> = {},
): Promise<void> {
  if (!canMove(concern.status, to)) {
    throw new InvalidStateError('Concern', concern.status, Object.keys(transitions).filter((s) => canMove(s as ConcernStatus, to)));
  }
  const moved = await tx.concern.updateMany({
    where: { id: concern.id, status: concern.status },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (moved.count === 0) {
    const now = await tx.concern.findUniqueOrThrow({ where: { id: concern.id }, select: { status: true } });
    throw new InvalidStateError('Concern', now.status, Object.keys(transitions).filter((s) => canMove(s as ConcernStatus, to)));
  }
}
