// The concern page's cache updates after a new proposal or comment, or a withdrawn proposal: the lists
// on screen are patched in place. (Invalidating them instead would, with the schema-aware cache, turn
// the whole concern into null until the refetch came back: a flash of "not found".)
import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCacheConfig } from '../../shared/api/cache-config.ts';
import { graphql, type ResultOf } from '../../shared/api/graphql.ts';
import {
  ConcernCommentsQuery,
  ConcernDeliberationQuery,
  ProposalCommentsQuery,
  type CommentFields,
  type ProposalFields,
} from './deliberation.documents.ts';

type Proposal = ResultOf<typeof ProposalFields>;
type Comment = ResultOf<typeof CommentFields>;

const ProposalCommentCount = graphql(`
  fragment ProposalCommentCount on Proposal {
    id
    comments(first: 0) {
      totalCount
    }
  }
`);

function updateConcernPage(cache: Cache, concernId: string, update: (concern: NonNullable<ResultOf<typeof ConcernDeliberationQuery>['concern']>) => void) {
  cache.updateQuery({ query: ConcernDeliberationQuery, variables: { id: concernId } }, (data) => {
    if (data?.concern) update(data.concern);
    return data;
  });
}

const payload = <Data>(result: Record<string, unknown>, field: string): Data | null => {
  const value = result[field] as { __typename?: string; data?: Data } | null;
  return value && String(value.__typename).endsWith('Success') ? (value.data ?? null) : null;
};

export const concernCache: FeatureCacheConfig = {
  updates: {
    Mutation: {
      createProposal(result, args, cache) {
        const proposal = payload<Proposal>(result, 'createProposal');
        if (!proposal || typeof args.concernId !== 'string') return;
        updateConcernPage(cache, args.concernId, (concern) => {
          if (concern.proposals.edges.some((edge) => edge.node.id === proposal.id)) return;
          concern.proposals.edges.push({ __typename: 'ConcernProposalsConnectionEdge', node: proposal } as (typeof concern.proposals.edges)[number]);
        });
      },
      withdrawProposal(result, _args, cache) {
        const proposal = payload<{ id: string; concern?: { id: string } }>(result, 'withdrawProposal');
        if (!proposal?.concern) return;
        updateConcernPage(cache, proposal.concern.id, (concern) => {
          concern.proposals.edges = concern.proposals.edges.filter((edge) => edge.node.id !== proposal.id);
        });
      },
      addComment(result, args, cache) {
        const comment = payload<Comment>(result, 'addComment');
        const input = (args.input ?? {}) as { concernId?: string | null; proposalId?: string | null };
        if (!comment) return;
        if (input.proposalId) {
          const proposalId = input.proposalId;
          cache.updateQuery({ query: ProposalCommentsQuery, variables: { id: proposalId } }, (data) => {
            if (!data?.proposal || data.proposal.comments.edges.some((edge) => edge.node.id === comment.id)) return data;
            data.proposal.comments.edges.push({ __typename: 'ProposalCommentsConnectionEdge', node: comment } as (typeof data.proposal.comments.edges)[number]);
            data.proposal.comments.totalCount += 1;
            return data;
          });
          const key = cache.keyOfEntity({ __typename: 'Proposal', id: proposalId });
          const counted = key ? (cache.readFragment(ProposalCommentCount, key) as { comments?: { totalCount: number } } | null) : null;
          if (counted?.comments) {
            cache.writeFragment(ProposalCommentCount, {
              __typename: 'Proposal',
              id: proposalId,
              comments: { __typename: 'ProposalCommentsConnection', totalCount: counted.comments.totalCount + 1 },
            } as never);
          }
        } else if (input.concernId) {
          cache.updateQuery({ query: ConcernCommentsQuery, variables: { id: input.concernId } }, (data) => {
            const comments = data?.concern?.comments;
            if (!comments || comments.edges.some((edge) => edge.node.id === comment.id)) return data;
            comments.edges.push({ __typename: 'ConcernCommentsConnectionEdge', node: comment } as (typeof comments.edges)[number]);
            comments.totalCount += 1;
            return data;
          });
        }
      },
    },
  },
};
