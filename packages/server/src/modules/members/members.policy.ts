import type { Viewer } from '../../context.js';
import type { Role } from '../../generated/sqlite/enums.js';

// Roles nest: an admin may do what a cadre may, and a cadre what a resident may.
const rank: Record<Role, number> = { RESIDENT: 1, CADRE: 2, ADMIN: 3 };

export function roleIn(viewer: Viewer, communityId: number): Role | null {
  return viewer.kind === 'user' ? (viewer.memberships.get(communityId)?.role ?? null) : null;
}

/** Whether the viewer holds at least `role` in the community. Suspended members hold nothing. */
export function hasRole(viewer: Viewer, communityId: number, role: Role): boolean {
  const held = roleIn(viewer, communityId);
  return held !== null && rank[held] >= rank[role];
}

export const isMember = (viewer: Viewer, communityId: number) => hasRole(viewer, communityId, 'RESIDENT');
export const isCadre = (viewer: Viewer, communityId: number) => hasRole(viewer, communityId, 'CADRE');
export const isAdmin = (viewer: Viewer, communityId: number) => hasRole(viewer, communityId, 'ADMIN');

/** Admins manage members; nobody changes their own role, so a community never loses its last admin by accident. */
export function canManageMembers(viewer: Viewer, communityId: number): boolean {
  return isAdmin(viewer, communityId);
}

export function canChangeRoleOf(viewer: Viewer, communityId: number, targetUserId: number): boolean {
  return isAdmin(viewer, communityId) && !(viewer.kind === 'user' && viewer.userId === targetUserId);
}
