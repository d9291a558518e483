import { encodeGlobalID } from '@pothos/plugin-relay';
import { createInvitationCode, createUser } from '../../test-support/fixtures.js';
import { admins, signedIn, type MatrixEntry } from '../../test-support/matrix.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Mutation.acceptInvitation',
    // Any signed-in user with a code may join; anonymous callers must register instead.
    expect: signedIn,
    operation: async ({ t, world }) => {
      // A third community, so that nobody in the world is a member already.
      const code = await createInvitationCode(t.db, { communityId: world.otherCommunity.id, createdById: world.admin.id, maxUses: 10 });
      await t.db.membership.deleteMany({ where: { communityId: world.otherCommunity.id, userId: { not: world.outsider.id } } });
      return { query: 'mutation ($code: String!) { acceptInvitation(code: $code) { __typename } }', variables: { code } };
    },
    judge: (result, { kind }) => {
      const typename = (result.data as { acceptInvitation?: { __typename: string } }).acceptInvitation?.__typename;
      // The outsider is already a member of the other community: refused as ALREADY_MEMBER is still "may try".
      if (kind === 'outsider' && typename === 'InvalidStateError') return 'allowed';
      return typename === 'AcceptInvitationSuccess' ? 'allowed' : 'refused';
    },
  },
  {
    field: 'Mutation.createInvitation',
    expect: admins,
    operation: async ({ world }) => ({
      query: 'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { __typename } }',
      variables: { input: { communityId: encodeGlobalID('Community', world.community.id), role: 'RESIDENT', maxUses: 3 } },
    }),
  },
  {
    field: 'Mutation.revokeInvitation',
    expect: admins,
    operation: async ({ t, world }) => {
      await createInvitationCode(t.db, { communityId: world.community.id, createdById: world.admin.id });
      const invitation = await t.db.invitation.findFirstOrThrow({ where: { communityId: world.community.id }, orderBy: { id: 'desc' } });
      return {
        query: 'mutation ($id: ID!) { revokeInvitation(invitationId: $id) { __typename } }',
        variables: { id: encodeGlobalID('Invitation', invitation.id) },
      };
    },
  },
  {
    field: 'Mutation.changeMemberRole',
    expect: admins,
    operation: async ({ t, world }) => {
      const member = await createUser(t.db, { communityId: world.community.id });
      const membership = await t.db.membership.findFirstOrThrow({ where: { userId: member.id } });
      return {
        query: 'mutation ($id: ID!) { changeMemberRole(membershipId: $id, role: CADRE) { __typename } }',
        variables: { id: encodeGlobalID('Membership', membership.id) },
      };
    },
  },
  {
    field: 'Mutation.setMemberSuspended',
    expect: admins,
    operation: async ({ t, world }) => {
      const member = await createUser(t.db, { communityId: world.community.id });
      const membership = await t.db.membership.findFirstOrThrow({ where: { userId: member.id } });
      return {
        query: 'mutation ($id: ID!) { setMemberSuspended(membershipId: $id, suspended: true) { __typename } }',
        variables: { id: encodeGlobalID('Membership', membership.id) },
      };
    },
  },
];
