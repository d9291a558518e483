// Live deliberation sessions: a cadre schedules one with its agenda and rules; its chairs start it,
// move each agenda item through its phases (opening and closing the vote on the way), and end it, which
// writes the minutes. Every command guards its update with the session's version, so two chairs
// clicking at once cannot both move the room.
import type { Context } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { AgendaPhase, ConcernStatus, LiveSessionStatus } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts } from '../notifications/notifications.service.js';
import { afterDecisionRecorded, afterVotingOpened, closeVotingWindowIn, openVotingWindowIn } from '../votes/votes.service.js';
import type { Decision, VotingWindow } from '../votes/votes.service.js';
import { canBeChair, canFollowSessions, canScheduleSession, isChairOf } from './sessions.policy.js';
import { presenceStaleMs, publishAfterCommit, publishAgendaItem, publishHands, publishSession } from './session-snapshots.js';

export interface SessionRulesInput {
  quorumPercent?: number | null;
  thresholdPercent?: number | null;
  talliesHidden?: boolean | null;
  phaseSeconds?: number | null;
}

export interface ScheduleSessionInput {
  communityId: number;
  title: string;
  place?: string | null;
  scheduledAt: Date;
  /** Cadres or admins of the community; the scheduler alone when empty. */
  chairIds?: number[] | null;
  rules?: SessionRulesInput | null;
  /** Concern ids in agenda order. */
  agenda: number[];
}

/** The minutes written when a session ends. Ids are database ids; the API shows them as global ids. */
export interface SessionMinutes {
  decisions: { decisionId: number; concernId: number; title: string; adoptedProposalIds: number[]; quorumMet: boolean }[];
  attendance: number;
  turnout: { voters: number; eligible: number; percent: number };
}

const defaultPhaseSeconds = 600;
/** Concerns that have been answered and await the community's choice. */
const schedulable: readonly ConcernStatus[] = ['ACKNOWLEDGED', 'REOPENED'];
const nextPhase: Partial<Record<AgendaPhase, AgendaPhase>> = {
  PENDING: 'PROPOSING',
  PROPOSING: 'DISCUSSING',
  DISCUSSING: 'VOTING',
  VOTING: 'DECIDED',
};
const inPlay: readonly AgendaPhase[] = ['PROPOSING', 'DISCUSSING', 'VOTING'];
/** Phases an item may be skipped from: skipping a vote would leave it without a decision. */
const skippable: readonly AgendaPhase[] = ['PENDING', 'PROPOSING', 'DISCUSSING'];
const editable: readonly LiveSessionStatus[] = ['SCHEDULED', 'LIVE'];

const sessionWithChairs = { chairs: { select: { userId: true } } } as const;

/** A session the viewer may follow; to anyone else it does not exist. */
export async function followedSession(ctx: Context, sessionId: number) {
  const session = await ctx.db.liveSession.findUnique({ where: { id: sessionId }, include: sessionWithChairs });
  if (!session || !(await canFollowSessions(ctx, session.communityId))) throw new NotFoundError('LiveSession', sessionId);
  return session;
}

/** A session the viewer chairs, with the chair as a signed-in user. */
export async function chairedSession(ctx: Context, sessionId: number) {
  const session = await followedSession(ctx, sessionId);
  const chair = refuseUnlessChair(ctx, session);
  return Object.assign(session, { chair });
}

function refuseUnlessChair(ctx: Context, session: Parameters<typeof isChairOf>[1]) {
  const viewer = requireUser(ctx.viewer);
  if (!isChairOf(viewer, session)) throw new ForbiddenError('CHAIR_REQUIRED', 'Only a chair of this session may do this');
  return viewer;
}

export function requireStatus(session: { status: LiveSessionStatus }, allowed: readonly LiveSessionStatus[]): void {
  if (!allowed.includes(session.status)) throw new InvalidStateError('LiveSession', session.status, [...allowed]);
}

/**
 * Moves the session row on, guarded by the version it was read at; a concurrent change by another
 * chair makes this one fail with the state the session is in now.
 */
