// Seconding a concern: the documents and the optimistic update, shared by the board and the concern page.
import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCacheConfig } from '../api/cache-config.ts';
import { graphql } from '../api/graphql.ts';
import { MutationErrorFields } from '../api/mutation-result.ts';

export const SecondFields = graphql(`
  fragment SecondFields on Concern @_unmask {
    id
    title
    status
    secondCount
    secondedByMe
    canSecond
  }
`);

export const SecondConcernMutation = graphql(
  `
    mutation SecondConcern($concernId: ID!) {
      secondConcern(concernId: $concernId) {
        __typename
        ... on SecondConcernSuccess {
          data {
            id
            secondCount
            secondedByMe
            canSecond
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const WithdrawSecondMutation = graphql(
  `
    mutation WithdrawSecond($concernId: ID!) {
      withdrawSecond(concernId: $concernId) {
        __typename
        ... on WithdrawSecondSuccess {
          data {
            id
            secondCount
            secondedByMe
            canSecond
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

const CachedSecond = graphql(`
  fragment CachedSecond on Concern {
    id
    secondCount
    secondedByMe
    canSecond
  }
`);


interface Cached {
  secondCount?: number;
  secondedByMe?: boolean;
  canSecond?: boolean;
}

function readCached(cache: Cache, concernId: string): Cached | null {
  const key = cache.keyOfEntity({ __typename: 'Concern', id: concernId });
  return key ? (cache.readFragment(CachedSecond, key) as Cached | null) : null;
}

export function optimisticConcern(concernId: string, cached: Cached | null, seconded: boolean) {
  const before = cached?.secondedByMe ?? !seconded;
  const count = cached?.secondCount ?? 0;
  const delta = before === seconded ? 0 : seconded ? 1 : -1;
  return {
    __typename: 'Concern',
    id: concernId,
    secondCount: Math.max(0, count + delta),
    secondedByMe: seconded,
    canSecond: cached?.canSecond ?? true,
  };
}

/**
 * The count and the toggle change at once; the server's answer replaces them (or, on an error, the
 * optimistic layer is dropped and the old state comes back).
 */
export const secondCache: FeatureCacheConfig = {
  optimistic: {
    secondConcern: (args, cache) => {
      const concernId = String(args.concernId);
      const cached = readCached(cache, concernId);
      return { __typename: 'SecondConcernSuccess', data: optimisticConcern(concernId, cached, true) };
    },
    withdrawSecond: (args, cache) => {
      const concernId = String(args.concernId);
      const cached = readCached(cache, concernId);
      return { __typename: 'WithdrawSecondSuccess', data: optimisticConcern(concernId, cached, false) };
    },
  },
};
