// Voting: a window with rules frozen at opening, one secret vote per member and proposal, running
// tallies as counts, and on close an immutable decision.
//
// The ballot is secret. Nothing here returns, logs, audits or publishes another member's choice:
// tallies are COUNT(*) by choice, and a member reads back only their own vote (Proposal.myVote).
// Casting a vote writes no audit row either: who voted when is nobody's business.
import { z } from 'zod';
import type { AppDeps, Context } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { Prisma, type Decision, type Proposal, type VotingWindow } from '../../generated/sqlite/client.js';
import type { VoteChoice } from '../../generated/sqlite/enums.js';
import type { TallyLine, TallySnapshot } from '../../events/topics.js';
import { liveSnapshots } from '../../events/live.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, isUniqueViolation } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { moveConcern } from '../concerns/concern-lifecycle.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts } from '../notifications/notifications.service.js';
import { publishBoardChange } from '../concerns/concerns.service.js';
import { proposalOrder } from '../proposals/proposals.service.js';
import { canCloseVoting, canOpenVoting, canVote } from './votes.policy.js';

export interface VotingRules {
  quorumPercent: number;
  thresholdPercent: number;
  talliesHidden: boolean;
}

/** The bounds of the rules, for the GraphQL input and for callers of the service alike. */
export const votingRulesSchema = z.object({
  quorumPercent: z.number().int().min(0, 'At least 0').max(100, 'At most 100'),
  thresholdPercent: z.number().int().min(50, 'At least 50').max(100, 'At most 100'),
  talliesHidden: z.boolean(),
});

export interface OpenVotingInput {
  concernId: number;
  /** Any rule left out (or null) comes from the community's settings; tallies are shown unless hidden. */
  rules?: { [K in keyof VotingRules]?: VotingRules[K] | null } | null;
  closesAt?: Date | null;
  agendaItemId?: number | null;
}

/** One line of a decision's frozen tally. */
export interface DecisionLine {
  proposalId: number;
  title: string;
  support: number;
  oppose: number;
  abstain: number;
  adopted: boolean;
}

export type { Decision, VotingWindow };

/** The caller is refused: outsiders who may not even read the community learn only that nothing is there. */
async function refuse(ctx: Context, communityId: number, entity: string, id: number, reason: string): Promise<never> {
  if (!(await canRead(ctx, communityId, 'BOARD'))) throw new NotFoundError(entity, id);
  requireUser(ctx.viewer);
  throw new ForbiddenError(reason);
}

// ───────────────────────────── opening ─────────────────────────────

/**
 * Opens voting on a concern's active proposals, inside the caller's transaction. Freezes the rules
 * (the community's settings unless given), the electorate (active members now) and the quorum.
 * After the commit, call afterVotingOpened.
 */
