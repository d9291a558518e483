// The room's arithmetic and choices, apart from React so they can be tested: the phase timer, what the
// chair's main button does next, which sessions are live, coming or over, and whether counts show.

export type Phase = 'PENDING' | 'PROPOSING' | 'DISCUSSING' | 'VOTING' | 'DECIDED' | 'SKIPPED';
export type SessionStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';

export interface Countdown {
  /** Whole seconds left, rounded up (0 once the time box is used up). */
  remainingSeconds: number;
  /** Seconds past the end of the time box (the timer is advisory: the chair moves on by hand). */
  overtimeSeconds: number;
  /** How much of the time box is used, 0 to 1: for the bar. */
  used: number;
  overtime: boolean;
}

/** The phase's time box at `now` (ms), or null when the phase has none. */
export function countdown(now: number, startedAt: string | null | undefined, endsAt: string | null | undefined): Countdown | null {
  if (!endsAt) return null;
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return null;
  const start = startedAt ? Date.parse(startedAt) : Number.NaN;
  const left = end - now;
  const span = Number.isNaN(start) ? 0 : end - start;
  const used = span > 0 ? Math.min(Math.max((now - start) / span, 0), 1) : left > 0 ? 0 : 1;
  return {
    remainingSeconds: left > 0 ? Math.ceil(left / 1000) : 0,
    overtimeSeconds: left < 0 ? Math.floor(-left / 1000) : 0,
    used,
    overtime: left <= 0,
  };
}

/** "9:05", or "1:02:03" past an hour: a clock face, the same in every language. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** What moving an item on does from each phase: the chair's main button says so. */
export const nextStepOf: Partial<Record<Phase, 'takeUp' | 'discuss' | 'openVote' | 'closeVote'>> = {
  PENDING: 'takeUp',
  PROPOSING: 'discuss',
  DISCUSSING: 'openVote',
  VOTING: 'closeVote',
};

/** Items that may be skipped: a vote under way must be closed instead, so it has a decision. */
export const canSkip = (phase: Phase) => phase === 'PENDING' || phase === 'PROPOSING' || phase === 'DISCUSSING';

/** Phases of an item on the table (any other item waits until it is finished). */
export const inPlay = (phase: Phase) => phase === 'PROPOSING' || phase === 'DISCUSSING' || phase === 'VOTING';

/** The next agenda item to take up, when nothing is in play. */
export function nextPending<Item extends { phase: string; position: number }>(agenda: readonly Item[]): Item | null {
  if (agenda.some((item) => inPlay(item.phase as Phase))) return null;
  return [...agenda].sort((a, b) => a.position - b.position).find((item) => item.phase === 'PENDING') ?? null;
}

export interface SessionSummary {
  status: string;
  scheduledAt: string;
  startedAt?: string | null;
  endedAt?: string | null;
}

/** The community's sessions in three lists: live now, coming (soonest first), over (latest first). */
export function groupSessions<Session extends SessionSummary>(sessions: readonly Session[]) {
  const by = (status: string[]) => sessions.filter((session) => status.includes(session.status));
  const time = (session: Session) => Date.parse(session.endedAt ?? session.startedAt ?? session.scheduledAt);
  return {
    live: by(['LIVE']),
    upcoming: by(['SCHEDULED']).sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt)),
    past: by(['ENDED', 'CANCELLED']).sort((a, b) => time(b) - time(a)),
  };
}

/**
 * How the counts of the item in play show: as bars, or as the promise that they show once the vote
 * closes (a session that hides tallies, while the vote is open, for anyone the server does not show
 * them to), or not at all (no vote yet).
 */
export function tallyDisplay(phase: Phase, talliesHidden: boolean, hasCounts: boolean): 'bars' | 'afterClose' | 'none' {
  if (hasCounts) return 'bars';
  if (phase === 'VOTING' && talliesHidden) return 'afterClose';
  return 'none';
}

/** Voters over those entitled, 0 to 1, for the turnout bar. */
export const turnoutRatio = (voters: number, eligible: number) => (eligible > 0 ? Math.min(voters / eligible, 1) : 0);

export interface HandView {
  handId: string;
  userId: string;
  displayName: string;
  status: 'SPEAKING' | 'WAITING';
}

interface LiveHand {
  handId: string;
  userId: string;
  displayName: string;
  status: string;
}

interface QueriedHand {
  id: string;
  status: string;
  user: { id: string; displayName: string };
}

/**
 * The queue of hands: from the live snapshot once it has come, else from the room's query. Whoever
 * has the floor first, then those waiting in the order they raised their hands.
 */
export function handsView(live: readonly LiveHand[] | null | undefined, queried: readonly QueriedHand[]): HandView[] {
  const hands = live ?? queried.map((hand) => ({ handId: hand.id, userId: hand.user.id, displayName: hand.user.displayName, status: hand.status }));
  const up = hands.filter((hand): hand is LiveHand & { status: HandView['status'] } => hand.status === 'SPEAKING' || hand.status === 'WAITING');
  return [...up.filter((hand) => hand.status === 'SPEAKING'), ...up.filter((hand) => hand.status === 'WAITING')].map(({ handId, userId, displayName, status }) => ({
    handId,
    userId,
    displayName,
    status,
  }));
}

/** The viewer's own hand: speaking, waiting (and where in the queue), or down. */
export function myHand(hands: readonly HandView[], viewerId: string | null): { state: 'floor' } | { state: 'waiting'; place: number } | { state: 'down' } {
  if (!viewerId) return { state: 'down' };
  const mine = hands.find((hand) => hand.userId === viewerId);
  if (!mine) return { state: 'down' };
  if (mine.status === 'SPEAKING') return { state: 'floor' };
  return { state: 'waiting', place: hands.filter((hand) => hand.status === 'WAITING').indexOf(mine) + 1 };
}
