import { z } from 'zod';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.js';
import { AgendaPhase, HandStatus, LiveSessionStatus } from '../../generated/sqlite/enums.js';
import type { AgendaItemSnapshot, AgendaLine, HandsSnapshot, PresenceSnapshot, SessionSnapshot } from '../../events/topics.js';
import type { GraphQLContext } from '../../context.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { readableCommunityWhere } from '../communities/communities.service.js';
import { ConcernRef } from '../concerns/concerns.schema.js';
import { UserRef } from '../identity/identity.schema.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { proposalOrder } from '../proposals/proposals.service.js';
import { TallySnapshotRef } from '../votes/votes.schema.js';
import { roomProposals } from './session-snapshots.js';
import { isSelf } from '../identity/identity.policy.js';
import { isCadre } from '../members/members.policy.js';
import { canSeeWhoIsPresent, isChairOf } from './sessions.policy.js';
import { activeMute } from './session-mutes.js';
import {
  advanceAgendaItem,
  cancelSession,
  endSession,
  scheduleSession,
  setSessionAgenda,
  skipAgendaItem,
  startSession,
  updateSessionRules,
  type SessionMinutes,
} from './sessions.service.js';
import {
  agendaItemSnapshots,
  finishFloor,
  giveFloor,
  handsSnapshots,
  hideProposalInSession,
  lowerHand,
  mergeProposalsInSession,
  muteMember,
  pinProposalInSession,
  presenceSnapshots,
  raiseHand,
  sessionSnapshots,
  unmuteMember,
} from './room.service.js';

const LiveSessionStatusEnum = builder.enumType(LiveSessionStatus, { name: 'LiveSessionStatus' });
const AgendaPhaseEnum = builder.enumType(AgendaPhase, { name: 'AgendaPhase' });
const HandStatusEnum = builder.enumType(HandStatus, { name: 'HandStatus' });

interface RulesShape {
  quorumPercent: number;
  thresholdPercent: number;
  talliesHidden: boolean;
  phaseSeconds: number;
  frozenAt: Date | string | null;
}

const SessionRulesRef = builder.objectRef<RulesShape>('SessionRules').implement({
  description: 'How the session decides. Frozen (frozenAt) when its first vote opens.',
  fields: (t) => ({
    quorumPercent: t.exposeInt('quorumPercent'),
    thresholdPercent: t.exposeInt('thresholdPercent'),
    talliesHidden: t.exposeBoolean('talliesHidden', { description: 'Residents see counts only when each vote closes.' }),
    phaseSeconds: t.exposeInt('phaseSeconds', { description: 'The time box of each phase.' }),
    frozenAt: t.expose('frozenAt', { type: 'DateTime', nullable: true }),
  }),
});

type MinutesDecision = SessionMinutes['decisions'][number];

const MinutesDecisionRef = builder.objectRef<MinutesDecision>('MinutesDecision').implement({
  fields: (t) => ({
    decisionId: t.id({ resolve: (decision) => encodeGlobalID('Decision', decision.decisionId) }),
    concernId: t.id({ resolve: (decision) => encodeGlobalID('Concern', decision.concernId) }),
    title: t.exposeString('title'),
    adoptedProposalIds: t.idList({ resolve: (decision) => decision.adoptedProposalIds.map((id) => encodeGlobalID('Proposal', id)) }),
    quorumMet: t.exposeBoolean('quorumMet'),
  }),
});

const TurnoutRef = builder.objectRef<SessionMinutes['turnout']>('Turnout').implement({
  fields: (t) => ({
    voterCount: t.exposeInt('voters', { description: 'Members who voted on at least one item: a count, never who.' }),
    eligibleCount: t.exposeInt('eligible'),
    percent: t.exposeInt('percent'),
  }),
});

