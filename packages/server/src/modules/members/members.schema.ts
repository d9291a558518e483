import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { MembershipStatus, Role } from '../../generated/sqlite/enums.js';
import { CommunityRef, GroupRef } from '../communities/communities.schema.js';
import { isSelf } from '../identity/identity.policy.js';
import { acceptInvitation, changeRole, createInvitation, revokeInvitation, setMembershipStatus } from './members.service.js';
import { isAdmin } from './members.policy.js';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });
const MembershipStatusEnum = builder.enumType(MembershipStatus, { name: 'MembershipStatus' });

// A membership is seen by its own member and by the community's admins.
export const MembershipRef = builder.prismaNode('Membership', {
  id: { field: 'id' },
  authScopes: (membership, ctx) => isSelf(ctx.viewer, membership.userId) || isAdmin(ctx.viewer, membership.communityId),
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    status: t.expose('status', { type: MembershipStatusEnum }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    user: t.relation('user'),
    community: t.relation('community'),
    group: t.relation('group', { nullable: true }),
  }),
});

export const InvitationRef = builder.prismaNode('Invitation', {
  id: { field: 'id' },
  authScopes: (invitation) => ({ admin: invitation.communityId }),
  fields: (t) => ({
    codeHint: t.exposeString('codeHint', { description: 'The first characters of the code.' }),
    role: t.expose('role', { type: RoleEnum }),
    note: t.exposeString('note'),
    maxUses: t.exposeInt('maxUses'),
    usedCount: t.exposeInt('usedCount'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreatedInvitation = builder
  .objectRef<{ invitation: { id: number; communityId: number }; code: string }>('CreatedInvitation')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Shown this once; only its hash is stored.' }),
      invitation: t.prismaField({
        type: 'Invitation',
        resolve: (query, created, _args, ctx) =>
          ctx.db.invitation.findUniqueOrThrow({ ...query, where: { id: created.invitation.id } }),
      }),
    }),
  });

const CreateInvitationInput = builder.inputType('CreateInvitationInput', {
  fields: (t) => ({
    communityId: t.globalID({ for: CommunityRef }),
    role: t.field({ type: RoleEnum, defaultValue: 'RESIDENT' }),
    groupId: t.globalID({ for: GroupRef, required: false }),
    maxUses: t.int({ defaultValue: 1 }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
    note: t.string({ required: false }),
  }),
  // Loose, so the ids and the role pass through unchanged.
  validate: z.looseObject({
    maxUses: z.number().int().min(1, 'At least 1').max(500, 'At most 500'),
    note: z.string().max(200, 'At most 200 characters').nullish(),
  }),
});

builder.mutationFields((t) => ({
  acceptInvitation: t.prismaField({
    type: 'Membership',
    errors: {},
    description: 'A signed-in user joins another community with its invitation code.',
    args: { code: t.arg.string({ validate: z.string().trim().min(4).max(64) }) },
    resolve: async (query, _root, { code }, ctx) => {
      const membership = await acceptInvitation(ctx, code);
      return ctx.db.membership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
  createInvitation: t.field({
    type: CreatedInvitation,
    errors: {},
    args: { input: t.arg({ type: CreateInvitationInput }) },
    resolve: (_root, { input }, ctx) =>
      createInvitation(ctx, {
        ...input,
        communityId: Number(input.communityId.id),
        groupId: input.groupId ? Number(input.groupId.id) : null,
      }),
  }),
  revokeInvitation: t.prismaField({
    type: 'Invitation',
    errors: {},
    args: { invitationId: t.arg.globalID({ for: InvitationRef }) },
    resolve: async (query, _root, { invitationId }, ctx) => {
      const invitation = await revokeInvitation(ctx, Number(invitationId.id));
      return ctx.db.invitation.findUniqueOrThrow({ ...query, where: { id: invitation.id } });
    },
  }),
  changeMemberRole: t.prismaField({
    type: 'Membership',
    errors: {},
    args: { membershipId: t.arg.globalID({ for: MembershipRef }), role: t.arg({ type: RoleEnum }) },
    resolve: async (query, _root, { membershipId, role }, ctx) => {
      const membership = await changeRole(ctx, Number(membershipId.id), role);
      return ctx.db.membership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
  setMemberSuspended: t.prismaField({
    type: 'Membership',
    errors: {},
    args: { membershipId: t.arg.globalID({ for: MembershipRef }), suspended: t.arg.boolean() },
    resolve: async (query, _root, { membershipId, suspended }, ctx) => {
      const membership = await setMembershipStatus(ctx, Number(membershipId.id), suspended);
      return ctx.db.membership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),
}));
