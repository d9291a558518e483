import type { Viewer } from '../../context.js';
import { isCadre } from '../members/members.policy.js';

/** Cadres and admins download their community's records as spreadsheets, signed in by cookie. */
export const canExport = (viewer: Viewer, communityId: number) => viewer.kind === 'user' && isCadre(viewer, communityId);