async function bumpSession(
  tx: Tx,
  session: { id: number; version: number },
  allowed: readonly LiveSessionStatus[],
  data: Prisma.LiveSessionUncheckedUpdateManyInput = {},
): Promise<void> {
  const moved = await tx.liveSession.updateMany({
    where: { id: session.id, version: session.version, status: { in: [...allowed] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (moved.count === 0) {
    const now = await tx.liveSession.findUniqueOrThrow({ where: { id: session.id }, select: { status: true } });
    throw new InvalidStateError(
      'LiveSession',
      allowed.includes(now.status) ? 'CHANGED_MEANWHILE' : now.status,
      [...allowed],
      allowed.includes(now.status) ? 'Another chair changed the session just now; look again and retry' : undefined,
    );
  }
}

/** Checks an agenda: each concern once, of this community, and answered (or kept from the current agenda). */
async function checkAgenda(db: Tx | Context['db'], communityId: number, concernIds: number[], kept: ReadonlySet<number> = new Set()) {
  const issue = (message: string, code: string) => ValidationError.field(['input', 'agenda'], message, code);
  if (new Set(concernIds).size !== concernIds.length) throw issue('A concern appears twice on the agenda', 'DUPLICATE');
  const concerns = await db.concern.findMany({
    where: { id: { in: concernIds }, communityId },
    select: { id: true, status: true, title: true },
  });
  if (concerns.length !== concernIds.length) throw issue('Every agenda item must be a concern of this community', 'UNKNOWN_CONCERN');
  const unready = concerns.find((concern) => !kept.has(concern.id) && !schedulable.includes(concern.status));
  if (unready) throw issue(`"${unready.title}" is ${unready.status}: only acknowledged or reopened concerns go on an agenda`, 'NOT_SCHEDULABLE');
}

function rulesFrom(input: SessionRulesInput | null | undefined, defaults: { quorumPercent: number; thresholdPercent: number; talliesHidden: boolean; phaseSeconds: number }) {
  return {
    quorumPercent: input?.quorumPercent ?? defaults.quorumPercent,
    thresholdPercent: input?.thresholdPercent ?? defaults.thresholdPercent,
    talliesHidden: input?.talliesHidden ?? defaults.talliesHidden,
    phaseSeconds: input?.phaseSeconds ?? defaults.phaseSeconds,
  };
}

export async function scheduleSession(ctx: Context, input: ScheduleSessionInput) {
  const community = await ctx.db.community.findUnique({ where: { id: input.communityId } });
  if (!community || !(await canFollowSessions(ctx, input.communityId))) throw new NotFoundError('Community', input.communityId);
  if (!canScheduleSession(ctx.viewer, community.id)) throw new ForbiddenError('CADRE_REQUIRED');
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  // A few minutes' grace for a session booked "now" on a slow phone.
  if (input.scheduledAt.getTime() < now.getTime() - 5 * 60_000) {
    throw ValidationError.field(['input', 'scheduledAt'], 'The session cannot be in the past', 'NOT_IN_FUTURE');
  }
  const chairIds = [...new Set(input.chairIds?.length ? input.chairIds : [viewer.userId])];
  const chairs = await ctx.db.membership.findMany({
    where: { communityId: community.id, userId: { in: chairIds }, status: 'ACTIVE' },
    select: { role: true },
  });
  if (chairs.length !== chairIds.length || !chairs.every((chair) => canBeChair(chair.role))) {
    throw ValidationError.field(['input', 'chairIds'], 'Each chair must be a cadre or admin of the community', 'NOT_A_CADRE');
  }
  await checkAgenda(ctx.db, community.id, input.agenda);
  const rules = rulesFrom(input.rules, { ...community, talliesHidden: false, phaseSeconds: defaultPhaseSeconds });

  const { session, notified } = await ctx.db.$transaction(async (tx) => {
    const session = await tx.liveSession.create({
      data: {
        communityId: community.id,
        title: input.title,
        place: input.place ?? '',
        scheduledAt: input.scheduledAt,
        ...rules,
        createdById: viewer.userId,
        createdAt: now,
        chairs: { create: chairIds.map((userId) => ({ userId })) },
        items: { create: input.agenda.map((concernId, index) => ({ concernId, position: index + 1 })) },
      },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId: community.id,
      kind: 'session.scheduled',
      subjectType: 'LiveSession',
      subjectId: session.id,
      data: { scheduledAt: input.scheduledAt.toISOString(), chairIds, agenda: input.agenda, rules },
      at: now,
    });
    const members = await tx.membership.findMany({ where: { communityId: community.id, status: 'ACTIVE' }, select: { userId: true } });
    const notified = await notify(tx, {
      userIds: members.map((member) => member.userId),
      communityId: community.id,
      kind: 'SESSION_SCHEDULED',
      params: { sessionId: session.id, title: input.title, scheduledAt: input.scheduledAt.toISOString() },
      subject: `session:${session.id}`,
      exceptUserId: viewer.userId,
      at: now,
    });
    return { session, notified };
  });
  await publishAfterCommit(ctx, [publishUnreadCounts(ctx, notified)]);
  return session;
}

/** Changes the rules until they freeze, when the session's first vote opens. */
export async function updateSessionRules(ctx: Context, sessionId: number, input: SessionRulesInput) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, editable);
  if (session.rulesFrozenAt) throw new InvalidStateError('LiveSession', 'RULES_FROZEN', [], 'The rules froze when the first vote opened');
  const rules = rulesFrom(input, session);
  const changed = Object.entries(rules).filter(([key, value]) => session[key as keyof typeof rules] !== value);
  if (changed.length === 0) return session;
  await ctx.db.$transaction(async (tx) => {
    // Freezing bumps the version too, so the guard also refuses rules that froze meanwhile.
    await bumpSession(tx, session, editable, rules);
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.rules_changed',
      subjectType: 'LiveSession',
      subjectId: session.id,
      data: Object.fromEntries(changed.map(([key, value]) => [key, { from: session[key as keyof typeof rules], to: value }])),
      at: ctx.clock.now(),
    });
  });
  await publishAfterCommit(ctx, [publishSession(ctx, session.id)]);
  return session;
}