const SessionMinutesRef = builder.objectRef<SessionMinutes>('SessionMinutes').implement({
  description: 'Written when the session ends.',
  fields: (t) => ({
    decisions: t.field({ type: [MinutesDecisionRef], resolve: (minutes) => minutes.decisions }),
    attendance: t.exposeInt('attendance', { description: 'Members who came into the room while the session was live.' }),
    turnout: t.field({ type: TurnoutRef, resolve: (minutes) => minutes.turnout }),
  }),
});

export const LiveSessionRef = builder.prismaNode('LiveSession', {
  id: { field: 'id' },
  authScopes: (session) => ({ read: { communityId: session.communityId, area: 'SESSIONS' } }),
  fields: (t) => ({
    title: t.exposeString('title'),
    place: t.exposeString('place'),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    status: t.expose('status', { type: LiveSessionStatusEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    community: t.relation('community'),
    rules: t.field({ type: SessionRulesRef, resolve: (session) => ({ ...session, frozenAt: session.rulesFrozenAt }) }),
    chairs: t.field({
      type: [UserRef],
      select: (_args, _ctx, nestedSelection) => ({ chairs: { select: { user: nestedSelection(true) } } }),
      resolve: (session) => session.chairs.map((chair) => chair.user),
    }),
    agenda: t.relation('items', { query: { orderBy: { position: 'asc' } } }),
    currentItem: t.relation('currentItem', { nullable: true }),
    minutes: t.field({
      type: SessionMinutesRef,
      nullable: true,
      resolve: (session) => (session.minutes as SessionMinutes | null) ?? null,
    }),
    viewerIsChair: t.boolean({
      select: { chairs: { select: { userId: true } } },
      resolve: (session, _args, ctx) => isChairOf(ctx.viewer, session),
    }),
    viewerIsMuted: t.boolean({
      resolve: async (session, _args, ctx) => ctx.viewer.kind === 'user' && (await activeMute(ctx.db, session.id, ctx.viewer.userId)) !== null,
    }),
    hands: t.relation('hands', {
      description: 'Whoever has the floor and the hands waiting, first raised first.',
      query: { where: { status: { in: ['SPEAKING', 'WAITING'] } }, orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }] },
    }),
    mutes: t.relation('mutes', {
      authScopes: (session) => ({ cadre: session.communityId }),
      // Who is muted is for cadres; everyone else sees an empty list rather than an error.
      unauthorizedResolver: () => [] as never,
      query: { where: { liftedAt: null }, orderBy: { createdAt: 'asc' } },
    }),
  }),
});

// Type-level checks need the community, which lives on the session.
const withCommunity = { session: { select: { communityId: true } } } as const;

export const AgendaItemRef = builder.prismaNode('AgendaItem', {
  id: { field: 'id' },
  include: withCommunity,
  authScopes: (item) => ({ read: { communityId: item.session.communityId, area: 'SESSIONS' } }),
  fields: (t) => ({
    position: t.exposeInt('position'),
    phase: t.expose('phase', { type: AgendaPhaseEnum }),
    phaseStartedAt: t.expose('phaseStartedAt', { type: 'DateTime', nullable: true }),
    phaseEndsAt: t.expose('phaseEndsAt', { type: 'DateTime', nullable: true, description: "When the phase's time box runs out." }),
    version: t.exposeInt('version'),
    concern: t.relation('concern'),
    session: t.relation('session'),
    proposals: t.field({
      type: [ProposalRef],
      description: 'The proposals on the table, pinned first.',
      select: (_args, _ctx, nestedSelection) => ({
        concern: { select: { proposals: nestedSelection({ where: roomProposals, orderBy: proposalOrder }) } },
      }),
      // nestedSelection adds the Proposal type's own include (its community), which the row type cannot see.
      resolve: (item) => item.concern.proposals as (typeof item.concern.proposals[number] & { concern: { communityId: number } })[],
    }),
    votingWindow: t.relation('votingWindow', { nullable: true, description: 'Opened when the item reaches VOTING.' }),
  }),
});

