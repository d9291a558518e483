import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';
import { TallyLineFields, TallySnapshotFields } from '../../shared/concerns/ballot.documents.ts';

// The server caps each request's complexity per caller (a visitor's at 500: a list counts ten times its
// items, a connection its page size), so the concern page asks in small parts: the concern, its
// deliberation (proposals, the vote and its decision), its comments, its actions, and each action's
// steps and news. Page sizes are literals; the fragments below serve mutation results and types.

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
    query ProposalComments($id: ID!) {
      proposal(id: $id) {
        id
        comments(first: 20) {
          totalCount
          edges {
            node {
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
          }
        }
      }
    }
  `,
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

export const ConcernDeliberationQuery = graphql(
  `
  query ConcernDeliberation($id: ID!) {
    concern(id: $id) {
      id
      proposals(first: 15) {
        edges {
          node {
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
              proposalId
              support
              oppose
              abstain
            }
            comments(first: 0) {
              totalCount
            }
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
        decision {
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
    }
  }
`,
  [TallySnapshotFields],
);

/** The comments on the concern itself (those on a proposal come with ProposalCommentsQuery). */
export const ConcernCommentsQuery = graphql(`
  query ConcernComments($id: ID!) {
    concern(id: $id) {
      id
      comments(first: 20) {
        totalCount
        edges {
          node {
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
        }
      }
    }
  }
`);
