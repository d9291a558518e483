import { z } from 'zod';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/client.js';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { ConcernStatus } from '../../generated/sqlite/enums.js';
import { isTimelineKind, auditKinds } from '../audit/audit-kinds.js';
import { CategoryRef, CommunityRef, GroupRef } from '../communities/communities.schema.js';
import { readableCommunityWhere } from '../communities/communities.service.js';
import { MembershipRef } from '../members/members.schema.js';
import { canEcho, canSecond, canSeeReporter, isSettled } from './concerns.policy.js';
import {
  acknowledgeConcern,
  assignConcernOwner,
  boardOrderBy,
  boardWhere,
  concernCounts,
  declineConcern,
  isOverdue,
  mergeConcern,
  reportConcern,
  secondConcern,
  withdrawSecond,
  type BoardFilter,
} from './concerns.service.js';

export const ConcernStatusEnum = builder.enumType(ConcernStatus, { name: 'ConcernStatus' });

const ConcernSortEnum = builder.enumType('ConcernSort', {
  values: {
    NEWEST: { description: 'Most recently reported first.' },
    MOST_SECONDED: { description: 'Most seconds first: where effort matters most.' },
    DEADLINE: { description: 'Nearest echo deadline first.' },
  } as const,
});

const timelineKinds = Object.keys(auditKinds).filter(isTimelineKind);

// A photo's address is its permission (128-bit random keys, see http/core-routes.ts); the concern or
// progress update it hangs on is authorized where it appears.
export const PhotoRef = builder.prismaObject('Photo', {
  fields: (t) => ({
    url: t.string({ resolve: (photo) => `/uploads/${photo.storageKey}` }),
    mimeType: t.exposeString('mimeType'),
  }),
});

interface TimelineEntry {
  kind: string;
  at: Date;
  actorName: string | null;
  data: unknown;
}

const TimelineEntryRef = builder.objectRef<TimelineEntry>('TimelineEntry').implement({
  description: 'One thing that happened to a concern. Vote choices and individual ratings never appear here.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'An audit kind, e.g. concern.acknowledged.' }),
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName', { nullable: true, description: 'Who did it; null for the system or a hidden reporter.' }),
    data: t.expose('data', { type: 'JSON', description: 'Small facts of the event, e.g. { answer } or { intoConcernId }.' }),
  }),
});

