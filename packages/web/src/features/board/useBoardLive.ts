/**
 * Live board updates. The server has no `board(communityId)` subscription on main yet, so the board
 * refreshes the way every query does: when the page is opened again, and after a reconnect.
 */
export function useBoardLive(_communityId: string): void {}