export async function openVotingWindowIn(tx: Tx, ctx: Context, input: OpenVotingInput): Promise<VotingWindow> {
  const concern = await tx.concern.findUnique({
    where: { id: input.concernId },
    select: {
      id: true,
      status: true,
      communityId: true,
      community: { select: { quorumPercent: true, thresholdPercent: true } },
      _count: { select: { proposals: { where: { status: 'ACTIVE' } } } },
    },
  });
  if (!concern) throw new NotFoundError('Concern', input.concernId);
  if (!canOpenVoting(ctx.viewer, concern.communityId)) await refuse(ctx, concern.communityId, 'Concern', concern.id, 'CADRE_REQUIRED');
  const viewer = requireUser(ctx.viewer);

  const given = Object.fromEntries(Object.entries(input.rules ?? {}).filter(([, value]) => value !== null && value !== undefined));
  const parsed = votingRulesSchema.safeParse({ ...concern.community, talliesHidden: false, ...given });
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        path: ['rules', ...issue.path.map(String)],
        message: issue.message,
        ...(issue.code === 'too_small'
          ? { code: 'TOO_SMALL', limit: Number(issue.minimum) }
          : issue.code === 'too_big'
            ? { code: 'TOO_BIG', limit: Number(issue.maximum) }
            : { code: 'INVALID_VALUE' }),
      })),
    );
  }
  const rules = parsed.data;
  const now = ctx.clock.now();
  if (input.closesAt && input.closesAt <= now) throw ValidationError.field('closesAt', 'The closing time must be in the future', 'IN_THE_PAST');
  if (concern._count.proposals === 0) {
    throw new InvalidStateError('Concern', 'NO_ACTIVE_PROPOSALS', [], 'There is no active proposal to vote on');
  }

  await moveConcern(tx, concern, 'VOTING');
  const eligibleCount = await tx.membership.count({ where: { communityId: concern.communityId, status: 'ACTIVE' } });
  const quorumCount = Math.ceil((eligibleCount * rules.quorumPercent) / 100);
  let window: VotingWindow;
  try {
    window = await tx.votingWindow.create({
      data: {
        concernId: concern.id,
        agendaItemId: input.agendaItemId ?? null,
        openedById: viewer.userId,
        openedAt: now,
        closesAt: input.closesAt ?? null,
        ...rules,
        eligibleCount,
        quorumCount,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidStateError('AgendaItem', 'HAS_VOTING_WINDOW');
    throw error;
  }
  const ballot = await tx.proposal.findMany({ where: { concernId: concern.id, status: 'ACTIVE' }, select: { id: true }, orderBy: proposalOrder });
  await recordAudit(tx, ctx.viewer, {
    communityId: concern.communityId,
    kind: 'voting.opened',
    subjectType: 'VotingWindow',
    subjectId: window.id,
    concernId: concern.id,
    data: { windowId: window.id, proposalIds: ballot.map((p) => p.id), ...rules, eligibleCount, quorumCount },
    at: now,
  });
  return window;
}

export async function openVotingWindow(ctx: Context, input: OpenVotingInput): Promise<VotingWindow> {
  const window = await ctx.db.$transaction((tx) => openVotingWindowIn(tx, ctx, input));
  await afterVotingOpened(ctx, window);
  return window;
}

/** After the commit of an opening: the board sees the concern in VOTING, and the tally starts at zero. */
export async function afterVotingOpened(deps: AppDeps, window: Pick<VotingWindow, 'id' | 'concernId'>): Promise<void> {
  await publishConcernStatus(deps, window.concernId);
  scheduleTallyPublish(deps, window.id);
}

async function publishConcernStatus(deps: AppDeps, concernId: number): Promise<void> {
  const concern = await deps.db.concern.findUniqueOrThrow({ where: { id: concernId }, select: { id: true, communityId: true, version: true, status: true } });
  publishBoardChange(deps, concern);
}

// ───────────────────────────── counting ─────────────────────────────

interface BallotCount {
  counts: Map<number, Omit<TallyLine, 'proposalId'>>;
  voterCount: number;
}

/**
 * The running count of an open window, in one statement: votes by proposal and choice, plus the
 * distinct voters, over the proposals still on the ballot (a proposal hidden mid-vote drops out).
 */
async function countBallot(db: Db | Tx, windowId: number): Promise<BallotCount> {
  const rows = await db.$queryRaw<{ proposalId: number | null; choice: string | null; n: number | bigint }[]>`
    SELECT v."proposalId" AS "proposalId", CAST(v."choice" AS TEXT) AS "choice", COUNT(*) AS "n"
    FROM "Vote" v JOIN "Proposal" p ON p."id" = v."proposalId"
    WHERE v."windowId" = ${windowId} AND p."status" = 'ACTIVE'
    GROUP BY v."proposalId", v."choice"
    UNION ALL
    SELECT NULL, NULL, COUNT(DISTINCT v."voterId")
    FROM "Vote" v JOIN "Proposal" p ON p."id" = v."proposalId"
    WHERE v."windowId" = ${windowId} AND p."status" = 'ACTIVE'`;
  const counts = new Map<number, Omit<TallyLine, 'proposalId'>>();
  let voterCount = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.proposalId === null) {
      voterCount = n;
      continue;
    }
    const line = counts.get(Number(row.proposalId)) ?? { support: 0, oppose: 0, abstain: 0 };
    if (row.choice === 'SUPPORT') line.support = n;
    else if (row.choice === 'OPPOSE') line.oppose = n;
    else line.abstain = n;
    counts.set(Number(row.proposalId), line);
  }
  return { counts, voterCount };
}

