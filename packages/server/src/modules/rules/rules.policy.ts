import type { Context, Viewer } from '../../context.js';
import type { Prisma } from '../../db/client.js';
import type { RuleStatus } from '../../generated/sqlite/enums.js';
import { canRead } from '../communities/communities.policy.js';
import { hasRole, isCadre, isMember } from '../members/members.policy.js';

/** Cadres draft, publish, amend and retire their community's rules, and adopt others' into it. */
export const canManageRules = (viewer: Viewer, communityId: number) => isCadre(viewer, communityId);

export interface RuleVisibility {
  communityId: number;
  status: RuleStatus;
  isPublic: boolean;
}

/**
 * Drafts are the cadres' work in progress. Members (and the community's tokens with the RULES scope)
 * read every other rule of their community; everyone else reads the public rules of public communities.
 */
export async function canReadRule(ctx: Context, rule: RuleVisibility): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'system') return true;
  if (rule.status === 'DRAFT') return canManageRules(viewer, rule.communityId);
  if (isMember(viewer, rule.communityId)) return true;
  if (viewer.kind === 'token' && viewer.communityId === rule.communityId) return viewer.scopes.has('RULES');
  return rule.isPublic && canRead(ctx, rule.communityId, 'RULES');
}

/** The communities whose non-draft rules the viewer reads as one of their own (members, a token with RULES). */
export function ownRuleCommunities(viewer: Viewer): number[] {
  if (viewer.kind === 'user') return [...viewer.memberships.keys()];
  if (viewer.kind === 'token' && viewer.scopes.has('RULES')) return [viewer.communityId];
  return [];
}

/** canReadRule as a filter, so lists never hold a rule the type-level check would refuse. */
export function readableRulesWhere(viewer: Viewer): Prisma.RuleWhereInput {
  if (viewer.kind === 'system') return {};
  const cadreOf = viewer.kind === 'user' ? [...viewer.memberships.keys()].filter((id) => hasRole(viewer, id, 'CADRE')) : [];
  return {
    OR: [
      { communityId: { in: cadreOf } },
      { status: { not: 'DRAFT' }, communityId: { in: ownRuleCommunities(viewer) } },
      { status: { not: 'DRAFT' }, isPublic: true, community: { isPublic: true } },
    ],
  };
}