export const HandRaiseRef = builder.prismaNode('HandRaise', {
  id: { field: 'id' },
  include: withCommunity,
  authScopes: (hand) => ({ read: { communityId: hand.session.communityId, area: 'SESSIONS' } }),
  fields: (t) => ({
    status: t.expose('status', { type: HandStatusEnum }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
    floorAt: t.expose('floorAt', { type: 'DateTime', nullable: true }),
    user: t.relation('user'),
  }),
});

// A mute is seen by the community's cadres and by the member muted.
export const SessionMuteRef = builder.prismaNode('SessionMute', {
  id: { field: 'id' },
  include: withCommunity,
  authScopes: (mute, ctx) => isSelf(ctx.viewer, mute.userId) || isCadre(ctx.viewer, mute.session.communityId),
  fields: (t) => ({
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    liftedAt: t.expose('liftedAt', { type: 'DateTime', nullable: true }),
    user: t.relation('user'),
  }),
});

builder.prismaObjectField(CommunityRef, 'liveSessions', (t) =>
  t.relation('liveSessions', {
    description: 'Sessions to come or under way, and those of the last 30 days, latest first.',
    authScopes: (community) => ({ read: { communityId: community.id, area: 'SESSIONS' } }),
    // Those who may not follow the sessions get an empty list rather than an error.
    unauthorizedResolver: () => [] as never,
    query: (_args, ctx) => ({
      where: {
        OR: [{ status: { in: ['SCHEDULED', 'LIVE'] } }, { scheduledAt: { gte: new Date(ctx.clock.now().getTime() - 30 * 86_400_000) } }],
      },
      orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }],
      take: 50,
    }),
  }),
);

// ───────────────────────────── live snapshots ─────────────────────────────

const AgendaLineRef = builder.objectRef<AgendaLine>('AgendaLine').implement({
  fields: (t) => ({
    itemId: t.id({ resolve: (line) => encodeGlobalID('AgendaItem', line.itemId) }),
    concernId: t.id({ resolve: (line) => encodeGlobalID('Concern', line.concernId) }),
    position: t.exposeInt('position'),
    phase: t.expose('phase', { type: AgendaPhaseEnum }),
    phaseStartedAt: t.expose('phaseStartedAt', { type: 'DateTime', nullable: true }),
    phaseEndsAt: t.expose('phaseEndsAt', { type: 'DateTime', nullable: true }),
  }),
});

const SessionSnapshotRef = builder.objectRef<SessionSnapshot>('SessionSnapshot').implement({
  description: 'The whole state of a session room; a newer version replaces an older one.',
  fields: (t) => ({
    sessionId: t.id({ resolve: (snapshot) => encodeGlobalID('LiveSession', snapshot.sessionId) }),
    version: t.exposeInt('version'),
    status: t.expose('status', { type: LiveSessionStatusEnum }),
    title: t.exposeString('title'),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    rules: t.field({ type: SessionRulesRef, resolve: (snapshot) => snapshot.rules }),
    agenda: t.field({ type: [AgendaLineRef], resolve: (snapshot) => snapshot.agenda }),
    currentItem: t.field({
      type: AgendaLineRef,
      nullable: true,
      resolve: (snapshot) => snapshot.agenda.find((line) => line.itemId === snapshot.currentItemId) ?? null,
    }),
  }),
});

