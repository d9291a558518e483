// Scenes of deliberation and voting, written straight to the database: proposals, comments and open
// voting windows. Behaviour under test goes through the API.
import type { Db } from '../db/client.js';
import type { ProposalStatus, Stance } from '../generated/sqlite/enums.js';
import { createConcern } from './domain-fixtures.js';
import type { TestCommunity } from './fixtures.js';

let sequence = 0;

export async function createProposal(
  db: Db,
  options: { concernId: number; authorId: number; title?: string; status?: ProposalStatus; createdAt?: Date },
) {
  return db.proposal.create({
    data: {
      concernId: options.concernId,
      authorId: options.authorId,
      title: options.title ?? `下班后开放单位门口车位 ${++sequence}`,
      body: '每天18点后，单位门口的车位向居民开放，早上7点前开走。',
      status: options.status ?? 'ACTIVE',
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}

export async function createComment(
  db: Db,
  options: { community: TestCommunity; concernId: number; proposalId?: number; authorId: number; stance?: Stance; body?: string },
) {
  return db.comment.create({
    data: {
      communityId: options.community.id,
      concernId: options.concernId,
      proposalId: options.proposalId ?? null,
      authorId: options.authorId,
      stance: options.stance ?? 'FOR',
      body: options.body ?? '我赞成，晚上确实没地方停。',
    },
  });
}

/** A concern open for proposals (ACKNOWLEDGED) with `proposals` active proposals by `authorId`. */
export async function deliberationScene(
  db: Db,
  options: { community: TestCommunity; reporterId: number; authorId: number; proposals?: number },
) {
  const concern = await createConcern(db, { community: options.community, reporterId: options.reporterId, status: 'ACKNOWLEDGED' });
  const proposals = [];
  for (let i = 0; i < (options.proposals ?? 1); i++) proposals.push(await createProposal(db, { concernId: concern.id, authorId: options.authorId }));
  return { concern, proposals };
}

/**
 * A concern in VOTING with active proposals and an open window whose rules and electorate are frozen
 * as openVotingWindow would freeze them.
 */
export async function votingScene(
  db: Db,
  options: {
    community: TestCommunity;
    reporterId: number;
    openedById: number;
    proposals?: number;
    quorumPercent?: number;
    thresholdPercent?: number;
    talliesHidden?: boolean;
    closesAt?: Date | null;
  },
) {
  const { concern, proposals } = await deliberationScene(db, { ...options, authorId: options.reporterId });
  await db.concern.update({ where: { id: concern.id }, data: { status: 'VOTING', version: { increment: 1 } } });
  const eligibleCount = await db.membership.count({ where: { communityId: options.community.id, status: 'ACTIVE' } });
  const quorumPercent = options.quorumPercent ?? 20;
  const window = await db.votingWindow.create({
    data: {
      concernId: concern.id,
      openedById: options.openedById,
      closesAt: options.closesAt ?? null,
      quorumPercent,
      thresholdPercent: options.thresholdPercent ?? 50,
      talliesHidden: options.talliesHidden ?? false,
      eligibleCount,
      quorumCount: Math.ceil((eligibleCount * quorumPercent) / 100),
    },
  });
  return { concern: { ...concern, status: 'VOTING' as const }, proposals, window };
}
