import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

export const CommentFields = graphql(`
  fragment CommentFields on Comment @_unmask {
    id
    body
    stance
    hidden
    hiddenReason
    createdAt
    author {
      id
      displayName
    }
  }
`);

export const TallyLineFields = graphql(`
  fragment TallyLineFields on TallyLine @_unmask {
    proposalId
    support
    oppose
    abstain
  }
`);

export const ProposalFields = graphql(
  `
    fragment ProposalFields on Proposal @_unmask {
      id
      title
      body
      status
      pinned
      createdAt
      updatedAt
      hiddenReason
      author {
        id
        displayName
      }
      mergedInto {
        id
        title
      }
      myVote
      tally {
        ...TallyLineFields
      }
      comments(first: 0) {
        totalCount
      }
    }
  `,
  [TallyLineFields],
);

/** A proposal's comments, fetched when someone opens them (nested lists cost too much in one query). */
export const ProposalCommentsQuery = graphql(
  `
    query ProposalComments($id: ID!, $count: Int!) {
      proposal(id: $id) {
        id
        comments(first: $count) {
          totalCount
          edges {
            node {
              ...CommentFields
            }
          }
        }
      }
    }
  `,
  [CommentFields],
);

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

export const DeliberationFields = graphql(
  `
    fragment DeliberationFields on Concern @_unmask {
      id
      proposals(first: $proposalCount) {
        edges {
          node {
            ...ProposalFields
          }
        }
      }
      comments(first: $commentCount) {
        totalCount
        edges {
          node {
            ...CommentFields
          }
        }
      }
      votingWindow {
        id
        status
        opensAt
        closesAt
        closedAt
        eligibleCount
        quorumCount
        rules {
          quorumPercent
          thresholdPercent
          talliesHidden
        }
        tally {
          ...TallySnapshotFields
        }
      }
      decisions {
        id
        decidedAt
        chairName
        quorumMet
        quorumCount
        eligibleCount
        voterCount
        thresholdPercent
        tally {
          title
          support
          oppose
          abstain
          adopted
          proposal {
            id
          }
        }
      }
    }
  `,
  [ProposalFields, CommentFields, TallySnapshotFields],
);

export const CreateProposalMutation = graphql(
  `
    mutation CreateProposal($concernId: ID!, $input: ProposalInput!) {
      createProposal(concernId: $concernId, input: $input) {
        __typename
        ... on CreateProposalSuccess {
          data {
            ...ProposalFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ProposalFields, MutationErrorFields],
);

export const EditProposalMutation = graphql(
  `
    mutation EditProposal($proposalId: ID!, $input: ProposalInput!) {
      editProposal(proposalId: $proposalId, input: $input) {
        __typename
        ... on EditProposalSuccess {
          data {
            ...ProposalFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ProposalFields, MutationErrorFields],
);

export const WithdrawProposalMutation = graphql(
  `
    mutation WithdrawProposal($proposalId: ID!) {
      withdrawProposal(proposalId: $proposalId) {
        __typename
        ... on WithdrawProposalSuccess {
          data {
            ...ProposalFields
            concern {
              id
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ProposalFields, MutationErrorFields],
);

export const AddCommentMutation = graphql(
  `
    mutation AddComment($input: AddCommentInput!) {
      addComment(input: $input) {
        __typename
        ... on AddCommentSuccess {
          data {
            ...CommentFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [CommentFields, MutationErrorFields],
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
