import type { Viewer } from '../../context.js';
import { isCadre, isMember } from '../members/members.policy.js';

/** Cadres (and admins) turn adopted proposals into actions. */
export const canCreateAction = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);

/** Cadres run every action of their community; a member runs the actions they own. */
export function canRunAction(viewer: Viewer, action: { communityId: number; ownerId: number | null }): boolean {
  if (isCadre(viewer, action.communityId)) return true;
  return viewer.kind === 'user' && action.ownerId === viewer.userId && isMember(viewer, action.communityId);
}
