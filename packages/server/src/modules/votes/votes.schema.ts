import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../context.js';
import type { TallyLine, TallySnapshot } from '../../events/topics.js';
import { VoteChoice, VotingWindowStatus } from '../../generated/sqlite/enums.js';
import type { VotingWindow } from '../../generated/sqlite/client.js';
import { readableCommunityWhere } from '../communities/communities.service.js';
import { canRead } from '../communities/communities.policy.js';
import { ConcernRef } from '../concerns/concerns.schema.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { canSeeTally } from './votes.policy.js';
import {
  castVote,
  closeVotingWindow,
  communityOfWindow,
  openVotingWindow,
  retractVote,
  tallySnapshot,
  tallyUpdates,
  votingRulesSchema,
  type DecisionLine,
  type VotingRules,
} from './votes.service.js';

export const VoteChoiceEnum = builder.enumType(VoteChoice, { name: 'VoteChoice' });
const VotingWindowStatusEnum = builder.enumType(VotingWindowStatus, { name: 'VotingWindowStatus' });

/** One tally per window per request, however many proposals and fields ask for it. */
const tallies = new WeakMap<object, Map<number, Promise<TallySnapshot>>>();
function requestTally(ctx: Context, windowId: number): Promise<TallySnapshot> {
  let byWindow = tallies.get(ctx);
  if (!byWindow) tallies.set(ctx, (byWindow = new Map()));
  let tally = byWindow.get(windowId);
  if (!tally) byWindow.set(windowId, (tally = tallySnapshot(ctx, windowId)));
  return tally;
}

const VotingRulesRef = builder.objectRef<VotingRules>('VotingRules').implement({
  description: 'The rules of a vote, frozen when it opened.',
  fields: (t) => ({
    quorumPercent: t.exposeInt('quorumPercent', { description: 'Share of eligible members who must vote for the result to count.' }),
    thresholdPercent: t.exposeInt('thresholdPercent', { description: 'A proposal is adopted when support is more than this share of support + oppose.' }),
    talliesHidden: t.exposeBoolean('talliesHidden', { description: 'Whether residents see the counts only after the vote closes.' }),
  }),
});

const TallyLineRef = builder.objectRef<TallyLine>('TallyLine').implement({
  description: 'How many members support, oppose or abstain on one proposal. Counts only: never who.',
  fields: (t) => ({
    proposalId: t.globalID({ resolve: (line) => ({ type: 'Proposal', id: line.proposalId }) }),
    support: t.exposeInt('support'),
    oppose: t.exposeInt('oppose'),
    abstain: t.exposeInt('abstain'),
  }),
});

export const TallySnapshotRef = builder.objectRef<TallySnapshot>('TallySnapshot').implement({
  description: 'The running count of a voting window: a full snapshot, so a client keeps the one with the highest version.',
  // Readers of the board, and API tokens for live sessions (e.g. a screen in the meeting hall).
  authScopes: async (tally, ctx) => (await canRead(ctx, tally.communityId, 'BOARD')) || canRead(ctx, tally.communityId, 'SESSIONS'),
  fields: (t) => ({
    windowId: t.globalID({ resolve: (tally) => ({ type: 'VotingWindow', id: tally.windowId }) }),
    concernId: t.globalID({ resolve: (tally) => ({ type: 'Concern', id: tally.concernId }) }),
    version: t.exposeInt('version', { description: 'Grows with every change to the concern; a snapshot with a lower version is stale.' }),
    closed: t.exposeBoolean('closed'),
    talliesHidden: t.exposeBoolean('talliesHidden'),
    voterCount: t.exposeInt('voterCount', { description: 'Members who have voted on at least one proposal.' }),
    eligibleCount: t.exposeInt('eligibleCount'),
    quorumCount: t.exposeInt('quorumCount'),
    quorumReached: t.boolean({ resolve: (tally) => tally.voterCount >= tally.quorumCount }),
    lines: t.field({
      type: [TallyLineRef],
      nullable: true,
      description: 'Null for residents while the window hides its tallies and is still open.',
      resolve: (tally, _args, ctx) => (canSeeTally(ctx.viewer, tally) ? tally.lines : null),
    }),
  }),
});

