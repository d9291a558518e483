// Key figures, shown to everyone: how well a community answers, resolves and satisfies, and how many
// take part. Everything is counted by the database (a handful of aggregate queries per community);
// medians too, with window functions both databases have.
//
// The figures describe the concerns REPORTED in the period: each concern counts in its category and in
// the month it was reported (in the community's time zone), with everything that happened to it since.
// Merged concerns are left out everywhere. Sessions count in the month they started.
import type { Context } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { sqlDialect, toNumber, type Sql, type SqlDialect } from '../../db/sql-dialect.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { canRead } from '../communities/communities.policy.js';
import { monthKey, monthStart, monthsBetween, type MonthSpan } from './months.js';

export interface FigureSet {
  reported: number;
  /** Acknowledged with a public answer. */
  acknowledged: number;
  /** Declined with a public reason, without being acknowledged first. */
  declined: number;
  /** acknowledged + declined: concerns that got a public answer. */
  responded: number;
  /** Answered at or before the echo deadline. */
  respondedOnTime: number;
  /** Resolved or closed now: not reopened, declined or still open. */
  resolved: number;
  responseRate: number | null;
  onTimeResponseRate: number | null;
  resolutionRate: number | null;
  medianHoursToRespond: number | null;
  medianHoursToResolve: number | null;
  ratings: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
  sessions: number;
  participants: number;
  electorate: number;
  participationRate: number | null;
}

export interface SessionParticipation {
  sessionId: number;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  month: string;
  participants: number;
  electorate: number;
  participationRate: number | null;
}

export interface CommunityFigures {
  communityId: number;
  from: Date;
  to: Date;
  timezone: string;
  totals: FigureSet;
  byCategory: { categoryId: number; figures: FigureSet }[];
  byMonth: { month: string; figures: FigureSet }[];
  sessions: SessionParticipation[];
}

export interface Period {
  from?: Date | null;
  to?: Date | null;
}

const maxMonths = 60;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
/** Hours to two decimals: SQLite's julianday arithmetic is exact only to about a millisecond. */
const hours = (value: unknown) => {
  const n = toNumber(value);
  return n === null ? null : Math.round(n * 100) / 100;
};

interface Counts {
  reported: number;
  acknowledged: number;
  declined: number;
  onTime: number;
  resolved: number;
  respondMedian: number | null;
  resolveMedian: number | null;
  ratings: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  sessions: number;
  participants: number;
  electorate: number;
}

const emptyCounts = (): Counts => ({
  reported: 0,
  acknowledged: 0,
  declined: 0,
  onTime: 0,
  resolved: 0,
  respondMedian: null,
  resolveMedian: null,
  ratings: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  sessions: 0,
  participants: 0,
  electorate: 0,
});

function figuresOf(c: Counts): FigureSet {
  const responded = c.acknowledged + c.declined;
  return {
    reported: c.reported,
    acknowledged: c.acknowledged,
    declined: c.declined,
    responded,
    respondedOnTime: c.onTime,
    resolved: c.resolved,
    responseRate: ratio(responded, c.reported),
    onTimeResponseRate: ratio(c.onTime, c.reported),
    resolutionRate: ratio(c.resolved, c.reported),
    medianHoursToRespond: c.respondMedian,
    medianHoursToResolve: c.resolveMedian,
    ratings: c.ratings,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    dissatisfied: c.dissatisfied,
    satisfactionRate: ratio(c.satisfied + c.basicallySatisfied, c.ratings),
    sessions: c.sessions,
    participants: c.participants,
    electorate: c.electorate,
    participationRate: ratio(c.participants, c.electorate),
  };
}

