// Who may do what with a concern. The services decide with these, and the schema exposes them so the
// web app shows a button only to those it would work for.
import type { Viewer } from '../../context.js';
import type { ConcernStatus, Role } from '../../generated/sqlite/enums.js';
import { isSelf } from '../identity/identity.policy.js';
import { isCadre, isMember } from '../members/members.policy.js';

interface ConcernFacts {
  communityId: number;
  reporterId: number;
  reporterPublic: boolean;
  status: ConcernStatus;
}

/** Statuses in which a concern no longer gathers seconds, owners or merges. */
export const settledStatuses: readonly ConcernStatus[] = ['DECLINED', 'MERGED', 'CLOSED'];

export const isSettled = (status: ConcernStatus) => settledStatuses.includes(status);

/** Any active member may report a concern in their community. */
export const canReport = (viewer: Viewer, communityId: number) => isMember(viewer, communityId);

/** Members second other people's concerns; a reporter's own voice is already counted. */
export function canSecond(viewer: Viewer, concern: Pick<ConcernFacts, 'communityId' | 'reporterId'>): boolean {
  return isMember(viewer, concern.communityId) && !isSelf(viewer, concern.reporterId);
}

/** Cadres and admins of the community answer, decline, merge and assign concerns. */
export const canEcho = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);

/** Who may be made a concern's owner: a cadre or admin of its community. */
export const canOwnConcerns = (role: Role) => role === 'CADRE' || role === 'ADMIN';

/**
 * The reporter's name is for neighbours: members of the community see it, everyone else (visitors,
 * other communities, API tokens) only when the reporter opted in.
 */
export function canSeeReporter(viewer: Viewer, concern: Pick<ConcernFacts, 'communityId' | 'reporterId' | 'reporterPublic'>): boolean {
  return concern.reporterPublic || viewer.kind === 'system' || isMember(viewer, concern.communityId) || isSelf(viewer, concern.reporterId);
}