/**
 * Sets the agenda's concerns and order until the rules freeze. Items already under way stay (they may
 * move); pending items left out are dropped.
 */
export async function setSessionAgenda(ctx: Context, sessionId: number, concernIds: number[]) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, editable);
  if (session.rulesFrozenAt) throw new InvalidStateError('LiveSession', 'RULES_FROZEN', [], 'The agenda froze when the first vote opened');
  const items = await ctx.db.agendaItem.findMany({ where: { sessionId } });
  const underway = items.find((item) => item.phase !== 'PENDING' && !concernIds.includes(item.concernId));
  if (underway) {
    throw new InvalidStateError('AgendaItem', underway.phase, ['PENDING'], 'An item already taken up stays on the agenda');
  }
  const byConcern = new Map(items.map((item) => [item.concernId, item]));
  await checkAgenda(ctx.db, session.communityId, concernIds, new Set(byConcern.keys()));
  await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, editable);
    await tx.agendaItem.deleteMany({ where: { sessionId, phase: 'PENDING', concernId: { notIn: concernIds } } });
    // Positions are unique per session: park the kept items out of the way, then number everything.
    const kept = concernIds.filter((concernId) => byConcern.has(concernId));
    for (const [index, concernId] of kept.entries()) {
      await tx.agendaItem.update({ where: { id: byConcern.get(concernId)!.id }, data: { position: -(index + 1) } });
    }
    for (const [index, concernId] of concernIds.entries()) {
      const item = byConcern.get(concernId);
      if (item) await tx.agendaItem.update({ where: { id: item.id }, data: { position: index + 1, version: { increment: 1 } } });
      else await tx.agendaItem.create({ data: { sessionId, concernId, position: index + 1 } });
    }
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.agenda_changed',
      subjectType: 'LiveSession',
      subjectId: session.id,
      data: { agenda: concernIds },
      at: ctx.clock.now(),
    });
  });
  await publishAfterCommit(ctx, [publishSession(ctx, session.id)]);
  return session;
}

export async function cancelSession(ctx: Context, sessionId: number) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, ['SCHEDULED']);
  await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, ['SCHEDULED'], { status: 'CANCELLED' });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.cancelled',
      subjectType: 'LiveSession',
      subjectId: session.id,
      at: ctx.clock.now(),
    });
  });
  await publishAfterCommit(ctx, [publishSession(ctx, session.id)]);
  return session;
}

/** Opens the room: whoever is already waiting in it is counted as attending. */
export async function startSession(ctx: Context, sessionId: number) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, ['SCHEDULED']);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, ['SCHEDULED'], { status: 'LIVE', startedAt: now });
    const present = await tx.sessionPresence.findMany({
      where: { sessionId, seenAt: { gte: new Date(now.getTime() - presenceStaleMs) } },
      distinct: ['userId'],
      select: { userId: true },
    });
    await tx.attendance.createMany({ data: present.map(({ userId }) => ({ sessionId, userId, firstJoinedAt: now })) });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.started',
      subjectType: 'LiveSession',
      subjectId: session.id,
      at: now,
    });
  });
  await publishAfterCommit(ctx, [publishSession(ctx, session.id)]);
  return session;
}