/** The months of the period as a table (month_key, start_at, end_at) the queries join on. */
function monthsTable(sql: SqlDialect, spans: MonthSpan[]): Sql {
  const rows = spans.map((s) => Prisma.sql`(CAST(${s.key} AS TEXT), ${sql.instant(s.start)}, ${sql.instant(s.end)})`);
  return Prisma.sql`months(month_key, start_at, end_at) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * Each row of `base` three times over: once for the totals, once under its category, once under its
 * month, so one GROUP BY (dim, group_key) yields every breakdown.
 */
const keyed = Prisma.sql`
  dims(dim) AS (VALUES ('total'), ('category'), ('month')),
  keyed AS (
    SELECT d.dim AS dim,
      CASE d.dim WHEN 'category' THEN CAST(b.category_id AS TEXT) WHEN 'month' THEN b.month_key ELSE '' END AS group_key,
      b.*
    FROM base b CROSS JOIN dims d
  )`;

/** The median of `column` per (dim, group_key): the middle row, or the mean of the middle two. */
const median = (name: string, column: string) => Prisma.raw(`
  ${name}_ranked AS (
    SELECT dim, group_key, ${column} AS value,
      ROW_NUMBER() OVER (PARTITION BY dim, group_key ORDER BY ${column}) AS rn,
      COUNT(*) OVER (PARTITION BY dim, group_key) AS n
    FROM keyed WHERE ${column} IS NOT NULL
  ),
  ${name} AS (
    SELECT dim, group_key, AVG(value) AS median FROM ${name}_ranked
    WHERE rn = (n + 1) / 2 OR rn = (n + 2) / 2
    GROUP BY dim, group_key
  )`);

type Row = Record<string, unknown> & { dim: string; group_key: string };

async function concernCounts(ctx: Context, sql: SqlDialect, communityId: number, spans: MonthSpan[]): Promise<Row[]> {
  const created = sql.instantOf(Prisma.raw('c."createdAt"'));
  const answered = sql.instantOf(Prisma.raw('COALESCE(c."acknowledgedAt", c."declinedAt")'));
  const deadline = sql.instantOf(Prisma.raw('c."deadlineAt"'));
  const resolvedAt = sql.instantOf(Prisma.raw('c."resolvedAt"'));
  const isResolved = Prisma.raw(`c."resolvedAt" IS NOT NULL AND c."status" IN ('RESOLVED', 'CLOSED')`);
  return ctx.db.$queryRaw<Row[]>`
    WITH ${monthsTable(sql, spans)},
    base AS (
      SELECT c."categoryId" AS category_id, m.month_key AS month_key,
        CASE WHEN c."acknowledgedAt" IS NOT NULL THEN 1 ELSE 0 END AS acknowledged,
        CASE WHEN c."acknowledgedAt" IS NULL AND c."declinedAt" IS NOT NULL THEN 1 ELSE 0 END AS declined,
        CASE WHEN ${answered} <= ${deadline} THEN 1 ELSE 0 END AS on_time,
        CASE WHEN ${isResolved} THEN 1 ELSE 0 END AS resolved,
        ${sql.hoursBetween(answered, created)} AS respond_hours,
        CASE WHEN ${isResolved} THEN ${sql.hoursBetween(resolvedAt, created)} END AS resolve_hours
      FROM "Concern" c
      JOIN months m ON ${created} >= m.start_at AND ${created} < m.end_at
      WHERE c."communityId" = ${communityId} AND c."status" <> 'MERGED'
    ),
    ${keyed},
    counts AS (
      SELECT dim, group_key, COUNT(*) AS reported, SUM(acknowledged) AS acknowledged, SUM(declined) AS declined,
        SUM(on_time) AS on_time, SUM(resolved) AS resolved
      FROM keyed GROUP BY dim, group_key
    ),
    ${median('respond_median', 'respond_hours')},
    ${median('resolve_median', 'resolve_hours')}
    SELECT counts.*, respond_median.median AS respond_median, resolve_median.median AS resolve_median
    FROM counts
    LEFT JOIN respond_median ON respond_median.dim = counts.dim AND respond_median.group_key = counts.group_key
    LEFT JOIN resolve_median ON resolve_median.dim = counts.dim AND resolve_median.group_key = counts.group_key`;
}

async function ratingCounts(ctx: Context, sql: SqlDialect, communityId: number, spans: MonthSpan[]): Promise<Row[]> {
  const created = sql.instantOf(Prisma.raw('c."createdAt"'));
  return ctx.db.$queryRaw<Row[]>`
    WITH ${monthsTable(sql, spans)},
    base AS (
      SELECT c."categoryId" AS category_id, m.month_key AS month_key,
        CASE WHEN r."value" = 'SATISFIED' THEN 1 ELSE 0 END AS satisfied,
        CASE WHEN r."value" = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END AS basically_satisfied,
        CASE WHEN r."value" = 'DISSATISFIED' THEN 1 ELSE 0 END AS dissatisfied
      FROM "Rating" r
      JOIN "Action" a ON a."id" = r."actionId"
      JOIN "Concern" c ON c."id" = a."concernId"
      JOIN months m ON ${created} >= m.start_at AND ${created} < m.end_at
      WHERE c."communityId" = ${communityId} AND c."status" <> 'MERGED'
    ),
    ${keyed}
    SELECT dim, group_key, COUNT(*) AS ratings, SUM(satisfied) AS satisfied,
      SUM(basically_satisfied) AS basically_satisfied, SUM(dissatisfied) AS dissatisfied
    FROM keyed GROUP BY dim, group_key`;
}

/** One row per ended session in the period that held a vote: distinct voters over the largest electorate of its votes. */
async function sessionRows(ctx: Context, sql: SqlDialect, communityId: number, spans: MonthSpan[]) {
  const started = sql.instantOf(Prisma.raw('s."startedAt"'));
  const rows = await ctx.db.$queryRaw<Record<string, unknown>[]>`
    WITH ${monthsTable(sql, spans)},
    votes AS (
      SELECT i."sessionId" AS session_id, COUNT(DISTINCT v."voterId") AS voters
      FROM "Vote" v JOIN "VotingWindow" w ON w."id" = v."windowId" JOIN "AgendaItem" i ON i."id" = w."agendaItemId"
      GROUP BY i."sessionId"
    ),
    electorate AS (
      SELECT i."sessionId" AS session_id, MAX(w."eligibleCount") AS eligible
      FROM "VotingWindow" w JOIN "AgendaItem" i ON i."id" = w."agendaItemId"
      GROUP BY i."sessionId"
    )
    SELECT s."id" AS id, s."title" AS title, s."startedAt" AS started_at, s."endedAt" AS ended_at, m.month_key AS month_key,
      COALESCE(votes.voters, 0) AS voters, electorate.eligible AS eligible
    FROM "LiveSession" s
    JOIN months m ON ${started} >= m.start_at AND ${started} < m.end_at
    JOIN electorate ON electorate.session_id = s."id"
    LEFT JOIN votes ON votes.session_id = s."id"
    WHERE s."communityId" = ${communityId} AND s."status" = 'ENDED'
    ORDER BY s."startedAt", s."id"`;
  return rows.map((row): SessionParticipation => {
    const participants = toNumber(row.voters) ?? 0;
    const electorate = toNumber(row.eligible) ?? 0;
    return {
      sessionId: toNumber(row.id)!,
      title: String(row.title),
      startedAt: new Date(row.started_at as string | Date),
      endedAt: row.ended_at ? new Date(row.ended_at as string | Date) : null,
      month: String(row.month_key),
      participants,
      electorate,
      participationRate: ratio(participants, electorate),
    };
  });
}

/** The default period: the twelve months up to now, whole months in the community's time zone. */
function periodOf(period: Period, now: Date, timezone: string): { from: Date; to: Date } {
  const to = period.to ?? now;
  let from = period.from;
  if (!from) {
    const [year, month] = monthKey(to, timezone).split('-').map(Number) as [number, number];
    from = month === 12 ? monthStart(year, 1, timezone) : monthStart(year - 1, month + 1, timezone);
  }
  if (from.getTime() >= to.getTime()) throw ValidationError.field(['from'], 'The period must start before it ends', 'NOT_BEFORE_END');
  return { from, to };
}

/** Every figure of one community for the period, by category and by month. */
export async function communityFigures(ctx: Context, communityId: number, period: Period = {}): Promise<CommunityFigures> {
  const community = await ctx.db.community.findUnique({
    where: { id: communityId },
    select: { id: true, timezone: true, categories: { select: { id: true, archived: true }, orderBy: { position: 'asc' } } },
  });
  if (!community) throw new NotFoundError('Community', communityId);
  if (!(await canRead(ctx, communityId, 'FIGURES'))) throw new ForbiddenError('NOT_ALLOWED_TO_READ');
  const { from, to } = periodOf(period, ctx.clock.now(), community.timezone);
  const spans = monthsBetween(from, to, community.timezone);
  if (spans.length > maxMonths) throw ValidationError.field(['from'], `At most ${maxMonths} months at once`, 'TOO_BIG');

  const sql = sqlDialect(ctx.provider);
  const [concerns, ratings, sessions] = await Promise.all([
    concernCounts(ctx, sql, communityId, spans),
    ratingCounts(ctx, sql, communityId, spans),
    sessionRows(ctx, sql, communityId, spans),
  ]);

  const groups = new Map<string, Counts>();
  const counts = (dim: string, key: string) => {
    const id = `${dim}:${key}`;
    let entry = groups.get(id);
    if (!entry) groups.set(id, (entry = emptyCounts()));
    return entry;
  };
  for (const row of concerns) {
    Object.assign(counts(row.dim, row.group_key), {
      reported: toNumber(row.reported) ?? 0,
      acknowledged: toNumber(row.acknowledged) ?? 0,
      declined: toNumber(row.declined) ?? 0,
      onTime: toNumber(row.on_time) ?? 0,
      resolved: toNumber(row.resolved) ?? 0,
      respondMedian: hours(row.respond_median),
      resolveMedian: hours(row.resolve_median),
    });
  }
  for (const row of ratings) {
    Object.assign(counts(row.dim, row.group_key), {
      ratings: toNumber(row.ratings) ?? 0,
      satisfied: toNumber(row.satisfied) ?? 0,
      basicallySatisfied: toNumber(row.basically_satisfied) ?? 0,
      dissatisfied: toNumber(row.dissatisfied) ?? 0,
    });
  }
  // Sessions span categories: they count in the totals and their month only.
  for (const session of sessions) {
    for (const entry of [counts('total', ''), counts('month', session.month)]) {
      entry.sessions += 1;
      entry.participants += session.participants;
      entry.electorate += session.electorate;
    }
  }

  const withData = new Set(concerns.filter((row) => row.dim === 'category').map((row) => Number(row.group_key)));
  return {
    communityId,
    from,
    to,
    timezone: community.timezone,
    totals: figuresOf(counts('total', '')),
    byCategory: community.categories
      .filter((category) => !category.archived || withData.has(category.id))
      .map((category) => ({ categoryId: category.id, figures: figuresOf(counts('category', String(category.id))) })),
    byMonth: spans.map((span) => ({ month: span.key, figures: figuresOf(counts('month', span.key)) })),
    sessions,
  };
}
