import type { Viewer } from '../../context.js';
import { isAdmin } from '../members/members.policy.js';

// Only a community's admins hand out API tokens, see them, and take them back. A token itself never
// manages tokens: it is not a user, so isAdmin is false for it.
export const canManageApiTokens = (viewer: Viewer, communityId: number) => isAdmin(viewer, communityId);
