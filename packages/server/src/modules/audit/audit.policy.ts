import type { Viewer } from '../../context.js';
import { isCadre } from '../members/members.policy.js';

/** Cadres and admins read their community's audit trail: who did what, and when. */
export const canReadAuditTrail = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);
