// Concerns: reporting, seconding, the cadre's echo (acknowledge, decline, merge, assign), the board's
// filters and order, and the escalation of concerns nobody answered in time.
import type { AppDeps, Context } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { ConcernStatus } from '../../generated/sqlite/enums.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, isUniqueViolation, type FieldIssue } from '../../errors.js';
import { fireOnce, type ScheduledJob } from '../../scheduler/scheduler.js';
import { checkPhoto, type CheckedPhoto } from '../../storage/photo-storage.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts, type NotificationKind } from '../notifications/notifications.service.js';
import { moveConcern } from './concern-lifecycle.js';
import { canEcho, canOwnConcerns, canReport, canSecond, isSettled, settledStatuses } from './concerns.policy.js';

const HOUR = 3_600_000;

/** What a board event needs to know about a concern. */
export interface BoardConcern {
  id: number;
  communityId: number;
  version: number;
  status: ConcernStatus;
}

/**
 * Tells everyone watching the community's board that a concern changed. Call it after the commit,
 * with the concern as it is now; any module that moves a concern does.
 */
export function publishBoardChange(deps: Pick<AppDeps, 'pubsub'>, concern: BoardConcern): void {
  deps.pubsub.publish('board', concern.communityId, {
    communityId: concern.communityId,
    concernId: concern.id,
    version: concern.version,
    status: concern.status,
  });
}

const boardFields = { id: true, communityId: true, version: true, status: true } as const;

/** Reads the concerns as they are now and publishes each one's board change (after the commit). */
export async function publishBoardChanges(deps: Pick<AppDeps, 'db' | 'pubsub'>, ids: number[]): Promise<void> {
  const concerns = await deps.db.concern.findMany({ where: { id: { in: ids } }, select: boardFields });
  for (const concern of concerns) publishBoardChange(deps, concern);
}

// ───────────────────────────── overdue ─────────────────────────────

/** A concern still waiting for its echo past its deadline. Derived, never stored. */
export function isOverdue(concern: { status: ConcernStatus; deadlineAt: Date }, now: Date): boolean {
  return concern.status === 'REPORTED' && concern.deadlineAt < now;
}

/** The same rule as isOverdue, as a filter. */
export function overdueWhere(now: Date): Prisma.ConcernWhereInput {
  return { status: 'REPORTED', deadlineAt: { lt: now } };
}

// ───────────────────────────── the board ─────────────────────────────

export type BoardSort = 'NEWEST' | 'MOST_SECONDED' | 'DEADLINE';

export interface BoardFilter {
  status?: ConcernStatus[] | null;
  categoryKey?: string | null;
  groupId?: number | null;
  overdue?: boolean | null;
  search?: string | null;
}

export function boardWhere(ctx: Pick<Context, 'clock' | 'provider'>, filter: BoardFilter): Prisma.ConcernWhereInput {
  const and: Prisma.ConcernWhereInput[] = [];
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.categoryKey) and.push({ category: { key: filter.categoryKey } });
  if (filter.groupId) and.push({ groupId: filter.groupId });
  if (filter.overdue === true) and.push(overdueWhere(ctx.clock.now()));
  if (filter.overdue === false) and.push({ NOT: overdueWhere(ctx.clock.now()) });
  const search = filter.search?.trim();
  if (search) {
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
    const contains = (ctx.provider === 'postgresql' ? { contains: search, mode: 'insensitive' } : { contains: search }) as Prisma.StringFilter;
    and.push({ OR: [{ title: contains }, { body: contains }] });
  }
  return and.length ? { AND: and } : {};
}

/** Every order ends on the id, so pages never repeat or skip a concern that ties. */
export function boardOrderBy(sort: BoardSort): Prisma.ConcernOrderByWithRelationInput[] {
  switch (sort) {
    case 'NEWEST':
      return [{ createdAt: 'desc' }, { id: 'desc' }];
    case 'MOST_SECONDED':
      return [{ seconds: { _count: 'desc' } }, { id: 'desc' }];
    case 'DEADLINE':
      return [{ deadlineAt: 'asc' }, { id: 'asc' }];
  }
}

// ───────────────────────────── counts ─────────────────────────────

export interface ConcernCounts {
  seconds: number;
  /** Proposals still standing: active or adopted. */
  proposals: number;
}

interface CountWaiter {
  resolve(counts: ConcernCounts): void;
  reject(error: unknown): void;
}
const countBatches = new WeakMap<object, Map<number, CountWaiter[]>>();

