import type { Viewer } from '../../context.js';
import { isCadre, isMember } from '../members/members.policy.js';

// Cadres open and close the vote; every active member (staff included) has one vote per proposal.

export const canOpenVoting = isCadre;
export const canCloseVoting = (viewer: Viewer, communityId: number) => viewer.kind === 'system' || isCadre(viewer, communityId);
/** The viewer holds only active memberships, read afresh for every request: suspended members cannot vote. */
export const canVote = isMember;

/**
 * Whether the running counts may be shown. While a window hides its tallies (so early counts do not
 * sway later voters), only the community's cadres see them; once it closes, everyone who may read the
 * board does.
 */
export function canSeeTally(viewer: Viewer, window: { communityId: number; talliesHidden: boolean; closed: boolean }): boolean {
  return !window.talliesHidden || window.closed || viewer.kind === 'system' || isCadre(viewer, window.communityId);
}
