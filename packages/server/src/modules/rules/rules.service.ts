// Standing rules: a good practice from a decision, fixed as a long-term mechanism. Each rule keeps every
// version; another community can adopt it from the practice library as a draft of its own.
import type { AppDeps, Context } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { RuleStatus } from '../../generated/sqlite/enums.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { sqlDialect, toNumber } from '../../db/sql-dialect.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../../errors.js';
import { fireOnce, type ScheduledJob } from '../../scheduler/scheduler.js';
import { recordAudit } from '../audit/audit.service.js';
import { canRead } from '../communities/communities.policy.js';
import { communityCadreIds } from '../concerns/concern-participants.js';
import { requireUser } from '../identity/identity.policy.js';
import { notify, publishUnreadCounts } from '../notifications/notifications.service.js';
import type { DecisionLine } from '../votes/votes.service.js';
import { canManageRules, canReadRule } from './rules.policy.js';

const DAY = 86_400_000;
const reviewKind = 'rule.review_due';

export interface RuleText {
  title: string;
  body: string;
  effectiveAt: Date;
  reviewAt: Date;
}

export interface DraftRuleInput extends RuleText {
  isPublic?: boolean | null;
}

export interface AmendRuleInput extends RuleText {
  changeNote: string;
}

function checkDates(text: RuleText): void {
  if (text.reviewAt.getTime() <= text.effectiveAt.getTime()) {
    throw ValidationError.field(['input', 'reviewAt'], 'The review date must come after the date it takes effect', 'BEFORE_EFFECTIVE');
  }
}

/** A rule for a command by one of its community's cadres. Those who may not read it are told it does not exist. */
async function ruleForCommand(ctx: Context, ruleId: number) {
  const rule = await ctx.db.rule.findUnique({
    where: { id: ruleId },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 }, sourceDecision: { select: { concernId: true } } },
  });
  if (!rule || !(await canReadRule(ctx, rule))) throw new NotFoundError('Rule', ruleId);
  if (!canManageRules(ctx.viewer, rule.communityId)) throw new ForbiddenError('CADRE_REQUIRED');
  return { ...rule, current: rule.versions[0]! };
}

/** Moves a rule between statuses, guarded by the status it was read in. */
async function moveRule(tx: Tx, rule: { id: number; status: RuleStatus }, from: RuleStatus[], data: Prisma.RuleUncheckedUpdateManyInput) {
  if (!from.includes(rule.status)) throw new InvalidStateError('Rule', rule.status, from);
  const moved = await tx.rule.updateMany({ where: { id: rule.id, status: rule.status }, data });
  if (moved.count === 0) {
    const now = await tx.rule.findUniqueOrThrow({ where: { id: rule.id }, select: { status: true } });
    throw new InvalidStateError('Rule', now.status, from);
  }
}

/** Drafts a rule from a decision that adopted something. */
export async function draftRule(ctx: Context, decisionId: number, input: DraftRuleInput) {
  const decision = await ctx.db.decision.findUnique({
    where: { id: decisionId },
    select: { id: true, tally: true, concernId: true, concern: { select: { communityId: true } } },
  });
  if (!decision || !(await canRead(ctx, decision.concern.communityId, 'BOARD'))) throw new NotFoundError('Decision', decisionId);
  const communityId = decision.concern.communityId;
  if (!canManageRules(ctx.viewer, communityId)) throw new ForbiddenError('CADRE_REQUIRED');
  const viewer = requireUser(ctx.viewer);
  if (!(decision.tally as unknown as DecisionLine[]).some((line) => line.adopted)) {
    throw ValidationError.field(['decisionId'], 'Only a decision that adopted a proposal becomes a rule', 'NOT_ADOPTED');
  }
  checkDates(input);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const rule = await tx.rule.create({
      data: {
        communityId,
        status: 'DRAFT',
        isPublic: input.isPublic ?? true,
        sourceDecisionId: decisionId,
        createdById: viewer.userId,
        createdAt: now,
        versions: {
          create: {
            version: 1,
            title: input.title,
            body: input.body,
            effectiveAt: input.effectiveAt,
            reviewAt: input.reviewAt,
            createdById: viewer.userId,
            createdAt: now,
          },
        },
      },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId,
      kind: 'rule.drafted',
      subjectType: 'Rule',
      subjectId: rule.id,
      data: { title: input.title, decisionId },
      at: now,
    });
    return rule;
  });
}