// A resident's report of a "key small thing", and everything the loop does with it.
export const ConcernRef = builder.prismaNode('Concern', {
  id: { field: 'id' },
  authScopes: (concern) => ({ read: { communityId: concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    place: t.exposeString('place'),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    status: t.expose('status', { type: ConcernStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deadlineAt: t.expose('deadlineAt', { type: 'DateTime' }),
    overdue: t.boolean({
      description: 'Still waiting for its echo past the deadline.',
      resolve: (concern, _args, ctx) => isOverdue(concern, ctx.clock.now()),
    }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true, description: "When the community's admins were told it is overdue." }),
    community: t.relation('community'),
    category: t.relation('category'),
    group: t.relation('group', { nullable: true }),
    reporterPublic: t.exposeBoolean('reporterPublic'),
    reporter: t.relation('reporter', {
      nullable: true,
      description: "Seen by the community's members; by others only when the reporter opted in.",
      authScopes: (concern, _args, ctx) => canSeeReporter(ctx.viewer, concern),
      unauthorizedResolver: () => null,
    }),
    // A report carries at most four photos, so the list costs less than an open-ended one.
    photos: t.relation('photos', { query: { orderBy: { id: 'asc' } }, complexity: { field: 1, multiplier: 4 } }),
    secondCount: t.int({ resolve: async (concern, _args, ctx) => (await concernCounts(ctx, concern.id)).seconds }),
    proposalCount: t.int({
      description: 'Proposals still standing: active or adopted.',
      resolve: async (concern, _args, ctx) => (await concernCounts(ctx, concern.id)).proposals,
    }),
    secondedByMe: t.boolean({
      // At most one row per viewer and concern (unique), loaded for the whole page in one statement.
      select: (_args, ctx) =>
        ctx.viewer.kind === 'user' ? { seconds: { where: { userId: ctx.viewer.userId }, select: { id: true } } } : {},
      resolve: (concern) => ((concern as { seconds?: unknown[] }).seconds?.length ?? 0) > 0,
    }),
    canSecond: t.boolean({
      description: 'Whether the viewer may second (or withdraw a second from) this concern now.',
      resolve: (concern, _args, ctx) => canSecond(ctx.viewer, concern) && !isSettled(concern.status),
    }),
    canEcho: t.boolean({
      description: 'Whether the viewer may acknowledge, decline, merge or assign this concern.',
      resolve: (concern, _args, ctx) => canEcho(ctx.viewer, concern.communityId),
    }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    declinedAt: t.expose('declinedAt', { type: 'DateTime', nullable: true }),
    answer: t.exposeString('answer', { nullable: true, description: "The cadre's public echo, or the reason it was declined." }),
    answeredBy: t.relation('answeredBy', { nullable: true }),
    owner: t.relation('owner', { nullable: true }),
    mergedInto: t.relation('mergedInto', { nullable: true }),
    mergedFrom: t.relation('mergedFrom', { query: { orderBy: { id: 'asc' } } }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    reopenedAt: t.expose('reopenedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', { description: 'Bumped on every change; board events carry it.' }),
    timeline: t.field({
      type: [TimelineEntryRef],
      description: 'Everything that happened to the concern, oldest first.',
      select: {
        auditEvents: {
          where: { kind: { in: timelineKinds } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { kind: true, createdAt: true, actorId: true, data: true, actor: { select: { displayName: true } } },
        },
      },
      resolve: (concern, _args, ctx) => {
        // The reporter's name must not slip out through the timeline when it is hidden on the concern.
        const hideReporter = !canSeeReporter(ctx.viewer, concern);
        return concern.auditEvents.map((event) => ({
          kind: event.kind,
          at: event.createdAt,
          actorName: hideReporter && event.actorId === concern.reporterId ? null : (event.actor?.displayName ?? null),
          // Audit rows never hold a vote choice or an individual rating (audit.service.ts), so their data may be shown.
          data: event.data,
        }));
      },
    }),
  }),
});

const boardArgs = builder.args((t) => ({
  status: t.field({ type: [ConcernStatusEnum], required: false }),
  categoryKey: t.string({ required: false, validate: z.string().max(32) }),
  groupId: t.globalID({ for: GroupRef, required: false }),
  overdue: t.boolean({ required: false, description: 'Only concerns still unanswered past their deadline, or only the others.' }),
  search: t.string({ required: false, validate: z.string().max(80), description: 'Words in the title or the text.' }),
  sort: t.field({ type: ConcernSortEnum, defaultValue: 'NEWEST' }),
}));

// One connection type for both ways to the board, so clients share fragments and cache rules.
const ConcernConnection = builder.connectionObject({
  type: ConcernRef,
  name: 'ConcernConnection',
  fields: (t) => ({
    totalCount: t.int({
      description: 'How many concerns match the filters.',
      resolve: (connection) => {
        const { totalCount } = connection as { totalCount?: number | (() => number | Promise<number>) };
        return typeof totalCount === 'function' ? totalCount() : (totalCount ?? 0);
      },
    }),
  }),
});

interface BoardArgs {
  status?: ConcernStatus[] | null;
  categoryKey?: string | null;
  groupId?: { id: string } | null;
  overdue?: boolean | null;
  search?: string | null;
}

function boardFilter({ status, categoryKey, groupId, overdue, search }: BoardArgs): BoardFilter {
  return { status, categoryKey, overdue, search, groupId: groupId ? Number(groupId.id) : null };
}

// The root board only ever holds concerns of a community whose board the viewer may read.
function rootBoardWhere(ctx: Context, args: BoardArgs & { communityId: { id: string } }): Prisma.ConcernWhereInput {
  const community = { communityId: Number(args.communityId.id), community: readableCommunityWhere(ctx, 'BOARD') };
  return { AND: [community, boardWhere(ctx, boardFilter(args))] };
}

builder.prismaObjectFields(CommunityRef, (t) => ({
  concerns: t.relatedConnection('concerns', {
    complexity: connectionComplexity,
    description: "The community's board.",
    authScopes: (community) => ({ read: { communityId: community.id, area: 'BOARD' } }),
    cursor: 'id',
    totalCount: true,
    args: boardArgs,
    query: (args, ctx) => ({ where: boardWhere(ctx, boardFilter(args)), orderBy: boardOrderBy(args.sort) }),
  }, ConcernConnection),
}));

builder.queryFields((t) => ({
  concern: t.prismaField({
    type: 'Concern',
    nullable: true,
    description: 'A concern by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: ConcernRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.concern.findFirst({ ...query, where: { id: Number(id.id), community: readableCommunityWhere(ctx, 'BOARD') } }),
  }),
  concerns: t.prismaConnection({
    complexity: connectionComplexity,
    type: 'Concern',
    cursor: 'id',
    description: "A community's board, by the community's id; empty when the viewer may not read it.",
    args: { communityId: t.arg.globalID({ for: CommunityRef }), ...boardArgs },
    resolve: (query, _root, args, ctx) =>
      ctx.db.concern.findMany({ ...query, where: rootBoardWhere(ctx, args), orderBy: boardOrderBy(args.sort) }),
    totalCount: (_root, args, ctx) => ctx.db.concern.count({ where: rootBoardWhere(ctx, args) }),
  }, ConcernConnection),
}));

// ───────────────────────────── commands ─────────────────────────────

const ReportConcernInput = builder.inputType('ReportConcernInput', {
  fields: (t) => ({
    communityId: t.globalID({ for: CommunityRef }),
    categoryId: t.globalID({ for: CategoryRef }),
    groupId: t.globalID({ for: GroupRef, required: false, description: 'The building or hamlet, if it is about one.' }),
    title: t.string(),
    body: t.string(),
    place: t.string({ description: 'Where, in words: e.g. "3号楼东侧单元门口".' }),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    reporterPublic: t.boolean({ defaultValue: false, description: 'Show my name to visitors too (members always see it).' }),
    photos: t.field({ type: ['File'], required: false, description: 'Up to 4 JPEG, PNG or WebP photos.' }),
  }),
  // Loose, so the ids and the files pass through unchanged.
  validate: z
    .looseObject({
      title: z.string().trim().min(1, 'Enter a title').max(80, 'At most 80 characters'),
      body: z.string().trim().min(1, 'Describe the problem').max(2000, 'At most 2000 characters'),
      place: z.string().trim().min(1, 'Say where it is').max(120, 'At most 120 characters'),
      latitude: z.number().min(-90, 'Between -90 and 90').max(90, 'Between -90 and 90').nullish(),
      longitude: z.number().min(-180, 'Between -180 and 180').max(180, 'Between -180 and 180').nullish(),
      photos: z.array(z.unknown()).max(4, 'At most 4 photos').nullish(),
    })
    .refine((input) => (input.latitude == null) === (input.longitude == null), {
      path: ['longitude'],
      message: 'Give both latitude and longitude, or neither',
    }),
});

const answerText = z.string().trim().min(1, 'Write the answer').max(2000, 'At most 2000 characters');

builder.mutationFields((t) => ({
  reportConcern: t.prismaField({
    type: 'Concern',
    errors: {},
    description: 'A member reports a concern; photos come as parts of a multipart request.',
    args: { input: t.arg({ type: ReportConcernInput }) },
    resolve: async (query, _root, { input }, ctx) => {
      const concern = await reportConcern(ctx, {
        ...input,
        communityId: Number(input.communityId.id),
        categoryId: Number(input.categoryId.id),
        groupId: input.groupId ? Number(input.groupId.id) : null,
      });
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  secondConcern: t.prismaField({
    type: 'Concern',
    errors: {},
    description: "Adds the viewer's support to someone else's concern. Seconding twice changes nothing.",
    args: { concernId: t.arg.globalID({ for: ConcernRef }) },
    resolve: async (query, _root, { concernId }, ctx) => {
      const concern = await secondConcern(ctx, Number(concernId.id));
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  withdrawSecond: t.prismaField({
    type: 'Concern',
    errors: {},
    args: { concernId: t.arg.globalID({ for: ConcernRef }) },
    resolve: async (query, _root, { concernId }, ctx) => {
      const concern = await withdrawSecond(ctx, Number(concernId.id));
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  acknowledgeConcern: t.prismaField({
    type: 'Concern',
    errors: {},
    description: 'A cadre acknowledges a new concern with a public answer.',
    args: { concernId: t.arg.globalID({ for: ConcernRef }), answer: t.arg.string({ validate: answerText }) },
    resolve: async (query, _root, { concernId, answer }, ctx) => {
      const concern = await acknowledgeConcern(ctx, Number(concernId.id), answer);
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  declineConcern: t.prismaField({
    type: 'Concern',
    errors: {},
    description: 'A cadre declines a concern, giving the public reason.',
    args: { concernId: t.arg.globalID({ for: ConcernRef }), reason: t.arg.string({ validate: answerText }) },
    resolve: async (query, _root, { concernId, reason }, ctx) => {
      const concern = await declineConcern(ctx, Number(concernId.id), reason);
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  mergeConcern: t.prismaField({
    type: 'Concern',
    errors: {},
    description: 'A cadre merges a duplicate into another concern; its support moves along.',
    args: { concernId: t.arg.globalID({ for: ConcernRef }), intoConcernId: t.arg.globalID({ for: ConcernRef }) },
    resolve: async (query, _root, { concernId, intoConcernId }, ctx) => {
      const concern = await mergeConcern(ctx, Number(concernId.id), Number(intoConcernId.id));
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
  assignConcernOwner: t.prismaField({
    type: 'Concern',
    errors: {},
    description: 'A cadre makes a cadre or admin responsible for the concern, or (with null) clears it.',
    args: {
      concernId: t.arg.globalID({ for: ConcernRef }),
      ownerMembershipId: t.arg.globalID({ for: MembershipRef, required: false }),
    },
    resolve: async (query, _root, { concernId, ownerMembershipId }, ctx) => {
      const concern = await assignConcernOwner(ctx, Number(concernId.id), ownerMembershipId ? Number(ownerMembershipId.id) : null);
      return ctx.db.concern.findUniqueOrThrow({ ...query, where: { id: concern.id } });
    },
  }),
}));
