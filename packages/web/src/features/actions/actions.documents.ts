import { graphql } from '../../shared/api/graphql.ts';
import { MilestoneFields, ProgressUpdateFields } from '../../shared/actions/action-parts.documents.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

/** What a card and the page's header show: the summary ActionSummary draws. */
export const ActionListFields = graphql(`
  fragment ActionListFields on Action @_unmask {
    id
    version
    title
    status
    progress
    overdue
    dueAt
    doneAt
    blockedReason
    ownerDepartment
    owner {
      id
      displayName
    }
  }
`);

export const ActionsCommunityQuery = graphql(`
  query ActionsCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      myRole
    }
  }
`);

export const CommunityActionsQuery = graphql(
  `
    query CommunityActions($slug: String!, $status: [ActionStatus!], $overdue: Boolean, $first: Int!, $after: String) {
      community(slug: $slug) {
        id
        actions(status: $status, overdue: $overdue, first: $first, after: $after) {
          edges {
            node {
              ...ActionListFields
              concern {
                id
                title
              }
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
  [ActionListFields],
);

/** One action whole: its steps, its news (newest first), the concern it serves, and what the viewer may do. */
export const ActionPageQuery = graphql(
  `
    query ActionPage($id: ID!) {
      action(id: $id) {
        ...ActionListFields
        canRun
        startedAt
        concern {
          id
          title
          status
        }
        milestones {
          ...MilestoneFields
        }
        updates(first: 20) {
          edges {
            node {
              ...ProgressUpdateFields
            }
          }
        }
      }
    }
  `,
  [ActionListFields, MilestoneFields, ProgressUpdateFields],
);

/** Every command answers with the action as it now is, so the cache moves the bar at once. */
const ActionResultFields = graphql(
  `
    fragment ActionResultFields on Action @_unmask {
      ...ActionListFields
      canRun
      startedAt
      milestones {
        ...MilestoneFields
      }
    }
  `,
  [ActionListFields, MilestoneFields],
);

export const StartActionMutation = graphql(
  `
    mutation StartAction($actionId: ID!) {
      startAction(actionId: $actionId) {
        __typename
        ... on StartActionSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const BlockActionMutation = graphql(
  `
    mutation BlockAction($actionId: ID!, $reason: String!) {
      blockAction(actionId: $actionId, reason: $reason) {
        __typename
        ... on BlockActionSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const UnblockActionMutation = graphql(
  `
    mutation UnblockAction($actionId: ID!) {
      unblockAction(actionId: $actionId) {
        __typename
        ... on UnblockActionSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const CompleteActionMutation = graphql(
  `
    mutation CompleteAction($actionId: ID!) {
      completeAction(actionId: $actionId) {
        __typename
        ... on CompleteActionSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const AddMilestoneMutation = graphql(
  `
    mutation AddMilestone($actionId: ID!, $input: MilestoneInput!) {
      addMilestone(actionId: $actionId, input: $input) {
        __typename
        ... on AddMilestoneSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const CompleteMilestoneMutation = graphql(
  `
    mutation CompleteMilestone($milestoneId: ID!) {
      completeMilestone(milestoneId: $milestoneId) {
        __typename
        ... on CompleteMilestoneSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

export const ReopenMilestoneMutation = graphql(
  `
    mutation ReopenMilestone($milestoneId: ID!) {
      reopenMilestone(milestoneId: $milestoneId) {
        __typename
        ... on ReopenMilestoneSuccess {
          data {
            ...ActionResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ActionResultFields, MutationErrorFields],
);

/** Sent as multipart (photos): the answer is not in the cache, so the page asks again after it. */
export const PostProgressUpdateMutation = graphql(
  `
    mutation PostProgressUpdate($actionId: ID!, $input: ProgressUpdateInput!) {
      postProgressUpdate(actionId: $actionId, input: $input) {
        __typename
        ... on PostProgressUpdateSuccess {
          data {
            id
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);