async function readTally(db: Db | Tx, windowId: number): Promise<TallySnapshot | null> {
  const window = await db.votingWindow.findUnique({
    where: { id: windowId },
    select: {
      id: true,
      status: true,
      concernId: true,
      talliesHidden: true,
      eligibleCount: true,
      quorumCount: true,
      concern: {
        select: {
          communityId: true,
          version: true,
          proposals: { where: { status: 'ACTIVE' }, select: { id: true }, orderBy: proposalOrder },
        },
      },
      decision: { select: { tally: true, voterCount: true } },
    },
  });
  if (!window) return null;
  const base = {
    windowId: window.id,
    concernId: window.concernId,
    communityId: window.concern.communityId,
    version: window.concern.version,
    talliesHidden: window.talliesHidden,
    eligibleCount: window.eligibleCount,
    quorumCount: window.quorumCount,
  };
  if (window.status === 'CLOSED' && window.decision) {
    // Closed: the decision's frozen tally is the count, whatever happens to the proposals later.
    const lines = (window.decision.tally as unknown as DecisionLine[]).map(({ proposalId, support, oppose, abstain }) => ({ proposalId, support, oppose, abstain }));
    return { ...base, closed: true, voterCount: window.decision.voterCount, lines };
  }
  const { counts, voterCount } = await countBallot(db, windowId);
  const lines = window.concern.proposals.map(({ id }) => ({ proposalId: id, ...(counts.get(id) ?? { support: 0, oppose: 0, abstain: 0 }) }));
  return { ...base, closed: false, voterCount, lines };
}

/**
 * The window's tally as everyone would see it with tallies shown; callers decide who may see the
 * lines (canSeeTally). One grouped COUNT statement plus the window row; a closed window reads its
 * decision instead. `version` is the concern's version, see publishableTally.
 */
export async function tallySnapshot(deps: Pick<AppDeps, 'db'>, windowId: number): Promise<TallySnapshot> {
  const snapshot = await readTally(deps.db, windowId);
  if (!snapshot) throw new NotFoundError('VotingWindow', windowId);
  return snapshot;
}

/**
 * The snapshot to publish. Its version is the concern's version, bumped in the same transaction that
 * reads the counts: the bump locks the concern's row until the commit, so of two processes publishing
 * the same window, the one with the higher version read the later counts. A window's vote count would
 * not do: changing or retracting a vote leaves it the same or lowers it. Opening, closing and every
 * change to the deliberation bump the same counter, so it only ever grows.
 */
async function publishableTally(deps: Pick<AppDeps, 'db'>, windowId: number): Promise<TallySnapshot | null> {
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Concern" SET "version" = "version" + 1 WHERE "id" = (SELECT "concernId" FROM "VotingWindow" WHERE "id" = ${windowId})`;
    return readTally(tx, windowId);
  });
}

/** Publishes the window's tally soon: bursts of votes become at most ~10 snapshots a second. */
export function scheduleTallyPublish(deps: Pick<AppDeps, 'db' | 'pubsub' | 'coalescer'>, windowId: number): void {
  deps.coalescer.touch(`tally:${windowId}`, async () => {
    const snapshot = await publishableTally(deps, windowId);
    if (snapshot) deps.pubsub.publish('tally', windowId, snapshot);
  });
}

// ───────────────────────────── casting ─────────────────────────────

// Casting is the hot path of a live session (hundreds of members voting within seconds), so it is two
// plain SQL statements: the ORM costs several times more than the database here. The viewer already
// holds the caller's active memberships, read for this request, so membership costs no query.

type ProposalRow = Proposal & { concern: { communityId: number } };

/** The proposal, its community and its concern's open window: everything a vote needs, in one read. */
async function ballotOf(ctx: Context, proposalId: number): Promise<{ proposal: ProposalRow; windowId: number }> {
  const [row] = await ctx.db.$queryRaw<(Proposal & { communityId: number; windowId: number | null; windowClosesAt: Date | null })[]>`
    SELECT p.*, c."communityId" AS "communityId", w."id" AS "windowId", w."closesAt" AS "windowClosesAt"
    FROM "Proposal" p
    JOIN "Concern" c ON c."id" = p."concernId"
    LEFT JOIN "VotingWindow" w ON w."concernId" = p."concernId" AND w."status" = 'OPEN'
    WHERE p."id" = ${proposalId}`;
  if (!row) throw new NotFoundError('Proposal', proposalId);
  const { communityId, windowId, windowClosesAt, ...proposal } = row;
  if (!canVote(ctx.viewer, communityId)) await refuse(ctx, communityId, 'Proposal', proposalId, 'NOT_A_MEMBER');
  if (windowId === null || (windowClosesAt && new Date(windowClosesAt) <= ctx.clock.now())) {
    throw new InvalidStateError('VotingWindow', windowId === null ? 'NOT_OPEN' : 'CLOSED', ['OPEN'], 'Voting is not open on this concern');
  }
  if (proposal.status !== 'ACTIVE') throw new InvalidStateError('Proposal', proposal.status, ['ACTIVE']);
  return { proposal: { ...proposal, concern: { communityId } }, windowId };
}

