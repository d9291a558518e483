import { graphql } from '../../shared/api/graphql.ts';
import { MilestoneFields, ProgressUpdateFields } from '../../shared/actions/action-parts.documents.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

/** What is being done about the concern: each action's progress, and its rating while it is open. */
export const ActionFields = graphql(`
  fragment ActionFields on Action @_unmask {
    id
    version
    title
    status
    progress
    overdue
    dueAt
    startedAt
    doneAt
    blockedReason
    ownerDepartment
    owner {
      id
      displayName
    }
    canRate
    ratingWindow {
      isOpen
      openedAt
      closesAt
      closedAt
      outcome
      dissatisfactionPercent
    }
    ratingSummary {
      satisfied
      basicallySatisfied
      dissatisfied
      total
      satisfactionPercent
    }
    myRating {
      value
      comment
      updatedAt
    }
  }
`);

export const RateActionMutation = graphql(
  `
    mutation RateAction($actionId: ID!, $value: Satisfaction!, $comment: String) {
      rateAction(actionId: $actionId, value: $value, comment: $comment) {
        __typename
        ... on RateActionSuccess {
          data {
            id
            canRate
            myRating {
              value
              comment
              updatedAt
            }
            ratingSummary {
              satisfied
              basicallySatisfied
              dissatisfied
              total
              satisfactionPercent
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const ConcernActionsQuery = graphql(
  `
    query ConcernActions($id: ID!) {
      concern(id: $id) {
        id
        actions {
          ...ActionFields
        }
      }
    }
  `,
  [ActionFields],
);

/** An action's steps and latest news, asked for apart: in the actions query they would pass a visitor's complexity cap. */
export const ActionDetailsQuery = graphql(
  `
    query ActionDetails($id: ID!) {
      action(id: $id) {
        id
        milestones {
          ...MilestoneFields
        }
        updates(first: 3) {
          edges {
            node {
              ...ProgressUpdateFields
            }
          }
        }
      }
    }
  `,
  [MilestoneFields, ProgressUpdateFields],
);
