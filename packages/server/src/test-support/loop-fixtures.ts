// Scenes for the end of the loop (actions, ratings, rules, figures), written straight to the database.
// Decisions are made here the way the votes module records them: a closed window, secret votes, and an
// immutable Decision with its tally. Behaviour under test goes through the API; only scenes come from here.
import type { AppDeps } from '../context.js';
import { openDatabase, type Db } from '../db/client.js';
import type { ActionStatus, ConcernStatus, RuleStatus, VoteChoice } from '../generated/sqlite/enums.js';
import { moveConcern } from '../modules/concerns/concern-lifecycle.js';
import type { TestCommunity } from './fixtures.js';
import type { TestApp } from './harness.js';

const HOUR = 3_600_000;
let sequence = 0;

export interface ProposalSpec {
  title?: string;
  authorId?: number;
  adopted: boolean;
}

export interface DecidedConcern {
  concernId: number;
  communityId: number;
  windowId: number;
  decisionId: number;
  /** In the order the proposals were given. */
  proposalIds: number[];
  adoptedProposalIds: number[];
}

export interface DecidedConcernOptions {
  community: TestCommunity;
  reporterId: number;
  chairId: number;
  seconderIds?: number[];
  /** Each voter supports the adopted proposals and opposes the others. */
  voterIds?: number[];
  proposals?: ProposalSpec[];
  category?: keyof TestCommunity['categoryIds'];
  title?: string;
  reportedAt?: Date;
  decidedAt?: Date;
}

/** A concern that went through report, echo, deliberation and a vote: DECIDED, with its decision. */
export async function createDecidedConcern(db: Db, options: DecidedConcernOptions): Promise<DecidedConcern> {
  const decidedAt = options.decidedAt ?? new Date();
  const reportedAt = options.reportedAt ?? new Date(decidedAt.getTime() - 72 * HOUR);
  const seconderIds = options.seconderIds ?? [];
  const concern = await db.concern.create({
    data: {
      communityId: options.community.id,
      categoryId: options.community.categoryIds[options.category ?? 'repairs'],
      reporterId: options.reporterId,
      title: options.title ?? `楼道灯坏了 ${++sequence}`,
      body: '三楼楼道灯坏了一个月，晚上老人上下楼看不清。',
      place: '2号楼三单元',
      status: 'ACKNOWLEDGED',
      createdAt: reportedAt,
      deadlineAt: new Date(reportedAt.getTime() + 48 * HOUR),
      acknowledgedAt: new Date(reportedAt.getTime() + 4 * HOUR),
      answer: '已收到，提交居民议事。',
      answeredById: options.chairId,
      seconds: { create: seconderIds.map((userId) => ({ userId, createdAt: new Date(reportedAt.getTime() + HOUR) })) },
    },
  });
  return decideConcernFixture(db, { concernId: concern.id, chairId: options.chairId, voterIds: options.voterIds, proposals: options.proposals, decidedAt });
}

export interface DecideOptions {
  /** An ACKNOWLEDGED (or REOPENED) concern. */
  concernId: number;
  chairId: number;
  /** Each voter supports the adopted proposals and opposes the others. */
  voterIds?: number[];
  proposals?: ProposalSpec[];
  decidedAt?: Date;
}

/**
 * Deliberation and a vote on an existing concern, as the proposals and votes modules would record
 * them: proposals, a closed window with secret votes, the decision with its frozen tally, and the
 * concern moved on to DECIDED.
 */
export async function decideConcernFixture(db: Db, options: DecideOptions): Promise<DecidedConcern> {
  const n = ++sequence;
  const decidedAt = options.decidedAt ?? new Date();
  const proposals = options.proposals ?? [{ adopted: true }];
  const voterIds = options.voterIds ?? [];
  const concern = await db.concern.findUniqueOrThrow({ where: { id: options.concernId } });
  const titles = proposals.map((spec, i) => spec.title ?? `方案 ${n}-${i + 1}：更换声控灯`);
  const proposalIds: number[] = [];
  for (const [i, spec] of proposals.entries()) {
    const proposal = await db.proposal.create({
      data: {
        concernId: concern.id,
        authorId: spec.authorId ?? concern.reporterId,
        title: titles[i]!,
        body: '由物业更换为声控灯，费用从维修基金列支。',
        status: spec.adopted ? 'ADOPTED' : 'REJECTED',
      },
    });
    proposalIds.push(proposal.id);
  }
  const eligibleCount = await db.membership.count({ where: { communityId: concern.communityId, status: 'ACTIVE' } });
  const window = await db.votingWindow.create({
    data: {
      concernId: concern.id,
      status: 'CLOSED',
      openedById: options.chairId,
      openedAt: new Date(decidedAt.getTime() - 24 * HOUR),
      closesAt: decidedAt,
      closedAt: decidedAt,
      closedById: options.chairId,
      quorumPercent: 20,
      thresholdPercent: 50,
      talliesHidden: false,
      eligibleCount,
      quorumCount: Math.ceil((eligibleCount * 20) / 100),
    },
  });
  const votes = voterIds.flatMap((voterId) =>
    proposals.map((spec, i) => ({
      windowId: window.id,
      proposalId: proposalIds[i]!,
      voterId,
      choice: (spec.adopted ? 'SUPPORT' : 'OPPOSE') as VoteChoice,
      createdAt: new Date(decidedAt.getTime() - HOUR),
    })),
  );
  if (votes.length) await db.vote.createMany({ data: votes });
  const tally = proposals.map((spec, i) => ({
    proposalId: proposalIds[i]!,
    title: titles[i]!,
    support: spec.adopted ? voterIds.length : 0,
    oppose: spec.adopted ? 0 : voterIds.length,
    abstain: 0,
    adopted: spec.adopted,
  }));
  const decision = await db.$transaction(async (tx) => {
    await moveConcern(tx, concern, 'VOTING');
    await moveConcern(tx, { id: concern.id, status: 'VOTING' }, 'DECIDED');
    return tx.decision.create({
      data: {
        concernId: concern.id,
        windowId: window.id,
        chairId: options.chairId,
        decidedAt,
        quorumMet: proposals.some((p) => p.adopted),
        eligibleCount,
        quorumCount: window.quorumCount,
        voterCount: voterIds.length,
        thresholdPercent: 50,
        tally,
      },
    });
  });
  return {
    concernId: concern.id,
    communityId: concern.communityId,
    windowId: window.id,
    decisionId: decision.id,
    proposalIds,
    adoptedProposalIds: proposalIds.filter((_, i) => proposals[i]!.adopted),
  };
}

