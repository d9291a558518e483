import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { GroupKind } from '../../generated/sqlite/enums.js';
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { canEditSettings, publicAreas, type ReadArea } from './communities.policy.js';

/** The communities a viewer may open: every public one, their own, and a token's own. */
export function visibleCommunitiesWhere(ctx: Context): Prisma.CommunityWhereInput {
  const { viewer } = ctx;
  if (viewer.kind === 'system') return {};
  const own =
    viewer.kind === 'user' ? [...viewer.memberships.keys()] : viewer.kind === 'token' ? [viewer.communityId] : [];
  return { OR: [{ isPublic: true }, { id: { in: own } }] };
}

/**
 * The communities whose `area` the viewer may read, as a filter for queries on community-owned rows:
 * mirrors canRead() in communities.policy.ts, so lists never hold a row the type-level check would refuse.
 */
export function readableCommunityWhere(ctx: Context, area: ReadArea): Prisma.CommunityWhereInput {
  const { viewer } = ctx;
  if (viewer.kind === 'system') return {};
  const own = viewer.kind === 'user' ? [...viewer.memberships.keys()] : [];
  if (viewer.kind === 'token' && viewer.scopes.has(area)) own.push(viewer.communityId);
  return publicAreas.has(area) ? { OR: [{ isPublic: true }, { id: { in: own } }] } : { id: { in: own } };
}

export interface SettingsInput {
  name?: string | null;
  nameEn?: string | null;
  isPublic?: boolean | null;
  defaultEchoHours?: number | null;
  quorumPercent?: number | null;
  thresholdPercent?: number | null;
  dissatisfactionPercent?: number | null;
  ratingWindowDays?: number | null;
  ruleReviewNoticeDays?: number | null;
}

async function requireSettingsRight(ctx: Context, communityId: number) {
  const community = await ctx.db.community.findUnique({ where: { id: communityId } });
  if (!community) throw new NotFoundError('Community', communityId);
  if (!canEditSettings(ctx.viewer, communityId)) throw new ForbiddenError('ADMIN_REQUIRED');
  return community;
}

/** Changes settings. Open voting windows keep the rules frozen when they opened. */
export async function updateSettings(ctx: Context, communityId: number, input: SettingsInput) {
  const before = await requireSettingsRight(ctx, communityId);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
  const changed = Object.keys(changes).filter((key) => before[key as keyof typeof before] !== changes[key]);
  if (changed.length === 0) return before;
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.community.update({ where: { id: communityId }, data: changes });
    await recordAudit(tx, ctx.viewer, {
      communityId,
      kind: 'community.settings_changed',
      subjectType: 'Community',
      subjectId: communityId,
      data: Object.fromEntries(changed.map((key) => [key, { from: before[key as keyof typeof before], to: changes[key] }])) as Prisma.InputJsonObject,
    });
    return updated;
  });
}

export interface CategoryInput {
  key: string;
  name: string;
  nameEn: string;
  echoHours: number;
  archived?: boolean | null;
}

/** Adds a category or changes one (found by key). New concerns take its echo deadline from here. */
export async function saveCategory(ctx: Context, communityId: number, input: CategoryInput) {
  await requireSettingsRight(ctx, communityId);
  return ctx.db.$transaction(async (tx) => {
    const position = await tx.category.count({ where: { communityId } });
    const category = await tx.category.upsert({
      where: { communityId_key: { communityId, key: input.key } },
      create: { communityId, key: input.key, name: input.name, nameEn: input.nameEn, echoHours: input.echoHours, position },
      update: { name: input.name, nameEn: input.nameEn, echoHours: input.echoHours, archived: input.archived ?? false },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId,
      kind: 'community.settings_changed',
      subjectType: 'Category',
      subjectId: category.id,
      data: { category: input.key, echoHours: input.echoHours, archived: input.archived ?? false },
    });
    return category;
  });
}

export async function addGroup(ctx: Context, communityId: number, input: { kind: GroupKind; name: string; nameEn: string }) {
  await requireSettingsRight(ctx, communityId);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const position = await tx.group.count({ where: { communityId } });
      const group = await tx.group.create({ data: { communityId, ...input, position } });
      await recordAudit(tx, ctx.viewer, {
        communityId,
        kind: 'community.settings_changed',
        subjectType: 'Group',
        subjectId: group.id,
        data: { group: input.name },
      });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field(['input', 'name'], 'A building or hamlet with this name exists', 'TAKEN');
    throw error;
  }
}
