// Every live event, and the snapshot it carries. Events are full snapshots with a version, never deltas:
// a client that missed some loses nothing, and one that sees an older version than it holds drops it.
// Payloads cross Redis as JSON, so dates are ISO strings.

import type { AgendaPhase, LiveSessionStatus, ConcernStatus, HandStatus } from '../generated/sqlite/enums.js';

export interface TallyLine {
  proposalId: number;
  support: number;
  oppose: number;
  abstain: number;
}

/** The running count of one voting window. Residents do not receive the lines while tallies are hidden. */
export interface TallySnapshot {
  windowId: number;
  concernId: number;
  communityId: number;
  /** The concern's version, bumped by each publish in the transaction that reads the counts (votes.service.ts). */
  version: number;
  closed: boolean;
  talliesHidden: boolean;
  voterCount: number;
  eligibleCount: number;
  quorumCount: number;
  lines: TallyLine[];
}

/** A session's rules; frozen (frozenAt) when its first vote opens. */
export interface SessionRulesSnapshot {
  quorumPercent: number;
  thresholdPercent: number;
  talliesHidden: boolean;
  phaseSeconds: number;
  frozenAt: string | null;
}

/** One line of the agenda as the room shows it. */
export interface AgendaLine {
  itemId: number;
  concernId: number;
  position: number;
  phase: AgendaPhase;
  phaseStartedAt: string | null;
  phaseEndsAt: string | null;
}

export interface SessionSnapshot {
  sessionId: number;
  communityId: number;
  version: number;
  status: LiveSessionStatus;
  title: string;
  scheduledAt: string;
  currentItemId: number | null;
  startedAt: string | null;
  endedAt: string | null;
  rules: SessionRulesSnapshot;
  /** The whole agenda in order, so a phase change anywhere shows without another query. */
  agenda: AgendaLine[];
}

export interface AgendaItemSnapshot {
  itemId: number;
  sessionId: number;
  communityId: number;
  concernId: number;
  /** The item's version plus its concern's: it grows when the phase moves or the proposals change. */
  version: number;
  position: number;
  phase: AgendaPhase;
  phaseStartedAt: string | null;
  phaseEndsAt: string | null;
  windowId: number | null;
  /** Ids of the proposals shown in the room, pinned first. */
  proposalIds: number[];
  /** The window's tally when the snapshot was taken; live counts come on the `tally` topic. */
  tally: TallySnapshot | null;
}

export interface PresenceSnapshot {
  sessionId: number;
  communityId: number;
  version: number;
  count: number;
  /** Only cadres may read who is present. */
  userIds: number[];
}

export interface HandsSnapshot {
  sessionId: number;
  communityId: number;
  version: number;
  hands: { handId: number; userId: number; displayName: string; status: HandStatus; raisedAt: string }[];
}

/** What waits for a moderator in a community: hidden-worthy proposals and comments, new concerns. */
export interface ModerationSnapshot {
  communityId: number;
  version: number;
  pendingConcernIds: number[];
  overdueConcernIds: number[];
}

export interface NotificationSnapshot {
  userId: number;
  version: number;
  unreadCount: number;
  latestId: number | null;
}

export interface BoardChange {
  communityId: number;
  concernId: number;
  version: number;
  status: ConcernStatus;
}

/** Topic name -> [id the subscriber filters on, payload]. */
export type Topics = {
  tally: [windowId: number, payload: TallySnapshot];
  session: [sessionId: number, payload: SessionSnapshot];
  agendaItem: [itemId: number, payload: AgendaItemSnapshot];
  presence: [sessionId: number, payload: PresenceSnapshot];
  hands: [sessionId: number, payload: HandsSnapshot];
  moderation: [communityId: number, payload: ModerationSnapshot];
  notifications: [userId: number, payload: NotificationSnapshot];
  board: [communityId: number, payload: BoardChange];
};