/**
 * Ends the session and writes its minutes. A vote still open must be closed first (its item moved on to
 * DECIDED); items never taken up are marked skipped, and raised hands are put down.
 */
export async function endSession(ctx: Context, sessionId: number) {
  const session = await chairedSession(ctx, sessionId);
  requireStatus(session, ['LIVE']);
  const items = await ctx.db.agendaItem.findMany({ where: { sessionId }, select: { id: true, phase: true } });
  if (items.some((item) => item.phase === 'VOTING')) {
    throw new InvalidStateError('AgendaItem', 'VOTING', ['DECIDED', 'SKIPPED'], 'Close the open vote before ending the session');
  }
  const unfinished = items.filter((item) => skippable.includes(item.phase)).map((item) => item.id);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, ['LIVE'], { status: 'ENDED', endedAt: now, currentItemId: null });
    await tx.agendaItem.updateMany({
      where: { id: { in: unfinished } },
      data: { phase: 'SKIPPED', phaseStartedAt: now, phaseEndsAt: null, version: { increment: 1 } },
    });
    await tx.handRaise.updateMany({ where: { sessionId, status: { in: ['WAITING', 'SPEAKING'] } }, data: { status: 'DONE', doneAt: now } });
    const minutes = await minutesOf(tx, session.id, session.communityId);
    await tx.liveSession.update({ where: { id: session.id }, data: { minutes: minutes as unknown as Prisma.InputJsonObject } });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.ended',
      subjectType: 'LiveSession',
      subjectId: session.id,
      data: { decisions: minutes.decisions.length, attendance: minutes.attendance },
      at: now,
    });
  });
  await publishAfterCommit(ctx, [
    publishSession(ctx, session.id),
    publishHands(ctx, session.id),
    ...unfinished.map((itemId) => publishAgendaItem(ctx, itemId)),
  ]);
  return session;
}

interface FrozenTallyLine {
  proposalId: number;
  adopted?: boolean;
}

/** What the session decided, who came, and how many of those who could vote did. */
async function minutesOf(tx: Tx, sessionId: number, communityId: number): Promise<SessionMinutes> {
  const [decisions, attendance, windows] = await Promise.all([
    tx.decision.findMany({ where: { sessionId }, include: { concern: { select: { title: true } } }, orderBy: { id: 'asc' } }),
    tx.attendance.count({ where: { sessionId } }),
    tx.votingWindow.findMany({ where: { agendaItem: { sessionId } }, select: { id: true, eligibleCount: true } }),
  ]);
  // Counting distinct voters says nothing about anyone's choice.
  const voters = windows.length
    ? (await tx.vote.findMany({ where: { windowId: { in: windows.map((w) => w.id) } }, distinct: ['voterId'], select: { voterId: true } })).length
    : 0;
  const eligible = windows.length
    ? Math.max(...windows.map((w) => w.eligibleCount))
    : await tx.membership.count({ where: { communityId, status: 'ACTIVE' } });
  return {
    decisions: decisions.map((decision) => ({
      decisionId: decision.id,
      concernId: decision.concernId,
      title: decision.concern.title,
      adoptedProposalIds: (Array.isArray(decision.tally) ? (decision.tally as unknown as FrozenTallyLine[]) : [])
        .filter((line) => line.adopted)
        .map((line) => line.proposalId),
      quorumMet: decision.quorumMet,
    })),
    attendance,
    turnout: { voters, eligible, percent: eligible ? Math.round((voters * 100) / eligible) : 0 },
  };
}

/** An agenda item whose session the viewer may follow; to anyone else it does not exist. */
async function followedItem(ctx: Context, itemId: number) {
  const item = await ctx.db.agendaItem.findUnique({
    where: { id: itemId },
    include: {
      session: { include: { ...sessionWithChairs, items: { select: { id: true, phase: true } } } },
      concern: { select: { id: true, status: true, title: true } },
    },
  });
  if (!item || !(await canFollowSessions(ctx, item.session.communityId))) throw new NotFoundError('AgendaItem', itemId);
  return item;
}