/**
 * Casts or changes the viewer's vote on a proposal: one upsert on the unique (proposal, voter), so
 * repeating it, or racing it with oneself, still leaves exactly one vote. The statement writes only
 * while the window is still open, so a vote cannot slip in after the close that froze the decision
 * (in PostgreSQL, a vote whose statement began before the close committed still lands, uncounted).
 */
export async function castVote(ctx: Context, input: { proposalId: number; choice: VoteChoice }) {
  const viewer = requireUser(ctx.viewer);
  const { proposal, windowId } = await ballotOf(ctx, input.proposalId);
  const now = ctx.clock.now();
  // SQLite stores the enum as text; PostgreSQL needs the cast to its enum type.
  const choice = ctx.provider === 'postgresql' ? Prisma.sql`CAST(${input.choice} AS "VoteChoice")` : Prisma.sql`${input.choice}`;
  const upsert = () => ctx.db.$executeRaw`
    INSERT INTO "Vote" ("windowId", "proposalId", "voterId", "choice", "createdAt", "updatedAt")
    SELECT w."id", ${proposal.id}, ${viewer.userId}, ${choice}, ${now}, ${now}
    FROM "VotingWindow" w WHERE w."id" = ${windowId} AND w."status" = 'OPEN'
    ON CONFLICT ("proposalId", "voterId") DO UPDATE SET "choice" = excluded."choice", "updatedAt" = excluded."updatedAt"`;
  let written: number;
  try {
    written = await upsert();
  } catch (error) {
    // Defensive: ON CONFLICT makes the upsert atomic in both databases; should a unique violation still
    // surface, the row now exists and a second try updates it.
    if (!isUniqueViolation(error)) throw error;
    written = await upsert();
  }
  if (written === 0) throw new InvalidStateError('VotingWindow', 'CLOSED', ['OPEN'], 'Voting is not open on this concern');
  scheduleTallyPublish(ctx, windowId);
  return { proposal, choice: input.choice };
}

/** Takes the viewer's vote on a proposal back, while voting is open. Retracting no vote is not an error. */
export async function retractVote(ctx: Context, proposalId: number) {
  const viewer = requireUser(ctx.viewer);
  const { proposal, windowId } = await ballotOf(ctx, proposalId);
  const { count } = await ctx.db.vote.deleteMany({ where: { proposalId, voterId: viewer.userId, windowId, window: { status: 'OPEN' } } });
  if (count > 0) scheduleTallyPublish(ctx, windowId);
  return { proposal };
}

// ───────────────────────────── closing ─────────────────────────────

/** Whether a proposal is adopted: the quorum met and support above the threshold share of support + oppose. */
export function isAdopted(line: { support: number; oppose: number }, quorumMet: boolean, thresholdPercent: number): boolean {
  return quorumMet && line.support * 100 > thresholdPercent * (line.support + line.oppose);
}

/**
 * Closes an open window inside the caller's transaction and records the immutable decision: the tally
 * of every proposal on the ballot, the quorum, and who chaired (the closer; for the scheduler, the
 * opener). Adopted proposals become ADOPTED, the rest of the ballot REJECTED, the concern DECIDED.
 * The reporter and seconders are notified. After the commit, call afterDecisionRecorded.
 */