export const VotingWindowRef = builder.prismaNode('VotingWindow', {
  id: { field: 'id' },
  include: { concern: { select: { communityId: true } } },
  authScopes: (window) => ({ read: { communityId: window.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    status: t.expose('status', { type: VotingWindowStatusEnum }),
    rules: t.field({ type: VotingRulesRef, resolve: (window) => window }),
    eligibleCount: t.exposeInt('eligibleCount', { description: 'Active members when the window opened.' }),
    quorumCount: t.exposeInt('quorumCount', { description: 'Distinct voters needed for the result to count.' }),
    opensAt: t.expose('openedAt', { type: 'DateTime', description: 'When voting opened.' }),
    closesAt: t.expose('closesAt', { type: 'DateTime', nullable: true, description: 'When the window closes by itself, if set.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    concern: t.relation('concern'),
    decision: t.relation('decision', { nullable: true }),
    tally: t.field({
      type: TallySnapshotRef,
      nullable: true,
      description: 'Null for residents while the window hides its tallies and is still open.',
      resolve: (window, _args, ctx) =>
        canSeeTally(ctx.viewer, { communityId: window.concern.communityId, talliesHidden: window.talliesHidden, closed: window.status === 'CLOSED' })
          ? requestTally(ctx, window.id)
          : null,
    }),
  }),
});

const DecisionLineRef = builder.objectRef<DecisionLine>('DecisionLine').implement({
  description: "One proposal's frozen result.",
  fields: (t) => ({
    proposal: t.prismaField({
      type: 'Proposal',
      // Prisma batches these lookups of one decision into a single query.
      resolve: (query, line, _args, ctx) => ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: line.proposalId } }),
    }),
    title: t.exposeString('title', { description: 'The title as it stood on the ballot.' }),
    support: t.exposeInt('support'),
    oppose: t.exposeInt('oppose'),
    abstain: t.exposeInt('abstain'),
    adopted: t.exposeBoolean('adopted'),
  }),
});

const decisionLines = (decision: { tally: unknown }) => decision.tally as DecisionLine[];

