// Votes in the normalized cache, shared by every screen that shows a ballot (the concern page, the
// live room): keys that let a live tally snapshot update the proposals it counts, and the optimistic
// vote. Registered once in src/app/instances.ts.
import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCacheConfig } from '../api/cache-config.ts';
import { graphql } from '../api/graphql.ts';

export type Choice = 'SUPPORT' | 'OPPOSE' | 'ABSTAIN';

export interface TallyCounts {
  proposalId: string;
  support: number;
  oppose: number;
  abstain: number;
}

const FIELD: Record<Choice, 'support' | 'oppose' | 'abstain'> = { SUPPORT: 'support', OPPOSE: 'oppose', ABSTAIN: 'abstain' };

/** The tally after the viewer's vote moves from `before` to `after` (null: no vote). */
export function movedTally(tally: TallyCounts, before: Choice | null, after: Choice | null): TallyCounts {
  if (before === after) return tally;
  const next = { ...tally };
  if (before) next[FIELD[before]] = Math.max(0, next[FIELD[before]] - 1);
  if (after) next[FIELD[after]] += 1;
  return next;
}

const CachedVote = graphql(`
  fragment CachedVote on Proposal {
    id
    myVote
    tally {
      proposalId
      support
      oppose
      abstain
    }
  }
`);

interface Cached {
  myVote?: Choice | null;
  tally?: TallyCounts | null;
}

function optimisticProposal(cache: Cache, proposalId: string, after: Choice | null) {
  const key = cache.keyOfEntity({ __typename: 'Proposal', id: proposalId });
  const cached = (key ? cache.readFragment(CachedVote, key) : null) as Cached | null;
  const before = cached?.myVote ?? null;
  const tally = cached?.tally ? { __typename: 'TallyLine', ...movedTally(cached.tally, before, after) } : null;
  return { __typename: 'Proposal', id: proposalId, myVote: after, tally };
}

export const votesCache: FeatureCacheConfig = {
  keys: {
    // One running count per voting window, and one line per proposal (a proposal is on one ballot):
    // a snapshot from the `tally` subscription then updates every proposal it counts.
    TallySnapshot: (data) => (typeof data.windowId === 'string' ? data.windowId : null),
    TallyLine: (data) => (typeof data.proposalId === 'string' ? data.proposalId : null),
  },
  optimistic: {
    castVote: (args, cache) => ({
      __typename: 'CastVoteSuccess',
      data: optimisticProposal(cache, String(args.proposalId), args.choice as Choice),
    }),
    retractVote: (args, cache) => ({
      __typename: 'RetractVoteSuccess',
      data: optimisticProposal(cache, String(args.proposalId), null),
    }),
  },
};