export async function closeVotingWindowIn(tx: Tx, ctx: Context, windowId: number, options: { sessionId?: number | null } = {}): Promise<Decision> {
  const window = await tx.votingWindow.findUnique({
    where: { id: windowId },
    include: { concern: { select: { id: true, status: true, communityId: true, title: true, reporterId: true, seconds: { select: { userId: true } } } } },
  });
  if (!window) throw new NotFoundError('VotingWindow', windowId);
  const { concern } = window;
  if (!canCloseVoting(ctx.viewer, concern.communityId)) await refuse(ctx, concern.communityId, 'VotingWindow', windowId, 'CADRE_REQUIRED');
  if (window.status !== 'OPEN') throw new InvalidStateError('VotingWindow', window.status, ['OPEN']);

  const now = ctx.clock.now();
  const closerId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  // Guarded by the status read above: of two closers racing, one wins and the other is told it is closed.
  const closed = await tx.votingWindow.updateMany({
    where: { id: windowId, status: 'OPEN' },
    data: { status: 'CLOSED', closedAt: now, closedById: closerId },
  });
  if (closed.count === 0) throw new InvalidStateError('VotingWindow', 'CLOSED', ['OPEN']);

  const { counts, voterCount } = await countBallot(tx, windowId);
  const ballot = await tx.proposal.findMany({ where: { concernId: concern.id, status: 'ACTIVE' }, select: { id: true, title: true }, orderBy: proposalOrder });
  const quorumMet = voterCount >= window.quorumCount;
  const tally: DecisionLine[] = ballot.map(({ id, title }) => {
    const line = counts.get(id) ?? { support: 0, oppose: 0, abstain: 0 };
    return { proposalId: id, title, ...line, adopted: isAdopted(line, quorumMet, window.thresholdPercent) };
  });
  const adoptedIds = tally.filter((line) => line.adopted).map((line) => line.proposalId);
  const rejectedIds = tally.filter((line) => !line.adopted).map((line) => line.proposalId);
  if (adoptedIds.length) await tx.proposal.updateMany({ where: { id: { in: adoptedIds } }, data: { status: 'ADOPTED', pinnedAt: null, updatedAt: now } });
  if (rejectedIds.length) await tx.proposal.updateMany({ where: { id: { in: rejectedIds } }, data: { status: 'REJECTED', pinnedAt: null, updatedAt: now } });

  const decision = await tx.decision.create({
    data: {
      concernId: concern.id,
      windowId,
      sessionId: options.sessionId ?? null,
      chairId: closerId ?? window.openedById,
      decidedAt: now,
      quorumMet,
      eligibleCount: window.eligibleCount,
      quorumCount: window.quorumCount,
      voterCount,
      thresholdPercent: window.thresholdPercent,
      tally: tally as unknown as Prisma.InputJsonArray,
    },
  });
  await moveConcern(tx, concern, 'DECIDED');
  const audit = { communityId: concern.communityId, concernId: concern.id, at: now };
  await recordAudit(tx, ctx.viewer, { ...audit, kind: 'voting.closed', subjectType: 'VotingWindow', subjectId: windowId, data: { windowId, voterCount, quorumMet } });
  await recordAudit(tx, ctx.viewer, {
    ...audit,
    kind: 'decision.recorded',
    subjectType: 'Decision',
    subjectId: decision.id,
    data: { decisionId: decision.id, quorumMet, voterCount, adoptedProposalIds: adoptedIds },
  });
  await notify(tx, {
    userIds: [concern.reporterId, ...concern.seconds.map((second) => second.userId)],
    communityId: concern.communityId,
    kind: 'DECISION_RECORDED',
    params: { concernId: concern.id, title: concern.title, decisionId: decision.id, quorumMet, adoptedCount: adoptedIds.length },
    subject: `concern:${concern.id}`,
    exceptUserId: closerId,
    at: now,
  });
  return decision;
}

export async function closeVotingWindow(ctx: Context, windowId: number): Promise<Decision> {
  const decision = await ctx.db.$transaction((tx) => closeVotingWindowIn(tx, ctx, windowId));
  await afterDecisionRecorded(ctx, decision);
  return decision;
}

/** After the commit of a close: the final tally, the board, and the bells of those who were notified. */
export async function afterDecisionRecorded(deps: AppDeps, decision: Pick<Decision, 'windowId' | 'concernId'>): Promise<void> {
  scheduleTallyPublish(deps, decision.windowId);
  await publishConcernStatus(deps, decision.concernId);
  const concern = await deps.db.concern.findUniqueOrThrow({
    where: { id: decision.concernId },
    select: { reporterId: true, seconds: { select: { userId: true } } },
  });
  await publishUnreadCounts(deps, [concern.reporterId, ...concern.seconds.map((second) => second.userId)]);
}

/** The community a window belongs to, or null when there is no such window. */
export async function communityOfWindow(deps: Pick<AppDeps, 'db'>, windowId: number): Promise<number | null> {
  const window = await deps.db.votingWindow.findUnique({ where: { id: windowId }, select: { concern: { select: { communityId: true } } } });
  return window?.concern.communityId ?? null;
}

/**
 * Live tally snapshots of one window: the current one first, then each published one, ending once it
 * is closed. (liveSnapshots listens before it reads, and lets a subscriber who leaves go at once.)
 */
export function tallyUpdates(deps: Pick<AppDeps, 'db' | 'pubsub'>, windowId: number): AsyncIterableIterator<TallySnapshot> {
  return liveSnapshots(deps.pubsub, 'tally', windowId, () => tallySnapshot(deps, windowId), {
    isLast: (snapshot) => snapshot.closed,
  });
}