/** Puts a draft in force. A rule from a decision appears on that concern's timeline. */
export async function publishRule(ctx: Context, ruleId: number) {
  const rule = await ruleForCommand(ctx, ruleId);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await moveRule(tx, rule, ['DRAFT'], { status: 'IN_FORCE' });
    await recordAudit(tx, ctx.viewer, {
      communityId: rule.communityId,
      kind: 'rule.published',
      subjectType: 'Rule',
      subjectId: rule.id,
      concernId: rule.sourceDecision?.concernId ?? null,
      data: {
        ruleId: rule.id,
        version: rule.currentVersion,
        title: rule.current.title,
        decisionId: rule.sourceDecisionId,
        effectiveAt: rule.current.effectiveAt.toISOString(),
      },
      at: now,
    });
  });
  return rule;
}

/** Writes a new version; the earlier ones stay, so anyone can see what changed and why. */
export async function amendRule(ctx: Context, ruleId: number, input: AmendRuleInput) {
  const rule = await ruleForCommand(ctx, ruleId);
  if (rule.status === 'RETIRED') throw new InvalidStateError('Rule', rule.status, ['DRAFT', 'IN_FORCE']);
  checkDates(input);
  const { current } = rule;
  if (
    current.title === input.title &&
    current.body === input.body &&
    current.effectiveAt.getTime() === input.effectiveAt.getTime() &&
    current.reviewAt.getTime() === input.reviewAt.getTime()
  ) {
    throw ValidationError.field(['input', 'body'], 'Nothing changed', 'UNCHANGED');
  }
  const viewer = requireUser(ctx.viewer);
  const now = ctx.clock.now();
  const version = rule.currentVersion + 1;
  await ctx.db.$transaction(async (tx) => {
    // Guarded by the version it was read at: two cadres amending at once cannot both write version n+1.
    const bumped = await tx.rule.updateMany({
      where: { id: rule.id, currentVersion: rule.currentVersion, status: { not: 'RETIRED' } },
      data: { currentVersion: version },
    });
    if (bumped.count === 0) throw new InvalidStateError('Rule', 'CHANGED', [`version ${rule.currentVersion}`], 'Someone changed this rule meanwhile; reload it');
    await tx.ruleVersion.create({
      data: {
        ruleId: rule.id,
        version,
        title: input.title,
        body: input.body,
        effectiveAt: input.effectiveAt,
        reviewAt: input.reviewAt,
        changeNote: input.changeNote,
        createdById: viewer.userId,
        createdAt: now,
      },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId: rule.communityId,
      kind: 'rule.amended',
      subjectType: 'Rule',
      subjectId: rule.id,
      data: { version, changeNote: input.changeNote },
      at: now,
    });
  });
  return rule;
}

export async function retireRule(ctx: Context, ruleId: number, reason: string) {
  const rule = await ruleForCommand(ctx, ruleId);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await moveRule(tx, rule, ['DRAFT', 'IN_FORCE'], { status: 'RETIRED', retiredAt: now, retireReason: reason });
    await recordAudit(tx, ctx.viewer, {
      communityId: rule.communityId,
      kind: 'rule.retired',
      subjectType: 'Rule',
      subjectId: rule.id,
      data: { reason },
      at: now,
    });
  });
  return rule;
}

/**
 * Copies the current version of a rule from the practice library into a new DRAFT of the adopting
 * community, linked to its source. A draft, so the adopting cadres fit it to their place (dates, local
 * details) and put it in force themselves. Its dates start now, keeping the source's review interval.
 */
