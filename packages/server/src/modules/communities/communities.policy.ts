import type { ApiScope, Context } from '../../context.js';
import { isAdmin, isMember } from '../members/members.policy.js';

/** The parts of a community a reader may be let into; an API token's scopes name the same parts. */
export type ReadArea = ApiScope;

// What anonymous readers and members of other communities see of a public community.
export const publicAreas: ReadonlySet<ReadArea> = new Set(['BOARD', 'FIGURES', 'RULES']);

const visibility = new WeakMap<object, Map<number, Promise<boolean>>>();

/** Whether a community is public, asked once per request. */
function isPublicCommunity(ctx: Context, communityId: number): Promise<boolean> {
  let cache = visibility.get(ctx);
  if (!cache) visibility.set(ctx, (cache = new Map()));
  let answer = cache.get(communityId);
  if (!answer) {
    answer = ctx.db.community
      .findUnique({ where: { id: communityId }, select: { isPublic: true } })
      .then((row) => row?.isPublic ?? false);
    cache.set(communityId, answer);
  }
  return answer;
}

/**
 * Members read everything of their community (but never another's ballot or rating). A token reads its
 * own community within its scopes. Everyone else reads the public areas of a public community.
 */
export async function canRead(ctx: Context, communityId: number, area: ReadArea): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'system') return true;
  if (isMember(viewer, communityId)) return true;
  if (viewer.kind === 'token' && viewer.communityId === communityId && viewer.scopes.has(area)) return true;
  if (!publicAreas.has(area)) return false;
  return isPublicCommunity(ctx, communityId);
}

/** Whether the community itself (name, buildings, categories, settings) may be seen. */
export async function canSeeCommunity(ctx: Context, communityId: number): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'system' || isMember(viewer, communityId)) return true;
  if (viewer.kind === 'token' && viewer.communityId === communityId) return true;
  return isPublicCommunity(ctx, communityId);
}

export const canEditSettings = isAdmin;
