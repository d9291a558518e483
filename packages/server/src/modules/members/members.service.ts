import type { Context } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { Role } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, isUniqueViolation } from '../../errors.js';
import { newInvitationCode, sha256 } from '../../security/secrets.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { canChangeRoleOf, canManageMembers, isMember } from './members.policy.js';

/** Codes are typed by hand on phones: case and surrounding spaces do not matter. */
export function normalizeInvitationCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Spends one use of an invitation for `userId` and makes them a member with the invited role.
 * The use is counted with a guarded update, so two people racing for the last use cannot both win.
 */
export async function redeemInvitation(tx: Tx, now: Date, code: string, userId: number) {
  const invalid = () => ValidationError.field(['input', 'invitationCode'], 'This invitation code is not valid', 'INVALID_INVITATION');
  const invitation = await tx.invitation.findUnique({ where: { codeHash: sha256(normalizeInvitationCode(code)) } });
  if (!invitation || invitation.revokedAt || (invitation.expiresAt && invitation.expiresAt <= now)) throw invalid();
  const spent = await tx.invitation.updateMany({
    where: { id: invitation.id, usedCount: { lt: invitation.maxUses }, revokedAt: null },
    data: { usedCount: { increment: 1 } },
  });
  if (spent.count === 0) throw invalid();
  await tx.invitationUse.create({ data: { invitationId: invitation.id, userId, usedAt: now } });
  const membership = await tx.membership.create({
    data: { userId, communityId: invitation.communityId, role: invitation.role, groupId: invitation.groupId, joinedAt: now },
  });
  await recordAudit(tx, userId, {
    communityId: invitation.communityId,
    kind: 'member.joined',
    subjectType: 'Membership',
    subjectId: membership.id,
    data: { invitationId: invitation.id, role: invitation.role },
    at: now,
  });
  return membership;
}

/** A signed-in user joins a further community with its invitation code. */
export async function acceptInvitation(ctx: Context, code: string) {
  const viewer = requireUser(ctx.viewer);
  try {
    return await ctx.db.$transaction((tx) => redeemInvitation(tx, ctx.clock.now(), code, viewer.userId));
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidStateError('Membership', 'ALREADY_MEMBER');
    throw error;
  }
}

export interface CreateInvitationInput {
  communityId: number;
  role: Role;
  groupId?: number | null;
  maxUses: number;
  expiresAt?: Date | null;
  note?: string | null;
}

/** Returns the invitation and its code. The code is shown this once; only its hash is kept. */
export async function createInvitation(ctx: Context, input: CreateInvitationInput) {
  if (!canManageMembers(ctx.viewer, input.communityId)) throw new ForbiddenError('ADMIN_REQUIRED');
  const viewer = requireUser(ctx.viewer);
  if (input.expiresAt && input.expiresAt <= ctx.clock.now()) {
    throw ValidationError.field(['input', 'expiresAt'], 'The expiry must be in the future', 'NOT_IN_FUTURE');
  }
  if (input.groupId) await requireGroupOf(ctx, input.communityId, input.groupId);
  const code = newInvitationCode();
  const invitation = await ctx.db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        communityId: input.communityId,
        codeHash: sha256(code),
        codeHint: code.slice(0, 5),
        role: input.role,
        groupId: input.groupId ?? null,
        maxUses: input.maxUses,
        expiresAt: input.expiresAt ?? null,
        note: input.note ?? '',
        createdById: viewer.userId,
      },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId: input.communityId,
      kind: 'invitation.created',
      subjectType: 'Invitation',
      subjectId: created.id,
      data: { role: input.role, maxUses: input.maxUses },
    });
    return created;
  });
  return { invitation, code };
}

export async function revokeInvitation(ctx: Context, invitationId: number) {
  const invitation = await ctx.db.invitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw new NotFoundError('Invitation', invitationId);
  if (!canManageMembers(ctx.viewer, invitation.communityId)) throw new ForbiddenError('ADMIN_REQUIRED');
  if (invitation.revokedAt) return invitation;
  return ctx.db.$transaction(async (tx) => {
    const revoked = await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.viewer, {
      communityId: invitation.communityId,
      kind: 'invitation.revoked',
      subjectType: 'Invitation',
      subjectId: invitationId,
    });
    return revoked;
  });
}

async function findMembership(ctx: Context, membershipId: number) {
  const membership = await ctx.db.membership.findUnique({ where: { id: membershipId } });
  // Outsiders learn nothing about other communities' members, not even that the id exists.
  if (!membership || !isMember(ctx.viewer, membership.communityId)) throw new NotFoundError('Membership', membershipId);
  return membership;
}

export async function changeRole(ctx: Context, membershipId: number, role: Role) {
  const membership = await findMembership(ctx, membershipId);
  if (!canChangeRoleOf(ctx.viewer, membership.communityId, membership.userId)) {
    throw new ForbiddenError(canManageMembers(ctx.viewer, membership.communityId) ? 'OWN_ROLE' : 'ADMIN_REQUIRED');
  }
  if (membership.role === role) return membership;
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await recordAudit(tx, ctx.viewer, {
      communityId: membership.communityId,
      kind: 'member.role_changed',
      subjectType: 'Membership',
      subjectId: membershipId,
      data: { from: membership.role, to: role },
    });
    return updated;
  });
}

/** Suspends or reinstates a member. A suspended member keeps their history but holds no role. */
export async function setMembershipStatus(ctx: Context, membershipId: number, suspended: boolean) {
  const membership = await findMembership(ctx, membershipId);
  if (!canChangeRoleOf(ctx.viewer, membership.communityId, membership.userId)) {
    throw new ForbiddenError(canManageMembers(ctx.viewer, membership.communityId) ? 'OWN_ROLE' : 'ADMIN_REQUIRED');
  }
  const status = suspended ? 'SUSPENDED' : 'ACTIVE';
  if (membership.status === status) return membership;
  return ctx.db.$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: membershipId }, data: { status } });
    await recordAudit(tx, ctx.viewer, {
      communityId: membership.communityId,
      kind: 'member.suspended',
      subjectType: 'Membership',
      subjectId: membershipId,
      data: { status },
    });
    // No sign-out is needed: the viewer is rebuilt from active memberships on every request.
    return updated;
  });
}

async function requireGroupOf(ctx: Context, communityId: number, groupId: number) {
  const group = await ctx.db.group.findUnique({ where: { id: groupId }, select: { communityId: true } });
  if (!group || group.communityId !== communityId) {
    throw ValidationError.field(['input', 'groupId'], 'No such building or hamlet in this community', 'UNKNOWN_GROUP');
  }
}