export async function adoptRule(ctx: Context, ruleId: number, communityId: number) {
  const source = await ctx.db.rule.findUnique({
    where: { id: ruleId },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 }, community: { select: { isPublic: true } } },
  });
  // Only what the library shows: public rules of public communities (a member sees their own too).
  if (!source || !(await canReadRule(ctx, source)) || !(source.isPublic && source.community.isPublic)) {
    throw new NotFoundError('Rule', ruleId);
  }
  const target = await ctx.db.community.findUnique({ where: { id: communityId }, select: { id: true } });
  if (!target) throw new NotFoundError('Community', communityId);
  if (!canManageRules(ctx.viewer, communityId)) throw new ForbiddenError('CADRE_REQUIRED');
  const viewer = requireUser(ctx.viewer);
  if (source.communityId === communityId) throw ValidationError.field(['communityId'], 'A community cannot adopt its own rule', 'OWN_COMMUNITY');
  if (source.status !== 'IN_FORCE') throw new InvalidStateError('Rule', source.status, ['IN_FORCE']);
  const current = source.versions[0]!;
  const now = ctx.clock.now();
  const interval = Math.max(current.reviewAt.getTime() - current.effectiveAt.getTime(), 30 * DAY);
  return ctx.db.$transaction(async (tx) => {
    const copies = await tx.ruleAdoption.count({ where: { sourceRuleId: source.id, communityId, copyRule: { status: { not: 'RETIRED' } } } });
    if (copies > 0) throw new InvalidStateError('Rule', 'ALREADY_ADOPTED', [], 'This community has already adopted this rule');
    const copy = await tx.rule.create({
      data: {
        communityId,
        status: 'DRAFT',
        isPublic: true,
        createdById: viewer.userId,
        createdAt: now,
        versions: {
          create: {
            version: 1,
            title: current.title,
            body: current.body,
            effectiveAt: now,
            reviewAt: new Date(now.getTime() + interval),
            createdById: viewer.userId,
            createdAt: now,
          },
        },
        adoptedFrom: {
          create: { sourceRuleId: source.id, sourceVersion: current.version, communityId, adoptedById: viewer.userId, adoptedAt: now },
        },
      },
    });
    await recordAudit(tx, ctx.viewer, {
      communityId,
      kind: 'rule.adopted',
      subjectType: 'Rule',
      subjectId: copy.id,
      data: { sourceRuleId: source.id, sourceVersion: current.version, sourceCommunityId: source.communityId },
      at: now,
    });
    return copy;
  });
}

interface DueReview {
  ruleId: number;
  version: number;
  title: string;
  reviewAt: Date;
  communityId: number;
}

/**
 * Current versions of rules in force whose review falls within their community's notice period and
 * whose notice has not gone out yet: one query, whatever the number of rules.
 */
async function dueReviews(deps: AppDeps, now: Date): Promise<DueReview[]> {
  const sql = sqlDialect(deps.provider);
  const noticeFrom = sql.minusDays(sql.instantOf(Prisma.raw('v."reviewAt"')), Prisma.raw('c."ruleReviewNoticeDays"'));
  const rows = await deps.db.$queryRaw<{ ruleId: unknown; version: unknown; title: string; reviewAt: string | Date; communityId: unknown }[]>`
    SELECT r."id" AS "ruleId", v."version" AS "version", v."title" AS "title", v."reviewAt" AS "reviewAt", r."communityId" AS "communityId"
    FROM "Rule" r
    JOIN "RuleVersion" v ON v."ruleId" = r."id" AND v."version" = r."currentVersion"
    JOIN "Community" c ON c."id" = r."communityId"
    WHERE r."status" = 'IN_FORCE'
      AND ${noticeFrom} <= ${sql.instant(now)}
      AND NOT EXISTS (
        SELECT 1 FROM "SchedulerFiring" f
        WHERE f."kind" = ${reviewKind} AND f."subjectKey" = CAST(r."id" AS TEXT) || ':' || CAST(v."version" AS TEXT)
      )
    ORDER BY v."reviewAt"
    LIMIT 200`;
  return rows.map((row) => ({
    ruleId: toNumber(row.ruleId)!,
    version: toNumber(row.version)!,
    title: row.title,
    reviewAt: new Date(row.reviewAt),
    communityId: toNumber(row.communityId)!,
  }));
}

/** Tells a community's cadres that a rule's review is coming, once per rule version. */
export const ruleReviewsJob: ScheduledJob = {
  name: 'rules.review-notices',
  async run(deps) {
    const now = deps.clock.now();
    let fired = 0;
    for (const due of await dueReviews(deps, now)) {
      let notified: number[] = [];
      const did = await fireOnce(deps, reviewKind, `${due.ruleId}:${due.version}`, async (tx) => {
        notified = await notify(tx, {
          userIds: await communityCadreIds(tx, due.communityId),
          communityId: due.communityId,
          kind: 'RULE_REVIEW_DUE',
          params: { ruleId: due.ruleId, version: due.version, title: due.title, reviewAt: due.reviewAt.toISOString() },
          subject: `rule:${due.ruleId}`,
          at: now,
        });
      });
      if (did) {
        fired++;
        await publishUnreadCounts(deps, notified);
      }
    }
    return fired;
  },
};
