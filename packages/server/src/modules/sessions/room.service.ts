// Being in the room: presence (who is here now), attendance (who came, for the minutes), raised hands
// and the floor, and the chair's mutes.
import type { AppDeps, Context } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { ScheduledJob } from '../../scheduler/scheduler.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, isUniqueViolation } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { isMember } from '../members/members.policy.js';
import { canTakePart } from './sessions.policy.js';
import { activeMute } from './session-mutes.js';
import { chairedLiveItem, chairedSession, followedSession, requireStatus } from './sessions.service.js';
import { hideProposal, mergeProposals, pinProposal } from '../proposals/proposals.service.js';
import { liveSnapshots } from '../../events/live.js';
import {
  agendaItemSnapshot,
  handsSnapshot,
  presenceSnapshot,
  presenceStaleMs,
  publishAfterCommit,
  publishHands,
  publishPresence,
  sessionSnapshot,
} from './session-snapshots.js';

// ───────────────────────────── presence ─────────────────────────────

/** How often a process marks its connections' presence rows as fresh; well inside presenceStaleMs. */
export const presenceRefreshMs = 20_000;

/**
 * The presence rows this process holds, one per WebSocket connection in a room, refreshed together on
 * one timer. A connection in two rooms at once is counted in the last one it entered.
 */
class PresenceKeeper {
  private readonly held = new Map<string, { sessionId: number; subscriptions: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'clock' | 'log'>) {}

  hold(connectionId: string, sessionId: number): void {
    const entry = this.held.get(connectionId);
    if (entry?.sessionId === sessionId) entry.subscriptions += 1;
    else this.held.set(connectionId, { sessionId, subscriptions: 1 });
    this.timer ??= setInterval(() => void this.refresh(), presenceRefreshMs).unref();
  }

  /** Whether that was the connection's last subscription to the room, so its row should go. */
  release(connectionId: string, sessionId: number): boolean {
    const entry = this.held.get(connectionId);
    if (!entry || entry.sessionId !== sessionId) return false;
    entry.subscriptions -= 1;
    if (entry.subscriptions > 0) return false;
    this.held.delete(connectionId);
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    return true;
  }

  /** Marks every row this process holds as seen now. */
  async refresh(): Promise<void> {
    try {
      await this.deps.db.sessionPresence.updateMany({
        where: { connectionId: { in: [...this.held.keys()] } },
        data: { seenAt: this.deps.clock.now() },
      });
    } catch (error) {
      this.deps.log.error('presence refresh failed', error);
    }
  }
}

// One keeper per database client: a test process may run several apps side by side.
const keepers = new WeakMap<Db, PresenceKeeper>();
export const keeperOf = (deps: Pick<AppDeps, 'db' | 'clock' | 'log'>) => {
  let keeper = keepers.get(deps.db);
  if (!keeper) keepers.set(deps.db, (keeper = new PresenceKeeper(deps)));
  return keeper;
};

/**
 * A member's room subscription over a WebSocket enters the room: a presence row for the connection and,
 * once the session is live, an attendance row for the member. Returns how to leave, or null for
 * callers who are not counted (API tokens, requests without a connection).
 */
export async function enterRoom(
  ctx: Context,
  session: { id: number; communityId: number; status: string },
): Promise<(() => Promise<void>) | null> {
  const { connectionId, viewer } = ctx;
  if (!connectionId || viewer.kind !== 'user' || !isMember(viewer, session.communityId)) return null;
  // Reading an ended (or cancelled) session back is not being in its room.
  if (session.status !== 'SCHEDULED' && session.status !== 'LIVE') return null;
  const now = ctx.clock.now();
  const row = { sessionId: session.id, userId: viewer.userId, joinedAt: now, seenAt: now };
  // Two subscriptions of one connection (or two devices of one member) may enter at the same moment and
  // race for the same row: the loser of the insert finds the row there, which is all it wanted.
  await ctx.db.sessionPresence.create({ data: { connectionId, ...row } }).catch(async (error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    await ctx.db.sessionPresence.update({ where: { connectionId }, data: row });
  });
  if (session.status === 'LIVE') {
    await ctx.db.attendance.create({ data: { sessionId: session.id, userId: viewer.userId, firstJoinedAt: now } }).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
  }
  const keeper = keeperOf(ctx);
  keeper.hold(connectionId, session.id);
  await publishPresence(ctx, session.id);
  return async () => {
    if (!keeper.release(connectionId, session.id)) return;
    await ctx.db.sessionPresence.deleteMany({ where: { connectionId, sessionId: session.id } });
    await publishPresence(ctx, session.id);
  };
}

/**
 * Removes presence rows of processes that stopped refreshing them (a crash, a lost network), and tells
 * their rooms. Any process may run it, and running it twice does no harm: no fireOnce needed.
 */
