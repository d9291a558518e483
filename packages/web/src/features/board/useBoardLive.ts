/**
 * Live board updates. The server on main has no `board(communityId)` subscription yet, so this returns
 * an empty operation context and the board refreshes as every query does: when the page is opened
 * (cache-and-network), and after a reconnect (shared/api/resync-exchange.ts). When the subscription
 * lands, this listens to it and returns a new context (with `network-only`) after changes settle.
 */
export function useBoardLive(_communityId: string): object {
  return NO_LIVE_CONTEXT;
}

const NO_LIVE_CONTEXT = {};
