import type { Viewer } from '../../context.js';
import { isCadre } from '../members/members.policy.js';

/** What awaits an answer (new and overdue concerns) is the cadres' work queue. */
export const canSeeModerationQueue = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);
