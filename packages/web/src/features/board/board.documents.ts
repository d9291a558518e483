import { graphql } from '../../shared/api/graphql.ts';

export const BoardCommunityQuery = graphql(`
  query BoardCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      nameEn
      kind
      myRole
      categories {
        id
        key
        name
        nameEn
        echoHours
      }
      groups {
        id
        kind
        name
        nameEn
      }
    }
  }
`);

/** How many concerns each status group holds under the other filters: one count per group. */
export const BoardCountsQuery = graphql(`
  query BoardCounts($communityId: ID!, $categoryKey: String, $groupId: ID, $overdue: Boolean) {
    all: concerns(communityId: $communityId, categoryKey: $categoryKey, groupId: $groupId, overdue: $overdue, first: 0) {
      totalCount
    }
    waiting: concerns(
      communityId: $communityId
      categoryKey: $categoryKey
      groupId: $groupId
      overdue: $overdue
      status: [REPORTED, REOPENED]
      first: 0
    ) {
      totalCount
    }
    discussing: concerns(
      communityId: $communityId
      categoryKey: $categoryKey
      groupId: $groupId
      overdue: $overdue
      status: [ACKNOWLEDGED, VOTING, DECIDED]
      first: 0
    ) {
      totalCount
    }
    inProgress: concerns(
      communityId: $communityId
      categoryKey: $categoryKey
      groupId: $groupId
      overdue: $overdue
      status: [IN_PROGRESS]
      first: 0
    ) {
      totalCount
    }
    done: concerns(
      communityId: $communityId
      categoryKey: $categoryKey
      groupId: $groupId
      overdue: $overdue
      status: [RESOLVED, CLOSED]
      first: 0
    ) {
      totalCount
    }
    other: concerns(
      communityId: $communityId
      categoryKey: $categoryKey
      groupId: $groupId
      overdue: $overdue
      status: [DECLINED, MERGED]
      first: 0
    ) {
      totalCount
    }
  }
`);

export const BoardConcernFields = graphql(`
  fragment BoardConcernFields on Concern @_unmask {
    id
    title
    place
    status
    createdAt
    deadlineAt
    overdue
    secondCount
    secondedByMe
    canSecond
    proposalCount
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
    }
  }
`);

export const BoardPageQuery = graphql(
  `
    query BoardPage(
      $communityId: ID!
      $status: [ConcernStatus!]
      $categoryKey: String
      $groupId: ID
      $overdue: Boolean
      $sort: ConcernSort!
      $first: Int!
      $after: String
    ) {
      concerns(
        communityId: $communityId
        status: $status
        categoryKey: $categoryKey
        groupId: $groupId
        overdue: $overdue
        sort: $sort
        first: $first
        after: $after
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...BoardConcernFields
          }
        }
      }
    }
  `,
  [BoardConcernFields],
);

/** A concern of the community changed (reported, seconded, answered, moved on): re-read the board. */
export const BoardChangesSubscription = graphql(`
  subscription BoardChanges($communityId: ID!) {
    board(communityId: $communityId) {
      concernId
      status
      version
    }
  }
`);