// The record of what the community chose. Immutable once written.
export const DecisionRef = builder.prismaNode('Decision', {
  id: { field: 'id' },
  include: { concern: { select: { communityId: true } } },
  authScopes: (decision) => ({ read: { communityId: decision.concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    quorumMet: t.exposeBoolean('quorumMet'),
    voterCount: t.exposeInt('voterCount'),
    eligibleCount: t.exposeInt('eligibleCount'),
    quorumCount: t.exposeInt('quorumCount'),
    thresholdPercent: t.exposeInt('thresholdPercent'),
    tally: t.field({ type: [DecisionLineRef], resolve: decisionLines }),
    adoptedProposals: t.prismaField({
      type: ['Proposal'],
      resolve: (query, decision, _args, ctx) => {
        const ids = decisionLines(decision).filter((line) => line.adopted).map((line) => line.proposalId);
        return ctx.db.proposal.findMany({ ...query, where: { id: { in: ids } }, orderBy: { id: 'asc' } });
      },
    }),
    chair: t.relation('chair', { description: 'Who chaired: whoever closed the vote (for a timed window, whoever opened it).' }),
    chairName: t.string({ select: { chair: { select: { displayName: true } } }, resolve: (decision) => decision.chair.displayName }),
    concern: t.relation('concern'),
    votingWindow: t.relation('window'),
  }),
});

builder.prismaObjectFields('Concern', (t) => ({
  votingWindow: t.field({
    type: VotingWindowRef,
    nullable: true,
    description: 'The open voting window, or else the latest one.',
    // Only one window is open at a time, and a new one opens only after the last one closed: the latest is the open one.
    select: (_args, _ctx, nestedSelection) => ({ votingWindows: nestedSelection({ orderBy: { id: 'desc' }, take: 1 }) }),
    resolve: (concern) => (concern.votingWindows[0] as (VotingWindow & { concern: { communityId: number } }) | undefined) ?? null,
  }),
  decisions: t.relation('decisions', { query: { orderBy: { id: 'desc' } } }),
}));

builder.prismaObjectFields('Proposal', (t) => ({
  tally: t.field({
    type: TallyLineRef,
    nullable: true,
    description: 'Its line in the open vote (null for residents while tallies are hidden), or in the decision it was voted on in.',
    select: {
      concern: {
        select: {
          communityId: true,
          votingWindows: { where: { status: 'OPEN' }, select: { id: true, talliesHidden: true }, take: 1 },
          decisions: { select: { tally: true }, orderBy: { id: 'desc' } },
        },
      },
    },
    resolve: async (proposal, _args, ctx) => {
      const { concern } = proposal;
      const open = concern.votingWindows[0];
      if (proposal.status === 'ACTIVE' && open) {
        if (!canSeeTally(ctx.viewer, { communityId: concern.communityId, talliesHidden: open.talliesHidden, closed: false })) return null;
        return (await requestTally(ctx, open.id)).lines.find((line) => line.proposalId === proposal.id) ?? null;
      }
      for (const decision of concern.decisions) {
        const line = decisionLines(decision).find((l) => l.proposalId === proposal.id);
        if (line) return line;
      }
      return null;
    },
  }),
  myVote: t.field({
    type: VoteChoiceEnum,
    nullable: true,
    description: "The viewer's own vote on this proposal. Nobody else's choice is readable anywhere.",
    select: (_args, ctx) => ({
      votes: { where: { voterId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : -1 }, select: { choice: true }, take: 1 },
    }),
    resolve: (proposal) => proposal.votes[0]?.choice ?? null,
  }),
}));

builder.queryField('decision', (t) =>
  t.prismaField({
    type: 'Decision',
    nullable: true,
    description: 'A decision by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: DecisionRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.decision.findFirst({ ...query, where: { id: Number(id.id), concern: { community: readableCommunityWhere(ctx, 'BOARD') } } }),
  }),
);

const VotingRulesInput = builder.inputType('VotingRulesInput', {
  description: "Rules for this vote; any left out come from the community's settings.",
  fields: (t) => ({
    quorumPercent: t.int({ required: false }),
    thresholdPercent: t.int({ required: false }),
    talliesHidden: t.boolean({ required: false }),
  }),
  validate: z.object({
    quorumPercent: votingRulesSchema.shape.quorumPercent.nullish(),
    thresholdPercent: votingRulesSchema.shape.thresholdPercent.nullish(),
    talliesHidden: z.boolean().nullish(),
  }),
});

builder.mutationFields((t) => ({
  openVotingWindow: t.prismaField({
    type: 'VotingWindow',
    errors: {},
    description: "A cadre puts the concern's active proposals to the vote.",
    args: {
      concernId: t.arg.globalID({ for: ConcernRef }),
      rules: t.arg({ type: VotingRulesInput, required: false }),
      closesAt: t.arg({ type: 'DateTime', required: false, description: 'Closes by itself then; otherwise a cadre closes it.' }),
    },
    resolve: async (query, _root, { concernId, rules, closesAt }, ctx) => {
      const window = await openVotingWindow(ctx, { concernId: Number(concernId.id), rules: rules ?? null, closesAt: closesAt ?? null });
      return ctx.db.votingWindow.findUniqueOrThrow({ ...query, where: { id: window.id } });
    },
  }),
  closeVotingWindow: t.prismaField({
    type: 'Decision',
    errors: {},
    description: 'A cadre closes the vote; the decision is recorded.',
    args: { windowId: t.arg.globalID({ for: VotingWindowRef }) },
    resolve: async (query, _root, { windowId }, ctx) => {
      const decision = await closeVotingWindow(ctx, Number(windowId.id));
      return ctx.db.decision.findUniqueOrThrow({ ...query, where: { id: decision.id } });
    },
  }),
  castVote: t.field({
    type: ProposalRef,
    errors: {},
    description: "Casts or changes the viewer's vote on a proposal while voting is open.",
    args: { proposalId: t.arg.globalID({ for: ProposalRef }), choice: t.arg({ type: VoteChoiceEnum }) },
    resolve: async (_root, { proposalId, choice }, ctx) => (await castVote(ctx, { proposalId: Number(proposalId.id), choice })).proposal,
  }),
  retractVote: t.field({
    type: ProposalRef,
    errors: {},
    description: "Takes the viewer's vote on a proposal back while voting is open.",
    args: { proposalId: t.arg.globalID({ for: ProposalRef }) },
    resolve: async (_root, { proposalId }, ctx) => (await retractVote(ctx, Number(proposalId.id))).proposal,
  }),
}));

builder.subscriptionField('tally', (t) =>
  t.field({
    type: TallySnapshotRef,
    description: "A voting window's running count: the current snapshot, then each change (at most ~10 a second), until it closes.",
    args: { windowId: t.arg.globalID({ for: VotingWindowRef }) },
    // Checked when subscribing: members of the community, or an API token with the SESSIONS scope.
    authScopes: async (_root, { windowId }, ctx) => {
      const communityId = await communityOfWindow(ctx, Number(windowId.id));
      return communityId === null ? false : { read: { communityId, area: 'SESSIONS' } };
    },
    subscribe: (_root, { windowId }, ctx) => tallyUpdates(ctx, Number(windowId.id)),
    resolve: (snapshot) => snapshot,
  }),
);
