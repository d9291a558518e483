import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

/** Everything the page shows about the concern itself; the echo mutations answer with the same. */
export const ConcernDetailFields = graphql(`
  fragment ConcernDetailFields on Concern @_unmask {
    id
    version
    title
    body
    place
    status
    createdAt
    deadlineAt
    overdue
    escalatedAt
    acknowledgedAt
    declinedAt
    answer
    answeredBy {
      id
      displayName
    }
    canEcho
    canSecond
    secondCount
    secondedByMe
    proposalCount
    reporter {
      id
      displayName
    }
    owner {
      id
      displayName
    }
    category {
      id
      key
      name
      nameEn
    }
    group {
      id
      name
      nameEn
    }
    photos {
      url
      mimeType
    }
    mergedInto {
      id
      title
    }
    mergedFrom {
      id
      title
    }
    timeline {
      kind
      actorName
      at
      data
    }
  }
`);

export const ConcernPageQuery = graphql(
  `
    query ConcernPage($id: ID!) {
      concern(id: $id) {
        ...ConcernDetailFields
        community {
          id
          slug
          name
          nameEn
          myRole
        }
      }
      me {
        memberships {
          id
          community {
            id
          }
        }
      }
    }
  `,
  [ConcernDetailFields],
);

export const AcknowledgeConcernMutation = graphql(
  `
    mutation AcknowledgeConcern($concernId: ID!, $answer: String!) {
      acknowledgeConcern(concernId: $concernId, answer: $answer) {
        __typename
        ... on AcknowledgeConcernSuccess {
          data {
            ...ConcernDetailFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ConcernDetailFields, MutationErrorFields],
);

export const DeclineConcernMutation = graphql(
  `
    mutation DeclineConcern($concernId: ID!, $reason: String!) {
      declineConcern(concernId: $concernId, reason: $reason) {
        __typename
        ... on DeclineConcernSuccess {
          data {
            ...ConcernDetailFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ConcernDetailFields, MutationErrorFields],
);

export const MergeConcernMutation = graphql(
  `
    mutation MergeConcern($concernId: ID!, $intoConcernId: ID!) {
      mergeConcern(concernId: $concernId, intoConcernId: $intoConcernId) {
        __typename
        ... on MergeConcernSuccess {
          data {
            ...ConcernDetailFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ConcernDetailFields, MutationErrorFields],
);

export const AssignOwnerMutation = graphql(
  `
    mutation AssignConcernOwner($concernId: ID!, $ownerMembershipId: ID) {
      assignConcernOwner(concernId: $concernId, ownerMembershipId: $ownerMembershipId) {
        __typename
        ... on AssignConcernOwnerSuccess {
          data {
            ...ConcernDetailFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ConcernDetailFields, MutationErrorFields],
);

/** Concerns a duplicate may be merged into: unsettled ones of the same community, by words. */
export const MergeTargetsQuery = graphql(`
  query MergeTargets($communityId: ID!, $search: String!) {
    concerns(
      communityId: $communityId
      search: $search
      status: [REPORTED, ACKNOWLEDGED, VOTING, DECIDED, IN_PROGRESS, RESOLVED, REOPENED]
      first: 8
    ) {
      edges {
        node {
          id
          title
          status
          secondCount
        }
      }
    }
  }
`);

/** For admins: the cadres and admins who may own a concern. */
export const OwnerCandidatesQuery = graphql(`
  query OwnerCandidates($slug: String!) {
    community(slug: $slug) {
      id
      cadres: members(role: CADRE, first: 30) {
        edges {
          node {
            id
            user {
              id
              displayName
            }
          }
        }
      }
      admins: members(role: ADMIN, first: 30) {
        edges {
          node {
            id
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);
