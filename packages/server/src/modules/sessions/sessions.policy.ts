import type { Context, Viewer } from '../../context.js';
import type { Role } from '../../generated/sqlite/enums.js';
import { canRead } from '../communities/communities.policy.js';
import { isCadre, isMember } from '../members/members.policy.js';

/** A session and the chairs it names; what the predicates below need of it. */
export interface ChairedSession {
  communityId: number;
  chairs: readonly { userId: number }[];
}

/** Cadres (and admins) of a community put sessions on its calendar. */
export const canScheduleSession = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);

/** Only a cadre or admin of the community can chair one of its sessions. */
export const canBeChair = (role: Role | undefined) => role === 'CADRE' || role === 'ADMIN';

/** A chair of this very session, who still holds a cadre's rights in its community, moves it on. */
export function isChairOf(viewer: Viewer, session: ChairedSession): boolean {
  return (
    viewer.kind === 'user' &&
    isCadre(viewer, session.communityId) &&
    session.chairs.some((chair) => chair.userId === viewer.userId)
  );
}

/** Members follow their community's sessions; so does a token with the SESSIONS scope. */
export const canFollowSessions = (ctx: Context, communityId: number) => canRead(ctx, communityId, 'SESSIONS');

/** Members take part in the room (are counted present, raise hands, propose) unless muted there. */
export const canTakePart = (viewer: Viewer, communityId: number, muted: boolean) => isMember(viewer, communityId) && !muted;

/** Who is in the room, by name, is for cadres; everyone else sees how many. */
export const canSeeWhoIsPresent = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);