export async function sweepStalePresence(deps: AppDeps): Promise<number> {
  const staleBefore = new Date(deps.clock.now().getTime() - presenceStaleMs);
  const stale = await deps.db.sessionPresence.findMany({ where: { seenAt: { lt: staleBefore } }, distinct: ['sessionId'], select: { sessionId: true } });
  if (stale.length === 0) return 0;
  const { count } = await deps.db.sessionPresence.deleteMany({ where: { seenAt: { lt: staleBefore } } });
  await Promise.all(stale.map(({ sessionId }) => publishPresence(deps, sessionId)));
  return count;
}

export const presenceSweepJob: ScheduledJob = { name: 'sweep-stale-presence', run: sweepStalePresence };

// ───────────────────────────── mutes ─────────────────────────────

/** A chair mutes a member for this session: no raised hand, no proposal here. Their raised hand goes down. */
export async function muteMember(ctx: Context, sessionId: number, userId: number, reason: string) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, ['SCHEDULED', 'LIVE']);
  if (session.chairs.some((chair) => chair.userId === userId)) {
    throw ValidationError.field(['userId'], 'A chair of the session cannot be muted', 'IS_CHAIR');
  }
  const membership = await ctx.db.membership.findUnique({ where: { userId_communityId: { userId, communityId: session.communityId } } });
  if (!membership) throw new NotFoundError('Membership', userId);
  const existing = await activeMute(ctx.db, sessionId, userId);
  if (existing) return existing;
  const now = ctx.clock.now();
  const mute = await ctx.db.$transaction(async (tx) => {
    const mute = await tx.sessionMute.create({ data: { sessionId, userId, mutedById: session.chair.userId, reason, createdAt: now } });
    await tx.handRaise.updateMany({ where: { sessionId, userId, status: { in: ['WAITING', 'SPEAKING'] } }, data: { status: 'WITHDRAWN', doneAt: now } });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.member_muted',
      subjectType: 'LiveSession',
      subjectId: sessionId,
      data: { userId, reason },
      at: now,
    });
    return mute;
  });
  await publishAfterCommit(ctx, [publishHands(ctx, sessionId)]);
  return mute;
}

export async function unmuteMember(ctx: Context, sessionId: number, userId: number) {
  const session = await chairedSession(ctx, sessionId);
  const mute = await activeMute(ctx.db, sessionId, userId);
  if (!mute) throw new NotFoundError('SessionMute', userId);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const lifted = await tx.sessionMute.update({ where: { id: mute.id }, data: { liftedAt: now } });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.member_unmuted',
      subjectType: 'LiveSession',
      subjectId: sessionId,
      data: { userId },
      at: now,
    });
    return lifted;
  });
}

// ───────────────────────────── moderating the proposals on the table ─────────────────────────────

/**
 * The chair's hand on the proposals of the item in play. The proposals service does the work and
 * audits it; its board event makes every room subscriber re-read the item, so the room sees it at once.
 */
async function itemProposal(ctx: Context, itemId: number, proposalIds: number[]) {
  const item = await chairedLiveItem(ctx, itemId);
  const proposals = await ctx.db.proposal.count({ where: { id: { in: proposalIds }, concernId: item.concernId } });
  if (proposals !== new Set(proposalIds).size) throw ValidationError.field(['proposalId'], 'Not a proposal of this agenda item', 'OTHER_CONCERN');
}

export async function hideProposalInSession(ctx: Context, itemId: number, proposalId: number, reason: string) {
  await itemProposal(ctx, itemId, [proposalId]);
  return hideProposal(ctx, proposalId, reason);
}

export async function mergeProposalsInSession(ctx: Context, itemId: number, proposalId: number, intoProposalId: number) {
  await itemProposal(ctx, itemId, [proposalId, intoProposalId]);
  return mergeProposals(ctx, proposalId, intoProposalId);
}

export async function pinProposalInSession(ctx: Context, itemId: number, proposalId: number, pinned: boolean) {
  await itemProposal(ctx, itemId, [proposalId]);
  return pinProposal(ctx, proposalId, pinned);
}

// ───────────────────────────── hands and the floor ─────────────────────────────

/** A member asks to speak. One hand at a time; a muted member cannot. */
export async function raiseHand(ctx: Context, sessionId: number) {
  const session = await followedSession(ctx, sessionId);
  const viewer = requireUser(ctx.viewer);
  if (!isMember(viewer, session.communityId)) throw new ForbiddenError('NOT_A_MEMBER');
  const muted = (await activeMute(ctx.db, sessionId, viewer.userId)) !== null;
  if (!canTakePart(viewer, session.communityId, muted)) throw new ForbiddenError('MUTED', 'The chair has muted you in this session');
  requireStatus(session, ['LIVE']);
  const raised = await ctx.db.handRaise.findFirst({ where: { sessionId, userId: viewer.userId, status: { in: ['WAITING', 'SPEAKING'] } } });
  if (raised) throw new InvalidStateError('HandRaise', raised.status, ['DONE', 'WITHDRAWN'], 'Your hand is already up');
  const hand = await ctx.db.handRaise.create({ data: { sessionId, userId: viewer.userId, raisedAt: ctx.clock.now() } });
  await publishAfterCommit(ctx, [publishHands(ctx, sessionId)]);
  return hand;
}