/**
 * A concern's seconds and standing proposals. Every concern of a page asks within one tick, and one
 * statement counts them all through the (concernId, …) indexes. Prisma's relation counts would group
 * the whole Second and Proposal tables on every board request, however few concerns the page shows.
 */
export function concernCounts(ctx: Pick<Context, 'db'>, concernId: number): Promise<ConcernCounts> {
  let batch = countBatches.get(ctx);
  if (!batch) {
    const created = new Map<number, CountWaiter[]>();
    countBatches.set(ctx, (batch = created));
    // Once the resolvers of this tick have all asked, as DataLoader does.
    void Promise.resolve().then(() =>
      process.nextTick(() => {
        countBatches.delete(ctx);
        countAll(ctx, [...created.keys()]).then(
          (counts) => {
            for (const [id, waiters] of created) for (const waiter of waiters) waiter.resolve(counts.get(id) ?? { seconds: 0, proposals: 0 });
          },
          (error: unknown) => {
            for (const waiters of created.values()) for (const waiter of waiters) waiter.reject(error);
          },
        );
      }),
    );
  }
  const waiters = batch.get(concernId) ?? [];
  batch.set(concernId, waiters);
  return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
}

async function countAll(ctx: Pick<Context, 'db'>, ids: number[]): Promise<Map<number, ConcernCounts>> {
  const rows = await ctx.db.$queryRaw<{ id: number | bigint; seconds: number | bigint; proposals: number | bigint }[]>`
    SELECT c."id" AS "id",
      (SELECT COUNT(*) FROM "Second" s WHERE s."concernId" = c."id") AS "seconds",
      (SELECT COUNT(*) FROM "Proposal" p WHERE p."concernId" = c."id" AND p."status" IN ('ACTIVE', 'ADOPTED')) AS "proposals"
    FROM "Concern" c WHERE c."id" IN (${Prisma.join(ids)})`;
  return new Map(rows.map((row) => [Number(row.id), { seconds: Number(row.seconds), proposals: Number(row.proposals) }]));
}

// ───────────────────────────── reporting ─────────────────────────────

export interface ReportInput {
  communityId: number;
  categoryId: number;
  groupId?: number | null;
  title: string;
  body: string;
  place: string;
  latitude?: number | null;
  longitude?: number | null;
  reporterPublic?: boolean | null;
  photos?: File[] | null;
}

/**
 * A member reports a concern. Photos are checked (size, real type from their bytes) and stored before
 * the transaction; if anything fails afterwards they are removed again, so no orphaned file stays.
 */
