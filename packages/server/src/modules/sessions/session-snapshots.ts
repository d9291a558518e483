// What a session room shows, as the full snapshots its subscriptions carry (events/topics.ts), read
// from the database after a commit and published then. Each subscriber's first snapshot is read by the
// same functions, so a late joiner and a long-time listener see the same thing.
import type { AppDeps } from '../../context.js';
import type { Prisma } from '../../db/client.js';
import type { AgendaItemSnapshot, HandsSnapshot, PresenceSnapshot, SessionSnapshot } from '../../events/topics.js';
import { clockVersion } from '../../events/live.js';
import { proposalOrder } from '../proposals/proposals.service.js';
import { tallySnapshot } from '../votes/votes.service.js';

type Deps = Pick<AppDeps, 'db' | 'pubsub' | 'clock'>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The proposals a room shows for an item: all but those withdrawn or merged into another. */
export const roomProposals: Prisma.ProposalWhereInput = { status: { notIn: ['WITHDRAWN', 'MERGED'] } };

/** A presence row not refreshed for this long belongs to a process that died; it is ignored, then swept. */
export const presenceStaleMs = 60_000;

export async function sessionSnapshot(deps: Pick<AppDeps, 'db'>, sessionId: number): Promise<SessionSnapshot | null> {
  const session = await deps.db.liveSession.findUnique({
    where: { id: sessionId },
    include: { items: { orderBy: { position: 'asc' } } },
  });
  if (!session) return null;
  return {
    sessionId: session.id,
    communityId: session.communityId,
    version: session.version,
    status: session.status,
    title: session.title,
    scheduledAt: session.scheduledAt.toISOString(),
    currentItemId: session.currentItemId,
    startedAt: iso(session.startedAt),
    endedAt: iso(session.endedAt),
    rules: {
      quorumPercent: session.quorumPercent,
      thresholdPercent: session.thresholdPercent,
      talliesHidden: session.talliesHidden,
      phaseSeconds: session.phaseSeconds,
      frozenAt: iso(session.rulesFrozenAt),
    },
    agenda: session.items.map((item) => ({
      itemId: item.id,
      concernId: item.concernId,
      position: item.position,
      phase: item.phase,
      phaseStartedAt: iso(item.phaseStartedAt),
      phaseEndsAt: iso(item.phaseEndsAt),
    })),
  };
}

export async function agendaItemSnapshot(deps: Pick<AppDeps, 'db'>, itemId: number): Promise<AgendaItemSnapshot | null> {
  const item = await deps.db.agendaItem.findUnique({
    where: { id: itemId },
    include: {
      session: { select: { communityId: true } },
      concern: { select: { version: true } },
      votingWindow: { select: { id: true } },
    },
  });
  if (!item) return null;
  const [proposals, tally] = await Promise.all([
    deps.db.proposal.findMany({
      where: { concernId: item.concernId, ...roomProposals },
      orderBy: proposalOrder,
      select: { id: true },
    }),
    item.votingWindow ? tallySnapshot(deps, item.votingWindow.id) : null,
  ]);
  return {
    itemId: item.id,
    sessionId: item.sessionId,
    communityId: item.session.communityId,
    concernId: item.concernId,
    version: item.version + item.concern.version,
    position: item.position,
    phase: item.phase,
    phaseStartedAt: iso(item.phaseStartedAt),
    phaseEndsAt: iso(item.phaseEndsAt),
    windowId: item.votingWindow?.id ?? null,
    proposalIds: proposals.map((proposal) => proposal.id),
    tally,
  };
}

/** Who is in the room: distinct members with a fresh presence row. */
export async function presenceSnapshot(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: number): Promise<PresenceSnapshot | null> {
  const session = await deps.db.liveSession.findUnique({ where: { id: sessionId }, select: { communityId: true } });
  if (!session) return null;
  const present = await deps.db.sessionPresence.findMany({
    where: { sessionId, seenAt: { gte: new Date(deps.clock.now().getTime() - presenceStaleMs) } },
    distinct: ['userId'],
    select: { userId: true },
    orderBy: { userId: 'asc' },
  });
  return {
    sessionId,
    communityId: session.communityId,
    version: clockVersion(),
    count: present.length,
    userIds: present.map((row) => row.userId),
  };
}

/** The queue of raised hands: whoever has the floor, then those waiting, first raised first. */
export async function handsSnapshot(deps: Pick<AppDeps, 'db'>, sessionId: number): Promise<HandsSnapshot | null> {
  const session = await deps.db.liveSession.findUnique({ where: { id: sessionId }, select: { communityId: true } });
  if (!session) return null;
  const hands = await deps.db.handRaise.findMany({
    where: { sessionId, status: { in: ['SPEAKING', 'WAITING'] } },
    include: { user: { select: { displayName: true } } },
    orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }],
  });
  const order = (status: string) => (status === 'SPEAKING' ? 0 : 1);
  return {
    sessionId,
    communityId: session.communityId,
    version: clockVersion(),
    hands: hands
      .sort((a, b) => order(a.status) - order(b.status))
      .map((hand) => ({
        handId: hand.id,
        userId: hand.userId,
        displayName: hand.user.displayName,
        status: hand.status,
        raisedAt: hand.raisedAt.toISOString(),
      })),
  };
}

// Publishers: call after the commit. Each reads the committed state and sends it whole.

/** Publishing happens after the commit; a failure there is logged, never turned into a failed command. */
export async function publishAfterCommit(deps: Pick<AppDeps, 'log'>, jobs: (Promise<unknown> | void)[]): Promise<void> {
  const results = await Promise.allSettled(jobs);
  for (const result of results) if (result.status === 'rejected') deps.log.error('publish after commit failed', result.reason);
}

export async function publishSession(deps: Deps, sessionId: number): Promise<void> {
  const snapshot = await sessionSnapshot(deps, sessionId);
  if (snapshot) deps.pubsub.publish('session', sessionId, snapshot);
}

export async function publishAgendaItem(deps: Deps, itemId: number): Promise<void> {
  const snapshot = await agendaItemSnapshot(deps, itemId);
  if (snapshot) deps.pubsub.publish('agendaItem', itemId, snapshot);
}

export async function publishPresence(deps: Deps, sessionId: number): Promise<void> {
  const snapshot = await presenceSnapshot(deps, sessionId);
  if (snapshot) deps.pubsub.publish('presence', sessionId, snapshot);
}

export async function publishHands(deps: Deps, sessionId: number): Promise<void> {
  const snapshot = await handsSnapshot(deps, sessionId);
  if (snapshot) deps.pubsub.publish('hands', sessionId, snapshot);
}