const AgendaItemSnapshotRef = builder.objectRef<AgendaItemSnapshot>('AgendaItemSnapshot').implement({
  description: 'One agenda item as the room sees it: its phase and timer, and the proposals on the table.',
  fields: (t) => ({
    itemId: t.id({ resolve: (snapshot) => encodeGlobalID('AgendaItem', snapshot.itemId) }),
    sessionId: t.id({ resolve: (snapshot) => encodeGlobalID('LiveSession', snapshot.sessionId) }),
    concernId: t.id({ resolve: (snapshot) => encodeGlobalID('Concern', snapshot.concernId) }),
    version: t.exposeInt('version'),
    position: t.exposeInt('position'),
    phase: t.expose('phase', { type: AgendaPhaseEnum }),
    phaseStartedAt: t.expose('phaseStartedAt', { type: 'DateTime', nullable: true }),
    phaseEndsAt: t.expose('phaseEndsAt', { type: 'DateTime', nullable: true }),
    votingWindowId: t.id({
      nullable: true,
      resolve: (snapshot) => (snapshot.windowId ? encodeGlobalID('VotingWindow', snapshot.windowId) : null),
    }),
    proposalIds: t.idList({
      description: 'The proposals shown in the room, pinned first.',
      resolve: (snapshot) => snapshot.proposalIds.map((id) => encodeGlobalID('Proposal', id)),
    }),
    proposals: t.prismaField({
      type: ['Proposal'],
      description: 'The same proposals, to show.',
      resolve: (query, snapshot, _args, ctx) =>
        ctx.db.proposal.findMany({ ...query, where: { id: { in: snapshot.proposalIds } }, orderBy: proposalOrder }),
    }),
    tally: t.field({
      type: TallySnapshotRef,
      nullable: true,
      description:
        'The count when the snapshot was taken (live counts: Subscription.tally). Its lines are null for residents while the session hides tallies and the vote is open.',
      resolve: (snapshot) => snapshot.tally,
    }),
  }),
});

const PresenceSnapshotRef = builder.objectRef<PresenceSnapshot>('PresenceSnapshot').implement({
  fields: (t) => ({
    sessionId: t.id({ resolve: (snapshot) => encodeGlobalID('LiveSession', snapshot.sessionId) }),
    version: t.exposeFloat('version', { description: 'A time-based version (milliseconds): keep the snapshot with the highest.' }),
    count: t.exposeInt('count', { description: 'Members in the room now.' }),
    people: t.prismaField({
      type: ['User'],
      nullable: true,
      description: 'Who they are: for cadres only, null for everyone else.',
      resolve: (query, snapshot, _args, ctx) =>
        canSeeWhoIsPresent(ctx.viewer, snapshot.communityId)
          ? ctx.db.user.findMany({ ...query, where: { id: { in: snapshot.userIds } }, orderBy: { id: 'asc' } })
          : null,
    }),
  }),
});

