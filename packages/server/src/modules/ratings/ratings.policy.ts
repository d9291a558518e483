import type { Viewer } from '../../context.js';
import { isCadre, isMember } from '../members/members.policy.js';

/** Only those who reported, seconded or voted on the concern judge its result, while they are members. */
export function canRate(viewer: Viewer, communityId: number, isParticipant: boolean): boolean {
  return viewer.kind === 'user' && isMember(viewer, communityId) && isParticipant;
}

/**
 * Cadres read the comments that came with ratings, to learn why people were (dis)satisfied, but never
 * who wrote them: no rater, no time, no order that follows the ratings.
 */
export const canReadRatingComments = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);