export async function reportConcern(ctx: Context, input: ReportInput) {
  const viewer = requireUser(ctx.viewer);
  if (!canReport(viewer, input.communityId)) throw new ForbiddenError('NOT_A_MEMBER');

  const issues: FieldIssue[] = [];
  const category = await ctx.db.category.findUnique({ where: { id: input.categoryId } });
  if (!category || category.communityId !== input.communityId || category.archived) {
    issues.push({ path: ['input', 'categoryId'], message: 'No such category in this community', code: 'UNKNOWN_CATEGORY' });
  }
  if (input.groupId) {
    const group = await ctx.db.group.findUnique({ where: { id: input.groupId }, select: { communityId: true } });
    if (group?.communityId !== input.communityId) {
      issues.push({ path: ['input', 'groupId'], message: 'No such building or hamlet in this community', code: 'UNKNOWN_GROUP' });
    }
  }
  const files = input.photos ?? [];
  for (let i = 0; i < files.length; i++) await ctx.rateLimits.consume('uploadPerUser', String(viewer.userId));
  const photos: CheckedPhoto[] = [];
  for (const [index, file] of files.entries()) {
    try {
      photos.push(await checkPhoto(file, ctx.config.MAX_UPLOAD_BYTES, ['input', 'photos', String(index)]));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length || !category) throw new ValidationError(issues);

  const keys: string[] = [];
  const now = ctx.clock.now();
  let concern;
  try {
    for (const photo of photos) keys.push(await ctx.storage.put(photo.bytes, photo.mimeType));
    concern = await ctx.db.$transaction(async (tx) => {
      const created = await tx.concern.create({
        data: {
          communityId: input.communityId,
          categoryId: category.id,
          groupId: input.groupId ?? null,
          reporterId: viewer.userId,
          reporterPublic: input.reporterPublic ?? false,
          title: input.title.trim(),
          body: input.body.trim(),
          place: input.place.trim(),
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          createdAt: now,
          deadlineAt: new Date(now.getTime() + category.echoHours * HOUR),
        },
      });
      if (photos.length) {
        await tx.photo.createMany({
          data: photos.map((photo, i) => ({
            storageKey: keys[i]!,
            mimeType: photo.mimeType,
            byteSize: photo.bytes.byteLength,
            uploadedById: viewer.userId,
            concernId: created.id,
            createdAt: now,
          })),
        });
      }
      await recordAudit(tx, viewer, {
        communityId: input.communityId,
        kind: 'concern.reported',
        subjectType: 'Concern',
        subjectId: created.id,
        concernId: created.id,
        data: { categoryKey: category.key, title: created.title },
        at: now,
      });
      return created;
    });
  } catch (error) {
    await Promise.all(keys.map((key) => ctx.storage.remove(key)));
    throw error;
  }
  publishBoardChange(ctx, concern);
  return concern;
}

// ───────────────────────────── seconds ─────────────────────────────

/**
 * The concern a command acts on. Someone who may not even read the community's board learns nothing,
 * not even that the id exists.
 */
async function findConcern(ctx: Context, concernId: number) {
  const concern = await ctx.db.concern.findUnique({ where: { id: concernId } });
  if (!concern || !(await canRead(ctx, concern.communityId, 'BOARD'))) throw new NotFoundError('Concern', concernId);
  return concern;
}

const unsettledStatuses = Object.values(ConcernStatus).filter((status) => !isSettled(status));

function requireUnsettled(concern: { status: ConcernStatus }, message?: string) {
  if (isSettled(concern.status)) throw new InvalidStateError('Concern', concern.status, unsettledStatuses, message);
}

/**
 * Bumps the concern's version inside the caller's transaction: something shown with it changed (its
 * seconds, proposals or comments), so clients holding an older snapshot re-query. After the commit,
 * pass the result to publishBoardChange.
 */
export function bumpConcernVersion(tx: Tx, concernId: number): Promise<BoardConcern> {
  return tx.concern.update({ where: { id: concernId }, data: { version: { increment: 1 } }, select: boardFields });
}

/** The concern a member means to second or un-second: someone else's, and still gathering support. */
async function findConcernToSecond(ctx: Context, concernId: number) {
  const concern = await findConcern(ctx, concernId);
  const viewer = requireUser(ctx.viewer);
  if (!canSecond(viewer, concern)) {
    throw new ForbiddenError(concern.reporterId === viewer.userId ? 'OWN_CONCERN' : 'NOT_A_MEMBER');
  }
  requireUnsettled(concern);
  return { concern, viewer };
}

/**
 * A member seconds someone else's concern. Seconding twice is harmless: the unique (concern, user)
 * row decides, so two racing requests both succeed and one row is written. Who seconded is never
 * shown to others (only counts and one's own), so seconds stay off the audit trail too.
 */
export async function secondConcern(ctx: Context, concernId: number) {
  const { concern, viewer } = await findConcernToSecond(ctx, concernId);
  let changed: BoardConcern;
  try {
    changed = await ctx.db.$transaction(async (tx) => {
      await tx.second.create({ data: { concernId, userId: viewer.userId, createdAt: ctx.clock.now() } });
      return bumpConcernVersion(tx, concernId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return concern;
    throw error;
  }
  publishBoardChange(ctx, changed);
  return concern;
}

/** Takes a second back. Withdrawing one that does not exist is harmless. */
export async function withdrawSecond(ctx: Context, concernId: number) {
  const { concern, viewer } = await findConcernToSecond(ctx, concernId);
  const changed = await ctx.db.$transaction(async (tx) => {
    const removed = await tx.second.deleteMany({ where: { concernId, userId: viewer.userId } });
    return removed.count ? bumpConcernVersion(tx, concernId) : null;
  });
  if (changed) publishBoardChange(ctx, changed);
  return concern;
}

// ───────────────────────────── the cadre's echo ─────────────────────────────

async function findConcernToEcho(ctx: Context, concernId: number) {
  const concern = await findConcern(ctx, concernId);
  if (!canEcho(ctx.viewer, concern.communityId)) throw new ForbiddenError('CADRE_REQUIRED');
  return concern;
}

function concernNotice(concern: { id: number; title: string; communityId: number }, kind: NotificationKind) {
  return { communityId: concern.communityId, kind, params: { concernId: concern.id, title: concern.title }, subject: `concern:${concern.id}` };
}

/** A cadre acknowledges a new concern with a public answer: the echo every report is owed. */
export async function acknowledgeConcern(ctx: Context, concernId: number, answer: string) {
  const concern = await findConcernToEcho(ctx, concernId);
  if (concern.status !== 'REPORTED') throw new InvalidStateError('Concern', concern.status, ['REPORTED']);
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  const text = answer.trim();
  const notified = await ctx.db.$transaction(async (tx) => {
    await moveConcern(tx, concern, 'ACKNOWLEDGED', { acknowledgedAt: now, answer: text, answeredById: viewer.userId });
    await recordAudit(tx, viewer, {
      communityId: concern.communityId,
      kind: 'concern.acknowledged',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: { answer: text },
      at: now,
    });
    return notify(tx, { ...concernNotice(concern, 'CONCERN_ACKNOWLEDGED'), userIds: [concern.reporterId], exceptUserId: viewer.userId, at: now });
  });
  await afterEcho(ctx, [concern.id], notified);
  return concern;
}

/** A cadre declines a concern, publicly giving the reason. */
export async function declineConcern(ctx: Context, concernId: number, reason: string) {
  const concern = await findConcernToEcho(ctx, concernId);
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  const text = reason.trim();
  const notified = await ctx.db.$transaction(async (tx) => {
    await moveConcern(tx, concern, 'DECLINED', { declinedAt: now, answer: text, answeredById: viewer.userId });
    await recordAudit(tx, viewer, {
      communityId: concern.communityId,
      kind: 'concern.declined',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: { reason: text },
      at: now,
    });
    return notify(tx, { ...concernNotice(concern, 'CONCERN_DECLINED'), userIds: [concern.reporterId], exceptUserId: viewer.userId, at: now });
  });
  await afterEcho(ctx, [concern.id], notified);
  return concern;
}

/**
 * Merges a duplicate into another concern of the same community. The duplicate's support moves with
 * it: its seconders, and its reporter, second the target, except the target's own reporter and
 * anyone who seconded it already.
 */
export async function mergeConcern(ctx: Context, concernId: number, intoConcernId: number) {
  const concern = await findConcernToEcho(ctx, concernId);
  if (concernId === intoConcernId) throw ValidationError.field('intoConcernId', 'A concern cannot be merged into itself', 'SAME_CONCERN');
  const target = await ctx.db.concern.findUnique({ where: { id: intoConcernId } });
  if (!target || target.communityId !== concern.communityId) {
    throw ValidationError.field('intoConcernId', 'No such concern in this community', 'UNKNOWN_CONCERN');
  }
  requireUnsettled(target, `The concern to merge into is ${target.status}`);
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  const merge = (tx: Tx) => mergeInTransaction(tx, viewer.userId, concern, target, now);
  let notified: number[];
  try {
    notified = await ctx.db.$transaction(merge);
  } catch (error) {
    // Someone seconded the target between our read and our insert: the whole merge rolled back, and
    // a second attempt sees their row.
    if (!isUniqueViolation(error)) throw error;
    notified = await ctx.db.$transaction(merge);
  }
  await afterEcho(ctx, [concern.id, target.id], notified);
  return concern;
}

type MergeSide = { id: number; communityId: number; status: ConcernStatus; reporterId: number; title: string };

async function mergeInTransaction(tx: Tx, actorId: number, concern: MergeSide, target: MergeSide, now: Date): Promise<number[]> {
  await moveConcern(tx, concern, 'MERGED', { mergedIntoId: target.id });
  const [fromSeconds, targetSeconds] = await Promise.all([
    tx.second.findMany({ where: { concernId: concern.id }, select: { userId: true } }),
    tx.second.findMany({ where: { concernId: target.id }, select: { userId: true } }),
  ]);
  const already = new Set([target.reporterId, ...targetSeconds.map((s) => s.userId)]);
  const supporters = [...new Set([concern.reporterId, ...fromSeconds.map((s) => s.userId)])];
  const carried = supporters.filter((userId) => !already.has(userId));
  if (carried.length) await tx.second.createMany({ data: carried.map((userId) => ({ concernId: target.id, userId, createdAt: now })) });
  // Guarded like moveConcern: a target settled (e.g. merged elsewhere) since we read it takes nothing in.
  const bumped = await tx.concern.updateMany({
    where: { id: target.id, status: { notIn: [...settledStatuses] } },
    data: { version: { increment: 1 } },
  });
  if (bumped.count === 0) throw new InvalidStateError('Concern', 'SETTLED', unsettledStatuses, 'The concern to merge into was settled meanwhile');
  // On both timelines: the duplicate says where it went, the target what joined it.
  await recordAudit(tx, actorId, {
    communityId: concern.communityId,
    kind: 'concern.merged',
    subjectType: 'Concern',
    subjectId: concern.id,
    concernId: concern.id,
    data: { intoConcernId: target.id, intoTitle: target.title },
    at: now,
  });
  await recordAudit(tx, actorId, {
    communityId: concern.communityId,
    kind: 'concern.merged',
    subjectType: 'Concern',
    subjectId: concern.id,
    concernId: target.id,
    data: { fromConcernId: concern.id, fromTitle: concern.title, secondsCarried: carried.length },
    at: now,
  });
  return notify(tx, {
    ...concernNotice(concern, 'CONCERN_MERGED'),
    userIds: [concern.reporterId, ...fromSeconds.map((s) => s.userId)],
    exceptUserId: actorId,
    at: now,
  });
}

/** Makes a cadre or admin of the community responsible for the concern, or clears the owner. */
export async function assignConcernOwner(ctx: Context, concernId: number, ownerMembershipId: number | null) {
  const concern = await findConcernToEcho(ctx, concernId);
  requireUnsettled(concern);
  let ownerId: number | null = null;
  if (ownerMembershipId !== null) {
    const membership = await ctx.db.membership.findUnique({ where: { id: ownerMembershipId } });
    if (!membership || membership.communityId !== concern.communityId || membership.status !== 'ACTIVE' || !canOwnConcerns(membership.role)) {
      throw ValidationError.field('ownerMembershipId', 'The owner must be a cadre or admin of this community', 'NOT_A_CADRE');
    }
    ownerId = membership.userId;
  }
  if (concern.ownerId === ownerId) return concern;
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    // Guarded by the status read above: a concern settled meanwhile keeps its last owner.
    const updated = await tx.concern.updateMany({
      where: { id: concern.id, status: { notIn: [...settledStatuses] } },
      data: { ownerId, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new InvalidStateError('Concern', 'SETTLED', unsettledStatuses);
    await recordAudit(tx, ctx.viewer, {
      communityId: concern.communityId,
      kind: 'concern.assigned',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: { ownerId },
      at: now,
    });
  });
  await afterEcho(ctx, [concern.id], []);
  return concern;
}

async function afterEcho(deps: Pick<AppDeps, 'db' | 'pubsub'>, concernIds: number[], notified: number[]): Promise<void> {
  await publishBoardChanges(deps, concernIds);
  await publishUnreadCounts(deps, notified);
}

// ───────────────────────────── escalation ─────────────────────────────

/**
 * Finds concerns still unanswered past their deadline, and tells the community's admins, once per
 * concern however many server processes run this job.
 */
export async function escalateOverdueConcerns(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.concern.findMany({
    where: { ...overdueWhere(now), escalatedAt: null },
    select: { id: true, communityId: true, title: true, deadlineAt: true },
    orderBy: { deadlineAt: 'asc' },
    take: 200,
  });
  let fired = 0;
  for (const concern of due) {
    let notified: number[] | null = null;
    await fireOnce(deps, 'concern.escalate', String(concern.id), async (tx) => {
      // Answered since we looked: nothing to escalate, and the firing row keeps it that way.
      const marked = await tx.concern.updateMany({
        where: { id: concern.id, status: 'REPORTED', escalatedAt: null },
        data: { escalatedAt: now, version: { increment: 1 } },
      });
      if (marked.count === 0) return;
      await recordAudit(tx, null, {
        communityId: concern.communityId,
        kind: 'concern.escalated',
        subjectType: 'Concern',
        subjectId: concern.id,
        concernId: concern.id,
        data: { deadlineAt: concern.deadlineAt.toISOString() },
        at: now,
      });
      const admins = await tx.membership.findMany({
        where: { communityId: concern.communityId, role: 'ADMIN', status: 'ACTIVE' },
        select: { userId: true },
      });
      notified = await notify(tx, {
        ...concernNotice(concern, 'CONCERN_OVERDUE'),
        params: { concernId: concern.id, title: concern.title, deadlineAt: concern.deadlineAt.toISOString() },
        userIds: admins.map((a) => a.userId),
        at: now,
      });
    });
    // Null when another process fired it first, or the concern was answered meanwhile.
    if (notified === null) continue;
    fired++;
    await afterEcho(deps, [concern.id], notified);
  }
  return fired;
}

export const concernEscalationJob: ScheduledJob = { name: 'concern.escalate', run: escalateOverdueConcerns };
