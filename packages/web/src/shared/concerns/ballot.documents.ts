// The vote's documents, shared by every screen with a ballot (the concern page, the live session room).
// A proposal's tally line is keyed by its proposal (shared/concerns/votes.ts), so a `tally` snapshot
// updates every ballot on screen.
import { graphql } from '../api/graphql.ts';
import { MutationErrorFields } from '../api/mutation-result.ts';

export const TallyLineFields = graphql(`
  fragment TallyLineFields on TallyLine @_unmask {
    proposalId
    support
    oppose
    abstain
  }
`);

export const TallySnapshotFields = graphql(
  `
    fragment TallySnapshotFields on TallySnapshot @_unmask {
      windowId
      concernId
      version
      closed
      eligibleCount
      quorumCount
      quorumReached
      talliesHidden
      voterCount
      lines {
        ...TallyLineFields
      }
    }
  `,
  [TallyLineFields],
);

export const CastVoteMutation = graphql(
  `
    mutation CastVote($proposalId: ID!, $choice: VoteChoice!) {
      castVote(proposalId: $proposalId, choice: $choice) {
        __typename
        ... on CastVoteSuccess {
          data {
            id
            myVote
            tally {
              ...TallyLineFields
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [TallyLineFields, MutationErrorFields],
);

export const RetractVoteMutation = graphql(
  `
    mutation RetractVote($proposalId: ID!) {
      retractVote(proposalId: $proposalId) {
        __typename
        ... on RetractVoteSuccess {
          data {
            id
            myVote
            tally {
              ...TallyLineFields
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [TallyLineFields, MutationErrorFields],
);

/** The running count while the vote is open: a full snapshot on every change. */
export const TallySubscription = graphql(
  `
    subscription Tally($windowId: ID!) {
      tally(windowId: $windowId) {
        ...TallySnapshotFields
      }
    }
  `,
  [TallySnapshotFields],
);
