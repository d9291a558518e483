import { useMemo, useState } from 'react';
import { graphql } from '../../shared/api/graphql.ts';
import { useMemberSubscription } from '../../shared/api/useMemberSubscription.ts';

const ConcernChangesSubscription = graphql(`
  subscription ConcernChanges($communityId: ID!) {
    board(communityId: $communityId) {
      concernId
      version
    }
  }
`);

/**
 * Keeps a concern page current: the community's board events say which concern changed and its new
 * version; when it is this concern and newer than what is shown, the page's queries run again (their
 * context changes). The cadre's answer, a new proposal or the decision then appear without a reload.
 */
export function useConcernLive(communityId: string | null, concernId: string, version: number): object {
  const [seen, setSeen] = useState(version);
  const [{ data }] = useMemberSubscription({ query: ConcernChangesSubscription, variables: { communityId: communityId ?? '' }, pause: !communityId });
  const change = data?.board;
  const newer = change && change.concernId === concernId && change.version > Math.max(seen, version) ? change.version : null;
  if (newer !== null) setSeen(newer);
  const generation = Math.max(seen, newer ?? 0);
  return useMemo(() => (generation > version ? { liveVersion: generation, requestPolicy: 'network-only' as const } : {}), [generation, version]);
}
