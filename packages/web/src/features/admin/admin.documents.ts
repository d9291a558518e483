import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

/** The community the admin screens manage, and whether the viewer is one of its admins. */
export const AdminCommunityQuery = graphql(`
  query AdminCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      nameEn
      myRole
    }
  }
`);

export const MembershipFields = graphql(`
  fragment MembershipFields on Membership @_unmask {
    id
    role
    status
    joinedAt
    user {
      id
      displayName
    }
    group {
      id
      name
      nameEn
    }
  }
`);

export const AdminMembersQuery = graphql(
  `
    query AdminMembers($slug: String!, $search: String, $first: Int!) {
      community(slug: $slug) {
        id
        members(first: $first, search: $search) {
          edges {
            node {
              ...MembershipFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [MembershipFields],
);

export const ChangeMemberRoleMutation = graphql(
  `
    mutation ChangeMemberRole($membershipId: ID!, $role: Role!) {
      changeMemberRole(membershipId: $membershipId, role: $role) {
        __typename
        ... on ChangeMemberRoleSuccess {
          data {
            ...MembershipFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MembershipFields, MutationErrorFields],
);

export const SetMemberSuspendedMutation = graphql(
  `
    mutation SetMemberSuspended($membershipId: ID!, $suspended: Boolean!) {
      setMemberSuspended(membershipId: $membershipId, suspended: $suspended) {
        __typename
        ... on SetMemberSuspendedSuccess {
          data {
            ...MembershipFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MembershipFields, MutationErrorFields],
);

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation @_unmask {
    id
    codeHint
    role
    note
    maxUses
    usedCount
    expiresAt
    revokedAt
    createdAt
  }
`);

export const AdminInvitationsQuery = graphql(
  `
    query AdminInvitations($slug: String!) {
      community(slug: $slug) {
        id
        invitations {
          ...InvitationFields
        }
        groups {
          id
          kind
          name
          nameEn
        }
      }
    }
  `,
  [InvitationFields],
);

export const CreateInvitationMutation = graphql(
  `
    mutation CreateInvitation($input: CreateInvitationInput!) {
      createInvitation(input: $input) {
        __typename
        ... on CreateInvitationSuccess {
          data {
            code
            invitation {
              ...InvitationFields
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [InvitationFields, MutationErrorFields],
);

export const RevokeInvitationMutation = graphql(
  `
    mutation RevokeInvitation($invitationId: ID!) {
      revokeInvitation(invitationId: $invitationId) {
        __typename
        ... on RevokeInvitationSuccess {
          data {
            ...InvitationFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [InvitationFields, MutationErrorFields],
);

export const CommunitySettingsFields = graphql(`
  fragment CommunitySettingsFields on Community @_unmask {
    id
    isPublic
    settings {
      defaultEchoHours
      quorumPercent
      thresholdPercent
      dissatisfactionPercent
      ratingWindowDays
      ruleReviewNoticeDays
    }
  }
`);

export const CategoryFields = graphql(`
  fragment CategoryFields on Category @_unmask {
    id
    key
    name
    nameEn
    echoHours
    archived
  }
`);

export const GroupFields = graphql(`
  fragment GroupFields on Group @_unmask {
    id
    kind
    name
    nameEn
  }
`);

export const AdminSettingsQuery = graphql(
  `
    query AdminSettings($slug: String!) {
      community(slug: $slug) {
        ...CommunitySettingsFields
        categories {
          ...CategoryFields
        }
        groups {
          ...GroupFields
        }
      }
    }
  `,
  [CommunitySettingsFields, CategoryFields, GroupFields],
);

export const UpdateCommunitySettingsMutation = graphql(
  `
    mutation UpdateCommunitySettings($communityId: ID!, $input: CommunitySettingsInput!) {
      updateCommunitySettings(communityId: $communityId, input: $input) {
        __typename
        ... on UpdateCommunitySettingsSuccess {
          data {
            ...CommunitySettingsFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [CommunitySettingsFields, MutationErrorFields],
);

export const SaveCategoryMutation = graphql(
  `
    mutation SaveCategory($communityId: ID!, $input: CategoryInput!) {
      saveCategory(communityId: $communityId, input: $input) {
        __typename
        ... on SaveCategorySuccess {
          data {
            ...CategoryFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [CategoryFields, MutationErrorFields],
);

export const AddGroupMutation = graphql(
  `
    mutation AddGroup($communityId: ID!, $input: GroupInput!) {
      addGroup(communityId: $communityId, input: $input) {
        __typename
        ... on AddGroupSuccess {
          data {
            ...GroupFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [GroupFields, MutationErrorFields],
);

export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken @_unmask {
    id
    name
    prefix
    scopes
    expiresAt
    revokedAt
    lastUsedAt
    createdAt
    createdBy {
      id
      displayName
    }
  }
`);

export const AdminApiTokensQuery = graphql(
  `
    query AdminApiTokens($slug: String!) {
      community(slug: $slug) {
        id
        apiTokens {
          ...ApiTokenFields
        }
      }
    }
  `,
  [ApiTokenFields],
);

export const CreateApiTokenMutation = graphql(
  `
    mutation CreateApiToken($input: CreateApiTokenInput!) {
      createApiToken(input: $input) {
        __typename
        ... on CreateApiTokenSuccess {
          data {
            secret
            token {
              ...ApiTokenFields
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ApiTokenFields, MutationErrorFields],
);

export const RevokeApiTokenMutation = graphql(
  `
    mutation RevokeApiToken($tokenId: ID!) {
      revokeApiToken(tokenId: $tokenId) {
        __typename
        ... on RevokeApiTokenSuccess {
          data {
            ...ApiTokenFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ApiTokenFields, MutationErrorFields],
);