/** A member puts their waiting hand down. */
export async function lowerHand(ctx: Context, sessionId: number) {
  const session = await followedSession(ctx, sessionId);
  const viewer = requireUser(ctx.viewer);
  const hand = await ctx.db.handRaise.findFirst({ where: { sessionId: session.id, userId: viewer.userId, status: 'WAITING' } });
  if (!hand) throw new NotFoundError('HandRaise');
  const lowered = await ctx.db.handRaise.update({ where: { id: hand.id }, data: { status: 'WITHDRAWN', doneAt: ctx.clock.now() } });
  await publishAfterCommit(ctx, [publishHands(ctx, sessionId)]);
  return lowered;
}

/** The chair gives the floor to a waiting hand; whoever was speaking is done. */
export async function giveFloor(ctx: Context, handId: number) {
  const hand = await ctx.db.handRaise.findUnique({ where: { id: handId } });
  if (!hand) throw new NotFoundError('HandRaise', handId);
  const session = await chairedSession(ctx, hand.sessionId);
  requireStatus(session, ['LIVE']);
  if (hand.status !== 'WAITING') throw new InvalidStateError('HandRaise', hand.status, ['WAITING']);
  const now = ctx.clock.now();
  const speaking = await ctx.db.$transaction(async (tx) => {
    await tx.handRaise.updateMany({ where: { sessionId: session.id, status: 'SPEAKING' }, data: { status: 'DONE', doneAt: now } });
    const taken = await tx.handRaise.updateMany({ where: { id: handId, status: 'WAITING' }, data: { status: 'SPEAKING', floorAt: now } });
    if (taken.count === 0) throw new InvalidStateError('HandRaise', 'CHANGED_MEANWHILE', ['WAITING']);
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.floor_given',
      subjectType: 'HandRaise',
      subjectId: handId,
      data: { sessionId: session.id, userId: hand.userId },
      at: now,
    });
    return tx.handRaise.findUniqueOrThrow({ where: { id: handId } });
  });
  await publishAfterCommit(ctx, [publishHands(ctx, session.id)]);
  return speaking;
}

/** The chair ends the current speaker's turn. */
export async function finishFloor(ctx: Context, sessionId: number) {
  const session = await chairedSession(ctx, sessionId);
  const hand = await ctx.db.handRaise.findFirst({ where: { sessionId, status: 'SPEAKING' } });
  if (!hand) throw new InvalidStateError('HandRaise', 'NOBODY_SPEAKING', ['SPEAKING'], 'Nobody has the floor');
  const now = ctx.clock.now();
  const done = await ctx.db.$transaction(async (tx) => {
    const done = await tx.handRaise.update({ where: { id: hand.id }, data: { status: 'DONE', doneAt: now } });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.floor_finished',
      subjectType: 'HandRaise',
      subjectId: hand.id,
      data: { sessionId, userId: hand.userId },
      at: now,
    });
    return done;
  });
  await publishAfterCommit(ctx, [publishHands(ctx, sessionId)]);
  return done;
}

// ───────────────────────────── what the room's subscriptions yield ─────────────────────────────

/** The room itself. A member subscribed here over a WebSocket is present (and, once live, attending). */
export function sessionSnapshots(ctx: Context, sessionId: number) {
  let leave: (() => Promise<void>) | null = null;
  return liveSnapshots(ctx.pubsub, 'session', sessionId, () => sessionSnapshot(ctx, sessionId), {
    enter: async () => {
      const session = await ctx.db.liveSession.findUniqueOrThrow({ where: { id: sessionId }, select: { id: true, communityId: true, status: true } });
      leave = await enterRoom(ctx, session);
    },
    leave: async () => {
      await leave?.();
    },
  });
}

/**
 * One agenda item. Besides its own events, a change to its concern on the board (a proposal added,
 * hidden, merged or pinned by the proposals module) re-reads it, so the room sees new proposals live.
 */
export async function agendaItemSnapshots(ctx: Context, itemId: number) {
  const item = await ctx.db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { concernId: true, session: { select: { communityId: true } } } });
  return liveSnapshots(ctx.pubsub, 'agendaItem', itemId, () => agendaItemSnapshot(ctx, itemId), {
    alsoOn: { topic: 'board', id: item.session.communityId, matches: (change) => change.concernId === item.concernId },
  });
}

export function presenceSnapshots(ctx: Context, sessionId: number) {
  return liveSnapshots(ctx.pubsub, 'presence', sessionId, () => presenceSnapshot(ctx, sessionId));
}

export function handsSnapshots(ctx: Context, sessionId: number) {
  return liveSnapshots(ctx.pubsub, 'hands', sessionId, () => handsSnapshot(ctx, sessionId));
}
