import { useEffect, useMemo, useRef, useState } from 'react';
import { BoardChangesSubscription } from './board.documents.ts';
import { useMemberSubscription } from '../../shared/api/useMemberSubscription.ts';

/** Changes arriving close together are read back once. */
const SETTLE_MS = 800;

/**
 * Live board: listens to `board(communityId)` and, a moment after changes stop arriving, returns a new
 * operation context so the board's queries run again (events carry only the concern and its version;
 * the snapshot is read back). After a reconnect every query re-runs anyway (shared/api/resync-exchange.ts).
 */
export function useBoardLive(communityId: string): object {
  const [generation, setGeneration] = useState(0);
  const [{ data }] = useMemberSubscription({ query: BoardChangesSubscription, variables: { communityId } });
  const timer = useRef<number | undefined>(undefined);
  const change = data?.board;
  useEffect(() => {
    if (!change) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setGeneration((value) => value + 1), SETTLE_MS);
    return () => window.clearTimeout(timer.current);
  }, [change]);
  return useMemo(() => (generation ? { liveGeneration: generation, requestPolicy: 'network-only' as const } : {}), [generation]);
}