const RaisedHandRef = builder.objectRef<HandsSnapshot['hands'][number]>('RaisedHand').implement({
  fields: (t) => ({
    handId: t.id({ resolve: (hand) => encodeGlobalID('HandRaise', hand.handId) }),
    userId: t.id({ resolve: (hand) => encodeGlobalID('User', hand.userId) }),
    displayName: t.exposeString('displayName'),
    status: t.expose('status', { type: HandStatusEnum }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
  }),
});

const HandsSnapshotRef = builder.objectRef<HandsSnapshot>('HandsSnapshot').implement({
  fields: (t) => ({
    sessionId: t.id({ resolve: (snapshot) => encodeGlobalID('LiveSession', snapshot.sessionId) }),
    version: t.exposeFloat('version', { description: 'A time-based version (milliseconds): keep the snapshot with the highest.' }),
    hands: t.field({ type: [RaisedHandRef], resolve: (snapshot) => snapshot.hands }),
  }),
});

/** Subscribers must be able to follow the session's community, checked when they subscribe. */
async function followScope(ctx: GraphQLContext, where: { sessionId: number } | { itemId: number }) {
  const session =
    'sessionId' in where
      ? await ctx.db.liveSession.findUnique({ where: { id: where.sessionId }, select: { communityId: true } })
      : (await ctx.db.agendaItem.findUnique({ where: { id: where.itemId }, select: { session: { select: { communityId: true } } } }))?.session;
  return session ? { read: { communityId: session.communityId, area: 'SESSIONS' as const } } : false;
}

builder.subscriptionFields((t) => ({
  session: t.field({
    type: SessionSnapshotRef,
    description: 'The room: the session, its agenda and the item in play. A member subscribed here is counted present.',
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    authScopes: (_root, { sessionId }, ctx) => followScope(ctx, { sessionId: Number(sessionId.id) }),
    subscribe: (_root, { sessionId }, ctx) => sessionSnapshots(ctx, Number(sessionId.id)),
    resolve: (snapshot) => snapshot,
  }),
  agendaItem: t.field({
    type: AgendaItemSnapshotRef,
    args: { itemId: t.arg.globalID({ for: AgendaItemRef }) },
    authScopes: (_root, { itemId }, ctx) => followScope(ctx, { itemId: Number(itemId.id) }),
    subscribe: (_root, { itemId }, ctx) => agendaItemSnapshots(ctx, Number(itemId.id)),
    resolve: (snapshot) => snapshot,
  }),
  presence: t.field({
    type: PresenceSnapshotRef,
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    authScopes: (_root, { sessionId }, ctx) => followScope(ctx, { sessionId: Number(sessionId.id) }),
    subscribe: (_root, { sessionId }, ctx) => presenceSnapshots(ctx, Number(sessionId.id)),
    resolve: (snapshot) => snapshot,
  }),
  hands: t.field({
    type: HandsSnapshotRef,
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    authScopes: (_root, { sessionId }, ctx) => followScope(ctx, { sessionId: Number(sessionId.id) }),
    subscribe: (_root, { sessionId }, ctx) => handsSnapshots(ctx, Number(sessionId.id)),
    resolve: (snapshot) => snapshot,
  }),
}));

// ───────────────────────────── queries ─────────────────────────────

builder.queryField('liveSession', (t) =>
  t.prismaField({
    type: 'LiveSession',
    nullable: true,
    description: 'A session by id, to show it or to catch up after a reconnect; null when the viewer may not follow it.',
    args: { id: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.liveSession.findFirst({ ...query, where: { id: Number(id.id), community: readableCommunityWhere(ctx, 'SESSIONS') } }),
  }),
);

// ───────────────────────────── commands ─────────────────────────────

const percent = z.number().int().min(0, 'At least 0').max(100, 'At most 100');

const SessionRulesInput = builder.inputType('SessionRulesInput', {
  description: "Unset fields take the community's settings (or 10-minute phases, tallies shown).",
  fields: (t) => ({
    quorumPercent: t.int({ required: false }),
    thresholdPercent: t.int({ required: false }),
    talliesHidden: t.boolean({ required: false }),
    phaseSeconds: t.int({ required: false }),
  }),
});

// Checked as part of whatever holds the rules, so a form hears about every bad field at once.
const rulesSchema = z.object({
  quorumPercent: percent.nullish(),
  thresholdPercent: z.number().int().min(50, 'At least 50').max(100, 'At most 100').nullish(),
  talliesHidden: z.boolean().nullish(),
  phaseSeconds: z.number().int().min(30, 'At least 30 seconds').max(4 * 3600, 'At most 4 hours').nullish(),
});

const maxAgenda = 30;

const ScheduleSessionInput = builder.inputType('ScheduleSessionInput', {
  fields: (t) => ({
    communityId: t.globalID({ for: CommunityRef }),
    title: t.string(),
    place: t.string({ required: false }),
    scheduledAt: t.field({ type: 'DateTime' }),
    chairIds: t.globalIDList({ for: UserRef, required: false, description: 'Cadres or admins; you alone when left out.' }),
    rules: t.field({ type: SessionRulesInput, required: false }),
    agenda: t.globalIDList({ for: ConcernRef, description: 'Acknowledged or reopened concerns, in order.' }),
  }),
  // Loose, so ids and nested rules pass through unchanged.
  validate: z.looseObject({
    title: z.string().trim().min(2, 'At least 2 characters').max(80, 'At most 80 characters'),
    place: z.string().trim().max(80, 'At most 80 characters').nullish(),
    chairIds: z.array(z.unknown()).max(10, 'At most 10 chairs').nullish(),
    rules: rulesSchema.nullish(),
    agenda: z.array(z.unknown()).max(maxAgenda, `At most ${maxAgenda} items`),
  }),
});

const ids = (list: readonly { id: string }[] | null | undefined) => list?.map((entry) => Number(entry.id)) ?? null;

const reloadSession = <Q extends object>(query: Q, ctx: GraphQLContext, id: number) =>
  ctx.db.liveSession.findUniqueOrThrow({ ...query, where: { id } });
const reloadItem = <Q extends object>(query: Q, ctx: GraphQLContext, id: number) =>
  ctx.db.agendaItem.findUniqueOrThrow({ ...query, where: { id } });
const reloadHand = <Q extends object>(query: Q, ctx: GraphQLContext, id: number) =>
  ctx.db.handRaise.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  scheduleSession: t.prismaField({
    type: 'LiveSession',
    errors: {},
    args: { input: t.arg({ type: ScheduleSessionInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const session = await scheduleSession(ctx, {
        ...input,
        communityId: Number(input.communityId.id),
        chairIds: ids(input.chairIds),
        agenda: ids(input.agenda) ?? [],
      });
      return reloadSession(query, ctx, session.id);
    },
  }),
  updateSessionRules: t.prismaField({
    type: 'LiveSession',
    errors: {},
    description: 'Until the first vote opens.',
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }), rules: t.arg({ type: SessionRulesInput, validate: rulesSchema }) },
    resolve: async (query, _root, { sessionId, rules }, ctx) =>
      reloadSession(query, ctx, (await updateSessionRules(ctx, Number(sessionId.id), rules)).id),
  }),
  setSessionAgenda: t.prismaField({
    type: 'LiveSession',
    errors: {},
    description: 'Until the first vote opens. Items already taken up must stay.',
    args: {
      sessionId: t.arg.globalID({ for: LiveSessionRef }),
      agenda: t.arg.globalIDList({ for: ConcernRef, validate: z.array(z.unknown()).max(maxAgenda, `At most ${maxAgenda} items`) }),
    },
    resolve: async (query, _root, { sessionId, agenda }, ctx) =>
      reloadSession(query, ctx, (await setSessionAgenda(ctx, Number(sessionId.id), ids(agenda) ?? [])).id),
  }),
  cancelSession: t.prismaField({
    type: 'LiveSession',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadSession(query, ctx, (await cancelSession(ctx, Number(sessionId.id))).id),
  }),
  startSession: t.prismaField({
    type: 'LiveSession',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadSession(query, ctx, (await startSession(ctx, Number(sessionId.id))).id),
  }),
  endSession: t.prismaField({
    type: 'LiveSession',
    errors: {},
    description: 'Ends the session and writes its minutes.',
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadSession(query, ctx, (await endSession(ctx, Number(sessionId.id))).id),
  }),
  advanceAgendaItem: t.prismaField({
    type: 'AgendaItem',
    errors: {},
    description: 'PENDING → PROPOSING → DISCUSSING → VOTING (opens the vote) → DECIDED (closes it, records the decision).',
    args: { itemId: t.arg.globalID({ for: AgendaItemRef }) },
    resolve: async (query, _root, { itemId }, ctx) => reloadItem(query, ctx, (await advanceAgendaItem(ctx, Number(itemId.id))).id),
  }),
  skipAgendaItem: t.prismaField({
    type: 'AgendaItem',
    errors: {},
    description: 'Passes over an item before its vote opens.',
    args: { itemId: t.arg.globalID({ for: AgendaItemRef }) },
    resolve: async (query, _root, { itemId }, ctx) => reloadItem(query, ctx, (await skipAgendaItem(ctx, Number(itemId.id))).id),
  }),
  raiseHand: t.prismaField({
    type: 'HandRaise',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadHand(query, ctx, (await raiseHand(ctx, Number(sessionId.id))).id),
  }),
  lowerHand: t.prismaField({
    type: 'HandRaise',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadHand(query, ctx, (await lowerHand(ctx, Number(sessionId.id))).id),
  }),
  giveFloor: t.prismaField({
    type: 'HandRaise',
    errors: {},
    args: { handId: t.arg.globalID({ for: HandRaiseRef }) },
    resolve: async (query, _root, { handId }, ctx) => reloadHand(query, ctx, (await giveFloor(ctx, Number(handId.id))).id),
  }),
  finishFloor: t.prismaField({
    type: 'HandRaise',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }) },
    resolve: async (query, _root, { sessionId }, ctx) => reloadHand(query, ctx, (await finishFloor(ctx, Number(sessionId.id))).id),
  }),
  muteMember: t.prismaField({
    type: 'SessionMute',
    errors: {},
    description: 'A muted member cannot raise a hand or propose in this session.',
    args: {
      sessionId: t.arg.globalID({ for: LiveSessionRef }),
      userId: t.arg.globalID({ for: UserRef }),
      reason: t.arg.string({ validate: z.string().trim().max(200, 'At most 200 characters') }),
    },
    resolve: async (query, _root, { sessionId, userId, reason }, ctx) => {
      const mute = await muteMember(ctx, Number(sessionId.id), Number(userId.id), reason);
      return ctx.db.sessionMute.findUniqueOrThrow({ ...query, where: { id: mute.id } });
    },
  }),
  hideProposalInSession: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: "The chair hides a proposal of the item in play; its public reason shows in the text's place.",
    args: {
      itemId: t.arg.globalID({ for: AgendaItemRef }),
      proposalId: t.arg.globalID({ for: ProposalRef }),
      reason: t.arg.string({ validate: z.string().trim().min(2, 'Give a reason').max(200, 'At most 200 characters') }),
    },
    resolve: async (query, _root, { itemId, proposalId, reason }, ctx) => {
      const proposal = await hideProposalInSession(ctx, Number(itemId.id), Number(proposalId.id), reason.trim());
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  mergeProposalsInSession: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'The chair merges one proposal of the item in play into another, before its vote opens.',
    args: {
      itemId: t.arg.globalID({ for: AgendaItemRef }),
      proposalId: t.arg.globalID({ for: ProposalRef }),
      intoProposalId: t.arg.globalID({ for: ProposalRef }),
    },
    resolve: async (query, _root, { itemId, proposalId, intoProposalId }, ctx) => {
      const proposal = await mergeProposalsInSession(ctx, Number(itemId.id), Number(proposalId.id), Number(intoProposalId.id));
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  pinProposalInSession: t.prismaField({
    type: 'Proposal',
    errors: {},
    description: 'The chair pins a proposal of the item in play to the top of the room, or unpins it.',
    args: { itemId: t.arg.globalID({ for: AgendaItemRef }), proposalId: t.arg.globalID({ for: ProposalRef }), pinned: t.arg.boolean() },
    resolve: async (query, _root, { itemId, proposalId, pinned }, ctx) => {
      const proposal = await pinProposalInSession(ctx, Number(itemId.id), Number(proposalId.id), pinned);
      return ctx.db.proposal.findUniqueOrThrow({ ...query, where: { id: proposal.id } });
    },
  }),
  unmuteMember: t.prismaField({
    type: 'SessionMute',
    errors: {},
    args: { sessionId: t.arg.globalID({ for: LiveSessionRef }), userId: t.arg.globalID({ for: UserRef }) },
    resolve: async (query, _root, { sessionId, userId }, ctx) => {
      const mute = await unmuteMember(ctx, Number(sessionId.id), Number(userId.id));
      return ctx.db.sessionMute.findUniqueOrThrow({ ...query, where: { id: mute.id } });
    },
  }),
}));