/** An agenda item of a live session the viewer chairs. */
export async function chairedLiveItem(ctx: Context, itemId: number) {
  const item = await followedItem(ctx, itemId);
  refuseUnlessChair(ctx, item.session);
  requireStatus(item.session, ['LIVE']);
  return item;
}

/**
 * Moves an agenda item to its next phase. Entering VOTING opens the concern's voting window with the
 * session's rules (which freeze then); leaving it closes the window and records the decision, all in
 * the same transaction. The phase timer is advisory: the chair moves on by hand.
 */
export async function advanceAgendaItem(ctx: Context, itemId: number) {
  const item = await followedItem(ctx, itemId);
  const { session } = item;
  refuseUnlessChair(ctx, session);
  requireStatus(session, ['LIVE']);
  const to = nextPhase[item.phase];
  if (!to) throw new InvalidStateError('AgendaItem', item.phase, Object.keys(nextPhase));
  if (item.phase === 'PENDING') {
    if (session.items.some((other) => other.id !== item.id && inPlay.includes(other.phase))) {
      throw new InvalidStateError('LiveSession', 'ITEM_IN_PLAY', [], 'Finish or skip the item in play first');
    }
    if (!schedulable.includes(item.concern.status)) throw new InvalidStateError('Concern', item.concern.status, [...schedulable]);
  }
  const now = ctx.clock.now();
  const { opened, decided } = await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, ['LIVE'], {
      currentItemId: item.id,
      ...(to === 'VOTING' && !session.rulesFrozenAt ? { rulesFrozenAt: now } : {}),
    });
    await tx.agendaItem.update({
      where: { id: item.id },
      data: {
        phase: to,
        phaseStartedAt: now,
        phaseEndsAt: inPlay.includes(to) ? new Date(now.getTime() + session.phaseSeconds * 1000) : null,
        version: { increment: 1 },
      },
    });
    let opened: VotingWindow | undefined;
    let decided: Decision | undefined;
    if (to === 'VOTING') {
      opened = await openVotingWindowIn(tx, ctx, {
        concernId: item.concernId,
        rules: { quorumPercent: session.quorumPercent, thresholdPercent: session.thresholdPercent, talliesHidden: session.talliesHidden },
        agendaItemId: item.id,
      });
    } else if (to === 'DECIDED') {
      const window = await tx.votingWindow.findUniqueOrThrow({ where: { agendaItemId: item.id }, select: { id: true } });
      decided = await closeVotingWindowIn(tx, ctx, window.id, { sessionId: session.id });
    }
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.item_phase_changed',
      subjectType: 'AgendaItem',
      subjectId: item.id,
      concernId: item.concernId,
      data: {
        sessionId: session.id,
        from: item.phase,
        to,
        ...(opened ? { windowId: opened.id } : {}),
        ...(decided ? { windowId: decided.windowId, decisionId: decided.id } : {}),
      },
      at: now,
    });
    return { opened, decided };
  });
  await publishAfterCommit(ctx, [
    publishAgendaItem(ctx, item.id),
    publishSession(ctx, session.id),
    // The votes module's own after-commit work: the board, the tally, the bells of those notified.
    opened ? afterVotingOpened(ctx, opened) : undefined,
    decided ? afterDecisionRecorded(ctx, decided) : undefined,
  ]);
  return item;
}

/** Passes over an item not yet put to the vote; the concern stays as it was, free for another session. */
export async function skipAgendaItem(ctx: Context, itemId: number) {
  const item = await followedItem(ctx, itemId);
  const { session } = item;
  refuseUnlessChair(ctx, session);
  requireStatus(session, editable);
  if (!skippable.includes(item.phase)) throw new InvalidStateError('AgendaItem', item.phase, [...skippable]);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await bumpSession(tx, session, editable, session.currentItemId === item.id ? { currentItemId: null } : {});
    await tx.agendaItem.update({
      where: { id: item.id },
      data: { phase: 'SKIPPED', phaseStartedAt: now, phaseEndsAt: null, version: { increment: 1 } },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId: session.communityId,
      kind: 'session.item_phase_changed',
      subjectType: 'AgendaItem',
      subjectId: item.id,
      concernId: item.concernId,
      data: { sessionId: session.id, from: item.phase, to: 'SKIPPED' },
      at: now,
    });
  });
  await publishAfterCommit(ctx, [publishAgendaItem(ctx, item.id), publishSession(ctx, session.id)]);
  return item;
}