export interface ActionFixtureOptions {
  decided: DecidedConcern;
  proposalId?: number;
  status?: ActionStatus;
  ownerId?: number | null;
  ownerDepartment?: string | null;
  dueAt?: Date;
  /** Weights of the milestones; `done` ones are ticked. */
  milestones?: { weight: number; done?: boolean }[];
  /** The concern's status to match the action's (IN_PROGRESS for a started action, RESOLVED for a done one). */
  concernStatus?: ConcernStatus;
}

/** An action of a decided concern, in any status, with weighted milestones. */
export async function createActionFixture(db: Db, options: ActionFixtureOptions) {
  const status = options.status ?? 'PLANNED';
  const now = new Date();
  const action = await db.action.create({
    data: {
      decisionId: options.decided.decisionId,
      concernId: options.decided.concernId,
      proposalId: options.proposalId ?? options.decided.adoptedProposalIds[0]!,
      title: `更换楼道灯 ${++sequence}`,
      ownerId: options.ownerId ?? null,
      ownerDepartment: options.ownerId ? null : (options.ownerDepartment ?? '物业服务中心'),
      dueAt: options.dueAt ?? new Date(now.getTime() + 14 * 24 * HOUR),
      status,
      blockedReason: status === 'BLOCKED' ? '等待维修基金审批' : null,
      startedAt: status === 'PLANNED' ? null : now,
      doneAt: status === 'DONE' ? now : null,
      milestones: {
        create: (options.milestones ?? [{ weight: 1 }, { weight: 2 }]).map((m, position) => ({
          title: `步骤 ${position + 1}`,
          weight: m.weight,
          position,
          doneAt: m.done || status === 'DONE' ? now : null,
        })),
      },
    },
    include: { milestones: { orderBy: { position: 'asc' } } },
  });
  const concernStatus = options.concernStatus ?? (status === 'PLANNED' ? undefined : status === 'DONE' ? 'RESOLVED' : 'IN_PROGRESS');
  if (concernStatus) {
    await db.concern.update({
      where: { id: options.decided.concernId },
      data: { status: concernStatus, ...(concernStatus === 'RESOLVED' ? { resolvedAt: now } : {}) },
    });
  }
  return action;
}

/** Opens the rating window of a done action, as completing the concern's last action would. */
export async function openRatingWindowFixture(db: Db, actionId: number, options: { closesAt?: Date; dissatisfactionPercent?: number } = {}) {
  const now = new Date();
  return db.ratingWindow.create({
    data: {
      actionId,
      openedAt: now,
      closesAt: options.closesAt ?? new Date(now.getTime() + 14 * 24 * HOUR),
      dissatisfactionPercent: options.dissatisfactionPercent ?? 30,
    },
  });
}

export interface RuleFixtureOptions {
  communityId: number;
  createdById: number;
  decisionId?: number | null;
  status?: RuleStatus;
  isPublic?: boolean;
  title?: string;
  body?: string;
  effectiveAt?: Date;
  reviewAt?: Date;
}

/** A rule with its first version. */
export async function createRuleFixture(db: Db, options: RuleFixtureOptions) {
  const now = new Date();
  return db.rule.create({
    data: {
      communityId: options.communityId,
      status: options.status ?? 'IN_FORCE',
      isPublic: options.isPublic ?? true,
      sourceDecisionId: options.decisionId ?? null,
      createdById: options.createdById,
      versions: {
        create: {
          version: 1,
          title: options.title ?? `装修期间保护公共楼道地面 ${++sequence}`,
          body: options.body ?? '装修户须在楼道铺设保护垫。\n每日施工结束后清扫楼道。\n损坏地面照价赔偿。',
          effectiveAt: options.effectiveAt ?? now,
          reviewAt: options.reviewAt ?? new Date(now.getTime() + 365 * 24 * HOUR),
          createdById: options.createdById,
        },
      },
    },
    include: { versions: true },
  });
}

/**
 * Keeps the given sessions valid at `now` for a test that moves its clock days ahead: fixture sessions
 * expire a day after they were made, in real time.
 */
export async function keepSessionsAlive(db: Db, now: Date): Promise<void> {
  await db.authSession.updateMany({
    where: { revokedAt: null },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + 24 * HOUR) },
  });
}

/**
 * The dependencies of a second server process on the same database, for exactly-once tests. With
 * PostgreSQL that is a second connection pool, as another process would hold. A SQLite file belongs to
 * one server process (better-sqlite3 is synchronous: a second connection in the same process would
 * block the event loop that the first needs to commit), so its second scheduler shares the connection.
 */
export async function secondServer(t: TestApp): Promise<{ deps: AppDeps; close(): Promise<void> }> {
  if (t.provider === 'sqlite') return { deps: t.app.deps, close: async () => {} };
  const second = await openDatabase(t.app.deps.config.DATABASE_URL, { poolSize: 3 });
  return { deps: { ...t.app.deps, db: second.db }, close: () => second.close() };
}
