/**
 * Keeping a concern page current. The server on main has no `board(communityId)` subscription yet, so
 * this returns an empty operation context: the page refreshes when opened (cache-and-network) and after
 * a reconnect. When the subscription lands, this listens to the community's board events and, when
 * one names this concern with a newer version, returns a new context so the page's queries run again.
 */
export function useConcernLive(_communityId: string | null, _concernId: string, _version: number): object {
  return NO_LIVE_CONTEXT;
}

const NO_LIVE_CONTEXT = {};
