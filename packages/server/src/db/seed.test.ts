import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from './client.js';
import { applyMigrations } from './migrate.js';
import { createThrowawayDatabase, defaultPgAdminUrl, dropDatabase } from './pg-admin.js';
import { demoAccounts, demoInvitationCodes, isDatabaseEmpty, seedDemo, type SeedSummary } from './seed.js';
import { ConcernStatus, Satisfaction, Stance, ActionStatus } from '../generated/sqlite/enums.js';
import { auditKinds } from '../modules/audit/audit-kinds.js';
import { verifyPassword } from '../security/passwords.js';
import { sha256 } from '../security/secrets.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A fixed "now" makes the run repeatable; every seeded date is relative to it.
const now = new Date('2026-11-20T09:30:00.000Z');

interface Target {
  name: string;
  setup(): Promise<{ url: string; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'SQLite',
    async setup() {
      const dir = mkdtempSync(path.join(tmpdir(), 'yishi-seed-'));
      return { url: `file:${path.join(dir, 'seed.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async setup() {
      const url = await createThrowawayDatabase(defaultPgAdminUrl, 'yishi_test');
      return { url, cleanup: () => dropDatabase(defaultPgAdminUrl, url) };
    },
  },
];

describe.each(targets)('seedDemo on $name', (target) => {
  let database: Database;
  let db: Db;
  let cleanup: () => Promise<void> = async () => {};
  let emptyBefore: boolean;
  let summary: SeedSummary;

  beforeAll(async () => {
    const made = await target.setup();
    cleanup = made.cleanup;
    await applyMigrations(made.url);
    database = await openDatabase(made.url);
    db = database.db;
    emptyBefore = await isDatabaseEmpty(db);
    summary = await seedDemo(db, { now });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await cleanup();
  }, 60_000);

  it('is empty before and not after', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('refuses to seed a database that already holds data', async () => {
    await expect(seedDemo(db, { now })).rejects.toThrow(/already/);
    expect(await db.community.count()).toBe(2);
  });

  it('reports what it wrote', async () => {
    expect(summary.communities).toBe(2);
    expect(summary.users).toBe(await db.user.count());
    expect(summary.users).toBeGreaterThanOrEqual(29);
    expect(summary.concerns).toBe(await db.concern.count());
    expect(summary.votes).toBe(await db.vote.count());
    expect(summary.auditEvents).toBe(await db.auditEvent.count());
  });

  it('has a neighbourhood with buildings and a village with hamlets, both public, with settings', async () => {
    const communities = await db.community.findMany({ include: { groups: true, categories: true } });
    const xinhua = communities.find((c) => c.slug === 'xinhua-lane')!;
    const taoyuan = communities.find((c) => c.slug === 'taoyuan-village')!;
    expect(xinhua.kind).toBe('NEIGHBOURHOOD');
    expect(taoyuan.kind).toBe('VILLAGE');
    expect(xinhua.groups.length).toBeGreaterThanOrEqual(4);
    expect(xinhua.groups.length).toBeLessThanOrEqual(6);
    expect(xinhua.groups.every((g) => g.kind === 'BUILDING')).toBe(true);
    expect(taoyuan.groups.length).toBeGreaterThanOrEqual(3);
    expect(taoyuan.groups.every((g) => g.kind === 'HAMLET')).toBe(true);
    for (const community of communities) {
      expect(community.isPublic).toBe(true);
      expect(community.quorumPercent).toBeGreaterThan(0);
      expect(community.thresholdPercent).toBeGreaterThan(0);
      expect(community.dissatisfactionPercent).toBeGreaterThan(0);
      expect(community.ratingWindowDays).toBeGreaterThan(0);
      expect(community.categories.length).toBeGreaterThanOrEqual(4);
      for (const category of community.categories) {
        expect(category.key).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(category.echoHours).toBeGreaterThan(0);
      }
    }
    expect(xinhua.categories.find((c) => c.key === 'safety')!.echoHours).toBe(24);
  });

  it('has the demo accounts with their roles, and the demo password verifies for every user', async () => {
    expect(demoAccounts.map((a) => a.login).sort()).toEqual(['admin', 'cadre', 'resident', 'village-cadre']);
    const expected = { resident: 'RESIDENT', cadre: 'CADRE', admin: 'ADMIN', 'village-cadre': 'CADRE' } as const;
    for (const account of demoAccounts) {
      expect(account.password).toBe('yishi-demo-2026');
      expect(account.role).toBe(expected[account.login as keyof typeof expected]);
      const user = await db.user.findUniqueOrThrow({ where: { login: account.login }, include: { memberships: { include: { community: true } } } });
      expect(user.displayName).toBe(account.displayName);
      expect(user.memberships.map((m) => [m.community.slug, m.role, m.status])).toEqual([[account.community, account.role, 'ACTIVE']]);
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
    }
    expect(demoAccounts.find((a) => a.login === 'village-cadre')!.community).toBe('taoyuan-village');
    const hashes = await db.user.findMany({ select: { login: true, passwordHash: true } });
    expect(new Set(hashes.map((h) => h.passwordHash)).size).toBe(1);
    expect(hashes.filter((h) => /^resident-\d\d$/.test(h.login)).length).toBeGreaterThanOrEqual(20);
    expect(await verifyPassword(hashes[0]!.passwordHash, 'wrong-password')).toBe(false);
  });

  it('spreads residents over groups of both communities', async () => {
    const memberships = await db.membership.findMany({ include: { community: true } });
    for (const slug of ['xinhua-lane', 'taoyuan-village']) {
      const inCommunity = memberships.filter((m) => m.community.slug === slug && m.role === 'RESIDENT');
      expect(new Set(inCommunity.map((m) => m.groupId).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
      expect(inCommunity.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('has a still-usable invitation per community with the known code', async () => {
    for (const [slug, code] of Object.entries(demoInvitationCodes)) {
      const invitation = await db.invitation.findUniqueOrThrow({ where: { codeHash: sha256(code) }, include: { community: true, uses: true } });
      expect(invitation.community.slug).toBe(slug);
      expect(invitation.codeHint).toBe(code.slice(0, 5));
      expect(invitation.revokedAt).toBeNull();
      expect(invitation.expiresAt!.getTime()).toBeGreaterThan(now.getTime());
      expect(invitation.usedCount).toBeLessThan(invitation.maxUses);
      expect(invitation.uses.length).toBe(invitation.usedCount);
    }
    expect(demoInvitationCodes).toEqual({ 'xinhua-lane': 'XINHUA-2026', 'taoyuan-village': 'TAOYUAN-2026' });
  });

  it('has a concern at every status of the loop', async () => {
    const concerns = await db.concern.findMany({ select: { status: true } });
    const present = new Set(concerns.map((c) => c.status));
    for (const status of Object.values(ConcernStatus)) expect(present, status).toContain(status);
  });

  it('sets every deadline from the category and answers in-time acknowledgements before it', async () => {
    const concerns = await db.concern.findMany({ include: { category: true } });
    for (const concern of concerns) {
      expect(concern.deadlineAt.getTime() - concern.createdAt.getTime()).toBe(concern.category.echoHours * HOUR);
      expect(concern.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(concern.categoryId).toBe(concern.category.id);
      expect(concern.category.communityId).toBe(concern.communityId);
      expect(concern.title).toMatch(/ \/ /);
      expect(concern.body).toMatch(/\n\n/);
    }
    const reported = concerns.filter((c) => c.status === 'REPORTED');
    const overdue = reported.filter((c) => c.deadlineAt < now);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    for (const c of overdue) {
      expect(c.escalatedAt).not.toBeNull();
      expect(c.escalatedAt!.getTime()).toBeGreaterThan(c.deadlineAt.getTime());
    }
    expect(reported.some((c) => c.deadlineAt > now && c.escalatedAt === null)).toBe(true);
    for (const c of reported) expect(c.acknowledgedAt).toBeNull();

    const cadres = await db.membership.findMany({ where: { role: { in: ['CADRE', 'ADMIN'] } } });
    const isCadre = (userId: number | null, communityId: number) => cadres.some((m) => m.userId === userId && m.communityId === communityId);
    for (const c of concerns.filter((x) => x.status === 'ACKNOWLEDGED')) {
      expect(c.answer).toBeTruthy();
      expect(isCadre(c.answeredById, c.communityId)).toBe(true);
      expect(c.acknowledgedAt!.getTime()).toBeLessThan(c.deadlineAt.getTime());
      expect(c.acknowledgedAt!.getTime()).toBeGreaterThan(c.createdAt.getTime());
    }
    for (const c of concerns.filter((x) => x.status === 'DECLINED')) {
      expect(c.answer).toBeTruthy();
      expect(c.declinedAt).not.toBeNull();
      expect(isCadre(c.answeredById, c.communityId)).toBe(true);
    }
    for (const c of concerns.filter((x) => x.status === 'MERGED')) {
      const into = concerns.find((x) => x.id === c.mergedIntoId)!;
      expect(into).toBeDefined();
      expect(into.communityId).toBe(c.communityId);
      expect(into.status).not.toBe('MERGED');
    }
    expect(concerns.filter((c) => c.status !== 'MERGED').every((c) => c.mergedIntoId === null)).toBe(true);
  });

  it('keeps each status consistent with its windows, decisions, actions and ratings', async () => {
    const concerns = await db.concern.findMany({
      include: {
        votingWindows: true,
        decisions: true,
        actions: { include: { ratingWindow: true, ratings: true } },
        community: true,
      },
    });
    for (const c of concerns) {
      const action = c.actions[0];
      const rw = action?.ratingWindow;
      switch (c.status) {
        case 'REPORTED':
        case 'ACKNOWLEDGED':
        case 'DECLINED':
        case 'MERGED':
          expect(c.votingWindows).toHaveLength(0);
          expect(c.actions).toHaveLength(0);
          break;
        case 'VOTING':
          expect(c.votingWindows.filter((w) => w.status === 'OPEN')).toHaveLength(1);
          expect(c.decisions).toHaveLength(0);
          break;
        case 'DECIDED':
          expect(c.decisions).toHaveLength(1);
          expect(c.actions).toHaveLength(0);
          break;
        case 'IN_PROGRESS':
          expect(c.decisions).toHaveLength(1);
          expect(action!.status).not.toBe('DONE');
          break;
        case 'RESOLVED':
          expect(action!.status).toBe('DONE');
          expect(c.resolvedAt).not.toBeNull();
          expect(rw!.closedAt).toBeNull();
          expect(rw!.closesAt.getTime()).toBeGreaterThan(now.getTime());
          expect(action!.ratings.length).toBeGreaterThan(0);
          break;
        case 'CLOSED': {
          expect(rw!.outcome).toBe('CLOSED');
          expect(c.closedAt).not.toBeNull();
          const dissatisfied = action!.ratings.filter((r) => r.value === 'DISSATISFIED').length;
          expect(dissatisfied * 100).toBeLessThanOrEqual(rw!.dissatisfactionPercent * action!.ratings.length);
          expect(action!.ratings.filter((r) => r.value === 'SATISFIED').length * 2).toBeGreaterThan(action!.ratings.length);
          break;
        }
        case 'REOPENED': {
          expect(rw!.outcome).toBe('REOPENED');
          expect(c.reopenedAt).not.toBeNull();
          expect(c.reopenCount).toBe(1);
          const dissatisfied = action!.ratings.filter((r) => r.value === 'DISSATISFIED').length;
          expect(dissatisfied * 100).toBeGreaterThan(rw!.dissatisfactionPercent * action!.ratings.length);
          break;
        }
      }
      if (rw) {
        expect(rw.dissatisfactionPercent).toBe(c.community.dissatisfactionPercent);
        expect(rw.openedAt.getTime()).toBeGreaterThanOrEqual(action!.doneAt!.getTime());
        if (rw.closedAt) expect(rw.closedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
  });

  it('never lets a reporter second their own concern', async () => {
    const seconds = await db.second.findMany({ include: { concern: true } });
    expect(seconds.length).toBeGreaterThan(30);
    for (const second of seconds) {
      expect(second.userId).not.toBe(second.concern.reporterId);
      expect(second.createdAt.getTime()).toBeGreaterThanOrEqual(second.concern.createdAt.getTime());
    }
    const perConcern = new Map<number, number>();
    for (const second of seconds) perConcern.set(second.concernId, (perConcern.get(second.concernId) ?? 0) + 1);
    expect(new Set(perConcern.values()).size).toBeGreaterThan(3);
  });

  it('records each decision with a tally equal to the vote rows, and consistent quorum figures', async () => {
    const decisions = await db.decision.findMany({ include: { window: true, concern: { include: { proposals: true } } } });
    expect(decisions.length).toBeGreaterThanOrEqual(3);
    const grouped = await db.vote.groupBy({ by: ['windowId', 'proposalId', 'choice'], _count: { _all: true } });
    for (const decision of decisions) {
      const tally = decision.tally as { proposalId: number; title: string; support: number; oppose: number; abstain: number; adopted: boolean }[];
      const rows = grouped.filter((g) => g.windowId === decision.windowId);
      const count = (proposalId: number, choice: string) => rows.find((r) => r.proposalId === proposalId && r.choice === choice)?._count._all ?? 0;
      expect(new Set(rows.map((r) => r.proposalId))).toEqual(new Set(tally.map((t) => t.proposalId)));
      for (const line of tally) {
        expect([line.support, line.oppose, line.abstain]).toEqual([count(line.proposalId, 'SUPPORT'), count(line.proposalId, 'OPPOSE'), count(line.proposalId, 'ABSTAIN')]);
        const proposal = decision.concern.proposals.find((p) => p.id === line.proposalId)!;
        expect(proposal.title).toBe(line.title);
        expect(proposal.status).toBe(line.adopted ? 'ADOPTED' : 'REJECTED');
        if (line.adopted) {
          expect(decision.quorumMet).toBe(true);
          expect(line.support * 100).toBeGreaterThan(decision.thresholdPercent * (line.support + line.oppose + line.abstain));
        }
      }
      const voters = await db.vote.findMany({ where: { windowId: decision.windowId }, distinct: ['voterId'], select: { voterId: true } });
      expect(decision.voterCount).toBe(voters.length);
      expect(decision.quorumMet).toBe(decision.voterCount >= decision.quorumCount);
      expect(decision.eligibleCount).toBe(decision.window.eligibleCount);
      expect(decision.quorumCount).toBe(decision.window.quorumCount);
      expect(decision.thresholdPercent).toBe(decision.window.thresholdPercent);
      expect(decision.window.status).toBe('CLOSED');
      expect(decision.decidedAt.getTime()).toBe(decision.window.closedAt!.getTime());
    }
  });

  it('freezes each voting window from the community, with the electorate at opening', async () => {
    const windows = await db.votingWindow.findMany({ include: { concern: { include: { community: true } }, votes: true } });
    expect(windows.some((w) => w.status === 'OPEN' && w.votes.length > 0)).toBe(true);
    for (const w of windows) {
      const community = w.concern.community;
      expect(w.quorumPercent).toBe(community.quorumPercent);
      expect(w.thresholdPercent).toBe(community.thresholdPercent);
      const eligible = await db.membership.count({ where: { communityId: community.id, status: 'ACTIVE', joinedAt: { lte: w.openedAt } } });
      expect(w.eligibleCount).toBe(eligible);
      expect(w.quorumCount).toBe(Math.ceil((w.eligibleCount * w.quorumPercent) / 100));
      const members = await db.membership.findMany({ where: { communityId: community.id, status: 'ACTIVE', joinedAt: { lte: w.openedAt } }, select: { userId: true } });
      const memberIds = new Set(members.map((m) => m.userId));
      for (const vote of w.votes) {
        expect(memberIds.has(vote.voterId)).toBe(true);
        expect(vote.createdAt.getTime()).toBeGreaterThanOrEqual(w.openedAt.getTime());
        expect(vote.createdAt.getTime()).toBeLessThanOrEqual((w.closedAt ?? now).getTime());
      }
    }
  });

  it('has proposals hidden with a reason, withdrawn, and comments of every stance, one hidden', async () => {
    const proposals = await db.proposal.findMany();
    const hidden = proposals.filter((p) => p.status === 'HIDDEN');
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    for (const p of hidden) {
      expect(p.hiddenReason).toBeTruthy();
      expect(p.hiddenById).not.toBeNull();
    }
    expect(proposals.some((p) => p.status === 'WITHDRAWN')).toBe(true);
    const votedOn = await db.vote.findMany({ distinct: ['proposalId'], select: { proposalId: true } });
    const votedIds = new Set(votedOn.map((v) => v.proposalId));
    for (const p of proposals.filter((x) => x.status === 'HIDDEN' || x.status === 'WITHDRAWN')) expect(votedIds.has(p.id)).toBe(false);

    const comments = await db.comment.findMany();
    for (const stance of Object.values(Stance)) expect(comments.some((c) => c.stance === stance), stance).toBe(true);
    const hiddenComments = comments.filter((c) => c.hiddenAt !== null);
    expect(hiddenComments.length).toBeGreaterThanOrEqual(1);
    for (const c of hiddenComments) expect(c.hiddenReason && c.hiddenById).toBeTruthy();
  });

  it('has a scheduled session in two days chaired by the cadre, and an ended one with minutes', async () => {
    const cadre = await db.user.findUniqueOrThrow({ where: { login: 'cadre' } });
    const sessions = await db.liveSession.findMany({ include: { chairs: true, items: { include: { votingWindow: true } }, attendance: true, decisions: true, community: true } });
    const scheduled = sessions.find((s) => s.status === 'SCHEDULED')!;
    expect(scheduled.community.slug).toBe('xinhua-lane');
    expect(Math.round((scheduled.scheduledAt.getTime() - now.getTime()) / DAY)).toBe(2);
    expect(scheduled.chairs.map((c) => c.userId)).toEqual([cadre.id]);
    expect(scheduled.items).toHaveLength(2);

    const ended = sessions.find((s) => s.status === 'ENDED')!;
    expect(ended.endedAt!.getTime()).toBeLessThan(now.getTime());
    expect(ended.startedAt!.getTime()).toBeLessThan(ended.endedAt!.getTime());
    expect(ended.decisions).toHaveLength(1);
    const item = ended.items.find((i) => i.votingWindow)!;
    expect(item.votingWindow!.id).toBe(ended.decisions[0]!.windowId);
    expect(item.concernId).toBe(ended.decisions[0]!.concernId);
    const minutes = ended.minutes as { decisions: { decisionId: number }[]; attendance: number; turnout: unknown };
    expect(minutes.decisions.map((d) => d.decisionId)).toEqual([ended.decisions[0]!.id]);
    expect(minutes.attendance).toBe(ended.attendance.length);
    expect(minutes.turnout).toBeDefined();
    const voters = await db.vote.findMany({ where: { windowId: item.votingWindow!.id }, distinct: ['voterId'], select: { voterId: true } });
    const attendees = new Set(ended.attendance.map((a) => a.userId));
    for (const v of voters) expect(attendees.has(v.voterId)).toBe(true);
  });

  it('has actions in every status, each owned, with weighted milestones and updates', async () => {
    const actions = await db.action.findMany({ include: { milestones: true, updates: true, decision: true, proposal: true } });
    for (const status of Object.values(ActionStatus)) expect(actions.some((a) => a.status === status), status).toBe(true);
    for (const a of actions) {
      expect(a.ownerId !== null || Boolean(a.ownerDepartment)).toBe(true);
      expect(a.proposal.status).toBe('ADOPTED');
      expect(a.decision.concernId).toBe(a.concernId);
      expect(a.milestones.length).toBeGreaterThan(0);
      if (a.status === 'DONE') expect(a.milestones.every((m) => m.doneAt)).toBe(true);
      if (a.status === 'BLOCKED') expect(a.blockedReason).toBeTruthy();
      if (a.status === 'PLANNED') expect(a.startedAt).toBeNull();
    }
    const partial = actions.find((a) => a.status === 'IN_PROGRESS')!;
    expect(partial.milestones.some((m) => m.doneAt)).toBe(true);
    expect(partial.milestones.some((m) => !m.doneAt)).toBe(true);
    expect(new Set(partial.milestones.map((m) => m.weight)).size).toBeGreaterThan(1);
    expect(actions.some((a) => a.ownerDepartment?.includes('街道城管科'))).toBe(true);
    expect(actions.reduce((n, a) => n + a.updates.length, 0)).toBeGreaterThan(5);
  });

  it('only lets reporters, seconders and voters rate, and uses every rating value', async () => {
    const ratings = await db.rating.findMany({ include: { action: { include: { concern: { include: { seconds: true, votingWindows: { include: { votes: true } } } } } } } });
    for (const value of Object.values(Satisfaction)) expect(ratings.some((r) => r.value === value), value).toBe(true);
    for (const rating of ratings) {
      const concern = rating.action.concern;
      const allowed = new Set([
        concern.reporterId,
        ...concern.seconds.map((s) => s.userId),
        ...concern.votingWindows.flatMap((w) => w.votes.map((v) => v.voterId)),
      ]);
      expect(allowed.has(rating.raterId)).toBe(true);
    }
  });

  it('has two rules in force linked to decisions, one amended, one due for review, and a village adoption', async () => {
    const rules = await db.rule.findMany({
      include: { versions: { orderBy: { version: 'asc' } }, community: true, sourceDecision: true, adoptedFrom: true },
    });
    const xinhua = rules.filter((r) => r.community.slug === 'xinhua-lane');
    expect(xinhua).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.status).toBe('IN_FORCE');
      expect(rule.currentVersion).toBe(rule.versions.length);
      for (const v of rule.versions) expect(v.effectiveAt.getTime()).toBeLessThan(now.getTime());
      expect(rule.versions.at(-1)!.reviewAt.getTime()).toBeGreaterThan(now.getTime());
    }
    for (const rule of xinhua) {
      expect(rule.sourceDecision).not.toBeNull();
      expect(rule.sourceDecision!.quorumMet).toBe(true);
    }
    const floor = xinhua.find((r) => r.versions[0]!.title.startsWith('装修期间保护公共楼道地面'))!;
    expect(floor.versions).toHaveLength(2);
    expect(floor.versions[1]!.changeNote).toBeTruthy();
    const parking = xinhua.find((r) => r.versions[0]!.title.startsWith('错时共享停车'))!;
    expect(parking).toBeDefined();
    const dueSoon = rules.filter((r) => r.versions.at(-1)!.reviewAt.getTime() - now.getTime() <= 10 * DAY);
    expect(dueSoon.length).toBeGreaterThanOrEqual(1);

    const copy = rules.find((r) => r.community.slug === 'taoyuan-village')!;
    expect(copy.adoptedFrom).not.toBeNull();
    expect(copy.adoptedFrom!.sourceRuleId).toBe(parking.id);
    expect(copy.adoptedFrom!.communityId).toBe(copy.communityId);
    expect(copy.versions[0]!.body).toBe(parking.versions[copy.adoptedFrom!.sourceVersion - 1]!.body);
  });

  it('writes a timeline for each concern that starts with the report and keeps secrets out', async () => {
    const events = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    const concerns = await db.concern.findMany();
    for (const e of events) {
      expect(Object.keys(auditKinds)).toContain(e.kind);
      expect(e.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      const text = JSON.stringify(e.data);
      expect(text).not.toMatch(/"choice"|SUPPORT|OPPOSE|ABSTAIN|BASICALLY_SATISFIED|"value"/);
      if (e.concernId !== null) expect(auditKinds[e.kind as keyof typeof auditKinds].timeline).toBe(true);
    }
    for (let i = 1; i < events.length; i++) expect(events[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.createdAt.getTime());
    for (const c of concerns) {
      const timeline = events.filter((e) => e.concernId === c.id);
      expect(timeline[0]!.kind).toBe('concern.reported');
      expect(timeline[0]!.actorId).toBe(c.reporterId);
      expect(timeline[0]!.createdAt.getTime()).toBe(c.createdAt.getTime());
      for (const e of timeline) expect(e.communityId).toBe(c.communityId);
      expect(c.updatedAt.getTime()).toBe(Math.max(...timeline.map((e) => e.createdAt.getTime())));
      const kinds = new Set(timeline.map((e) => e.kind));
      if (c.acknowledgedAt) expect(kinds).toContain('concern.acknowledged');
      if (c.status === 'MERGED') expect(kinds).toContain('concern.merged');
      if (c.status === 'DECLINED') expect(kinds).toContain('concern.declined');
      if (c.status === 'CLOSED') expect(kinds).toContain('concern.closed');
      if (c.status === 'REOPENED') expect(kinds).toContain('concern.reopened');
    }
    const closed = concerns.find((c) => c.status === 'CLOSED')!;
    const kinds = events.filter((e) => e.concernId === closed.id).map((e) => e.kind);
    for (const kind of ['proposal.created', 'voting.opened', 'voting.closed', 'decision.recorded', 'action.created', 'action.milestone_done', 'action.progress_posted', 'rating.window_opened', 'rating.window_closed']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('gives the demo resident read and unread notifications', async () => {
    const resident = await db.user.findUniqueOrThrow({ where: { login: 'resident' }, include: { notifications: true } });
    expect(resident.notifications.some((n) => n.readAt)).toBe(true);
    expect(resident.notifications.some((n) => !n.readAt)).toBe(true);
    const known = ['CONCERN_ACKNOWLEDGED', 'CONCERN_DECLINED', 'DECISION_RECORDED', 'ACTION_PROGRESS', 'RATING_REQUESTED', 'RULE_REVIEW_DUE', 'CONCERN_OVERDUE'];
    const all = await db.notification.findMany();
    for (const n of all) {
      expect(known).toContain(n.kind);
      expect(n.subject).toMatch(/^(concern|rule):\d+$/);
      expect(n.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (n.readAt) expect(n.readAt.getTime()).toBeGreaterThanOrEqual(n.createdAt.getTime());
    }
  });

  it('leaves the demo resident something to do: an open vote, a rating and a concern to second', async () => {
    const resident = await db.user.findUniqueOrThrow({ where: { login: 'resident' } });
    const open = await db.votingWindow.findFirstOrThrow({ where: { status: 'OPEN' } });
    expect(await db.vote.count({ where: { windowId: open.id, voterId: resident.id } })).toBe(0);
    const resolved = await db.concern.findFirstOrThrow({ where: { status: 'RESOLVED' }, include: { actions: true } });
    expect(resolved.reporterId).toBe(resident.id);
    expect(await db.rating.count({ where: { actionId: resolved.actions[0]!.id, raterId: resident.id } })).toBe(0);
  });
});
