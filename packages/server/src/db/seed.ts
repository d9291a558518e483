// The demo data: two communities with concerns at every stage of the loop, so every screen has
// something real to show. `pnpm start` runs it on an empty database; the texts live in seed/content.ts.

import type { Db } from './client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import type { ActionStatus, ConcernStatus, ProposalStatus, Role, Satisfaction, VoteChoice } from '../generated/sqlite/enums.js';
import type { AuditKind } from '../modules/audit/audit-kinds.js';
import { hashPassword } from '../security/passwords.js';
import { sha256 } from '../security/secrets.js';
import {
  adoption,
  communities as communitySpecs,
  concerns as concernSpecs,
  demoPassword,
  endedSession,
  notifications as notificationSpecs,
  people,
  ratingComments,
  rules as ruleSpecs,
  upcomingSession,
  type Bi,
  type CommunitySlug,
  type ConcernSpec,
} from './seed/content.js';

type Tx = Prisma.TransactionClient;

export interface SeedSummary {
  communities: number;
  users: number;
  memberships: number;
  invitations: number;
  concerns: number;
  seconds: number;
  proposals: number;
  comments: number;
  votingWindows: number;
  votes: number;
  decisions: number;
  liveSessions: number;
  actions: number;
  milestones: number;
  progressUpdates: number;
  ratings: number;
  rules: number;
  ruleVersions: number;
  notifications: number;
  auditEvents: number;
}

export const demoAccounts: {
  login: string;
  password: string;
  role: 'RESIDENT' | 'CADRE' | 'ADMIN';
  community: string;
  displayName: string;
}[] = ['resident', 'cadre', 'admin', 'village-cadre'].map((login) => {
  const person = people.find((p) => p.login === login)!;
  return { login, password: demoPassword, role: person.role, community: person.community, displayName: person.displayName };
});

/** Codes that join the demo communities; only their SHA-256 is stored. */
export const demoInvitationCodes: Record<CommunitySlug, string> = Object.fromEntries(
  communitySpecs.map((c) => [c.slug, c.invitation.code]),
) as Record<CommunitySlug, string>;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [communities, users] = await Promise.all([db.community.count(), db.user.count()]);
  return communities === 0 && users === 0;
}

// ───────────────────────────── helpers ─────────────────────────────

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `中文 / English`: titles, names of places. */
const line = (text: Bi) => `${text[0]} / ${text[1]}`;
/** Chinese paragraph, then English paragraph. */
const paragraphs = (text: Bi) => `${text[0]}\n\n${text[1]}`;

/** A small seeded generator, so every run picks the same seconders, voters and raters. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `count` times spread evenly strictly between `from` and `to`. */
function spread(from: Date, to: Date, count: number): Date[] {
  const step = (to.getTime() - from.getTime()) / (count + 1);
  return Array.from({ length: count }, (_, i) => new Date(from.getTime() + step * (i + 1)));
}

const maxDate = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
const minDate = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

interface Person {
  id: number;
  login: string;
  role: Role;
  community: CommunitySlug;
  joinedAt: Date;
  active: boolean;
}

interface CommunityRow {
  id: number;
  spec: (typeof communitySpecs)[number];
  groups: Map<string, number>;
  categories: Map<string, { id: number; echoHours: number }>;
}

interface ConcernFacts {
  id: number;
  title: string;
  communityId: number;
  deadlineAt: Date;
  escalatedAt?: Date;
  acknowledgedAt?: Date;
  declinedAt?: Date;
  decisionId?: number;
  decidedAt?: Date;
  actionId?: number;
  actionProgress?: (at: Date) => number;
  ratingOpenedAt?: Date;
  ratingClosesAt?: Date;
}

interface AuditInput {
  communityId: number;
  actorId: number | null;
  kind: AuditKind;
  subjectType: string;
  subjectId: number;
  concernId?: number;
  data: Prisma.InputJsonValue;
  createdAt: Date;
}

class Seeder {
  readonly random = mulberry32(20260101);
  readonly people = new Map<string, Person>();
  readonly communities = new Map<CommunitySlug, CommunityRow>();
  readonly concerns = new Map<string, ConcernFacts>();
  readonly ruleIds = new Map<string, { id: number; communityId: number; title: string; reviewAt: Date }>();
  readonly audit: AuditInput[] = [];
  endedSession?: { id: number; startedAt: Date; attendees: Set<number>; decision?: { id: number; concernId: number; title: string; adopted: number[]; quorumMet: boolean; voters: number; eligible: number } };

  constructor(
    readonly tx: Tx,
    readonly now: Date,
    readonly passwordHash: string,
  ) {}

  ago(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  person(login: string): Person {
    const person = this.people.get(login);
    if (!person) throw new Error(`seed: unknown login ${login}`);
    return person;
  }

  id(login: string): number {
    return this.person(login).id;
  }

  community(slug: CommunitySlug): CommunityRow {
    return this.communities.get(slug)!;
  }

  /** Residents (not staff) who could take part at `at`. */
  residentsAt(slug: CommunitySlug, at: Date, exclude: Iterable<string> = []): Person[] {
    const skip = new Set(exclude);
    return [...this.people.values()].filter(
      (p) => p.community === slug && p.role === 'RESIDENT' && p.active && p.joinedAt <= at && !skip.has(p.login),
    );
  }

  /** Active members at `at`, staff included: the electorate of a voting window. */
  eligibleAt(slug: CommunitySlug, at: Date): number {
    return [...this.people.values()].filter((p) => p.community === slug && p.active && p.joinedAt <= at).length;
  }

  pick(count: number, pool: Person[], what: string): Person[] {
    if (pool.length < count) throw new Error(`seed: ${what} needs ${count} people, only ${pool.length} can`);
    return shuffled(pool, this.random).slice(0, count);
  }

  record(entry: AuditInput): void {
    this.audit.push(entry);
  }

  // ───────────────────────────── communities and people ─────────────────────────────

  async communitiesAndPeople(): Promise<void> {
    const { tx } = this;
    const created = await tx.community.createManyAndReturn({
      data: communitySpecs.map((c) => ({
        slug: c.slug,
        name: c.name,
        nameEn: c.nameEn,
        kind: c.kind,
        isPublic: true,
        createdAt: this.ago(c.createdDaysAgo),
        ...c.settings,
      })),
      select: { id: true, slug: true },
    });
    const idOf = new Map(created.map((c) => [c.slug, c.id]));
    const groups = await tx.group.createManyAndReturn({
      data: communitySpecs.flatMap((c) =>
        c.groups.map((g, position) => ({ communityId: idOf.get(c.slug)!, kind: c.groupKind, name: g.name, nameEn: g.nameEn, position })),
      ),
      select: { id: true, communityId: true, name: true },
    });
    const categories = await tx.category.createManyAndReturn({
      data: communitySpecs.flatMap((c) =>
        c.categories.map((k, position) => ({ communityId: idOf.get(c.slug)!, key: k.key, name: k.name, nameEn: k.nameEn, echoHours: k.echoHours, position })),
      ),
      select: { id: true, communityId: true, key: true, echoHours: true },
    });
    for (const spec of communitySpecs) {
      const id = idOf.get(spec.slug)!;
      this.communities.set(spec.slug, {
        id,
        spec,
        groups: new Map(
          spec.groups.map((g) => [g.key, groups.find((row) => row.communityId === id && row.name === g.name)!.id]),
        ),
        categories: new Map(
          categories.filter((row) => row.communityId === id).map((row) => [row.key, { id: row.id, echoHours: row.echoHours }]),
        ),
      });
    }

    const users = await tx.user.createManyAndReturn({
      data: people.map((p) => ({
        login: p.login,
        displayName: p.displayName,
        passwordHash: this.passwordHash,
        locale: p.locale ?? 'zh-CN',
        createdAt: this.ago(p.joinedDaysAgo + 0.01),
      })),
      select: { id: true, login: true },
    });
    const userId = new Map(users.map((u) => [u.login, u.id]));
    for (const p of people) {
      this.people.set(p.login, {
        id: userId.get(p.login)!,
        login: p.login,
        role: p.role,
        community: p.community,
        joinedAt: this.ago(p.joinedDaysAgo),
        active: p.suspendedDaysAgo === undefined,
      });
    }
    await tx.membership.createMany({
      data: people.map((p) => {
        const community = this.community(p.community);
        return {
          userId: userId.get(p.login)!,
          communityId: community.id,
          groupId: p.group ? community.groups.get(p.group)! : null,
          role: p.role,
          status: p.suspendedDaysAgo === undefined ? ('ACTIVE' as const) : ('SUSPENDED' as const),
          joinedAt: this.ago(p.joinedDaysAgo),
        };
      }),
    });

    // One still-usable invitation per community, with a code the README can print.
    const invitations = await tx.invitation.createManyAndReturn({
      data: communitySpecs.map((c) => {
        const used = people.filter((p) => p.community === c.slug && p.invited).length;
        return {
          communityId: idOf.get(c.slug)!,
          codeHash: sha256(c.invitation.code),
          codeHint: c.invitation.code.slice(0, 5),
          role: 'RESIDENT' as const,
          note: c.invitation.note,
          maxUses: c.invitation.maxUses,
          usedCount: used,
          expiresAt: this.ago(-c.invitation.expiresInDays),
          createdById: userId.get(c.invitation.createdBy)!,
          createdAt: this.ago(c.invitation.createdDaysAgo),
        };
      }),
      select: { id: true, communityId: true },
    });
    const memberships = await tx.membership.findMany({
      where: { user: { login: { in: people.filter((p) => p.invited).map((p) => p.login) } } },
      select: { id: true, userId: true, communityId: true, role: true, joinedAt: true },
    });
    await tx.invitationUse.createMany({
      data: memberships.map((m) => ({
        invitationId: invitations.find((i) => i.communityId === m.communityId)!.id,
        userId: m.userId,
        usedAt: m.joinedAt,
      })),
    });
    for (const c of communitySpecs) {
      const invitation = invitations.find((i) => i.communityId === idOf.get(c.slug))!;
      this.record({
        communityId: invitation.communityId,
        actorId: userId.get(c.invitation.createdBy)!,
        kind: 'invitation.created',
        subjectType: 'Invitation',
        subjectId: invitation.id,
        data: { role: 'RESIDENT', maxUses: c.invitation.maxUses },
        createdAt: this.ago(c.invitation.createdDaysAgo),
      });
    }
    for (const m of memberships) {
      const invitation = invitations.find((i) => i.communityId === m.communityId)!;
      this.record({
        communityId: m.communityId,
        actorId: m.userId,
        kind: 'member.joined',
        subjectType: 'Membership',
        subjectId: m.id,
        data: { invitationId: invitation.id, role: m.role },
        createdAt: m.joinedAt,
      });
    }
    for (const suspended of people.filter((p) => p.suspendedDaysAgo !== undefined)) {
      const m = await tx.membership.findFirstOrThrow({ where: { userId: userId.get(suspended.login)! }, select: { id: true, communityId: true } });
      this.record({
        communityId: m.communityId,
        actorId: userId.get('admin')!,
        kind: 'member.suspended',
        subjectType: 'Membership',
        subjectId: m.id,
        data: { userId: userId.get(suspended.login)! },
        createdAt: this.ago(suspended.suspendedDaysAgo!),
      });
    }
  }

  // ───────────────────────────── live sessions ─────────────────────────────

  async startEndedSession(): Promise<void> {
    const community = this.community(endedSession.community);
    const startedAt = this.ago(endedSession.heldDaysAgo);
    const endedAt = plus(startedAt, endedSession.durationMinutes * MINUTE);
    const chairId = this.id(endedSession.chair);
    const session = await this.tx.liveSession.create({
      data: {
        communityId: community.id,
        title: line(endedSession.title),
        place: line(endedSession.place),
        scheduledAt: startedAt,
        status: 'ENDED',
        startedAt,
        endedAt,
        quorumPercent: community.spec.settings.quorumPercent,
        thresholdPercent: community.spec.settings.thresholdPercent,
        talliesHidden: endedSession.talliesHidden,
        rulesFrozenAt: plus(startedAt, 45 * MINUTE),
        version: 9,
        createdById: chairId,
        createdAt: this.ago(endedSession.createdDaysAgo),
        chairs: { create: [{ userId: chairId }] },
      },
      select: { id: true },
    });
    this.endedSession = { id: session.id, startedAt, attendees: new Set([chairId, ...endedSession.otherAttendees.map((l) => this.id(l))]) };
    const base = { communityId: community.id, actorId: chairId, subjectType: 'LiveSession', subjectId: session.id };
    this.record({ ...base, kind: 'session.scheduled', data: { scheduledAt: startedAt.toISOString() }, createdAt: this.ago(endedSession.createdDaysAgo) });
    this.record({ ...base, kind: 'session.started', data: {}, createdAt: startedAt });
    this.record({ ...base, kind: 'session.ended', data: {}, createdAt: endedAt });
  }

  async finishEndedSession(): Promise<void> {
    const ended = this.endedSession!;
    const decision = ended.decision!;
    await this.tx.attendance.createMany({
      data: [...ended.attendees].map((userId, i) => ({ sessionId: ended.id, userId, firstJoinedAt: plus(ended.startedAt, (i - 5) * MINUTE) })),
    });
    await this.tx.liveSession.update({
      where: { id: ended.id },
      data: {
        minutes: {
          decisions: [
            {
              decisionId: decision.id,
              concernId: decision.concernId,
              title: decision.title,
              adoptedProposalIds: decision.adopted,
              quorumMet: decision.quorumMet,
            },
          ],
          attendance: ended.attendees.size,
          turnout: {
            voters: decision.voters,
            eligible: decision.eligible,
            percent: Math.round((decision.voters * 100) / decision.eligible),
          },
        },
      },
    });
  }

  async upcomingSession(): Promise<void> {
    const community = this.community(upcomingSession.community);
    const chairId = this.id(upcomingSession.chair);
    const createdAt = this.ago(upcomingSession.createdDaysAgo);
    const scheduledAt = this.ago(-upcomingSession.inDays);
    const session = await this.tx.liveSession.create({
      data: {
        communityId: community.id,
        title: line(upcomingSession.title),
        place: line(upcomingSession.place),
        scheduledAt,
        status: 'SCHEDULED',
        quorumPercent: community.spec.settings.quorumPercent,
        thresholdPercent: community.spec.settings.thresholdPercent,
        talliesHidden: false,
        createdById: chairId,
        createdAt,
        chairs: { create: [{ userId: chairId }] },
        items: {
          create: upcomingSession.agenda.map((key, i) => ({ concernId: this.concerns.get(key)!.id, position: i + 1, phase: 'PENDING' as const })),
        },
      },
      select: { id: true },
    });
    this.record({
      communityId: community.id,
      actorId: chairId,
      kind: 'session.scheduled',
      subjectType: 'LiveSession',
      subjectId: session.id,
      data: { scheduledAt: scheduledAt.toISOString() },
      createdAt,
    });
  }

  // ───────────────────────────── one concern through the loop ─────────────────────────────

  async concern(spec: ConcernSpec): Promise<void> {
    const { tx } = this;
    const community = this.community(spec.community);
    const settings = community.spec.settings;
    const cadreId = this.id(community.spec.cadre);
    const category = community.categories.get(spec.category);
    if (!category) throw new Error(`seed: ${spec.key} has unknown category ${spec.category}`);
    const reporter = this.person(spec.reporter);
    const reportedAt = this.ago(spec.reportedDaysAgo);
    const deadlineAt = plus(reportedAt, category.echoHours * HOUR);
    const title = line(spec.title);

    // Everything about the concern's state is known before any row is written.
    const ackAt = spec.acknowledge ? plus(reportedAt, spec.acknowledge.afterHours * HOUR) : undefined;
    const declinedAt = spec.decline ? plus(reportedAt, spec.decline.afterHours * HOUR) : undefined;
    const mergedAt = spec.merge ? plus(reportedAt, spec.merge.afterHours * HOUR) : undefined;
    const escalatedAt = spec.escalate ? plus(deadlineAt, HOUR) : undefined;
    if (escalatedAt && escalatedAt > this.now) throw new Error(`seed: ${spec.key} is escalated before its deadline passed`);

    const voting = spec.voting;
    let openedAt: Date | undefined;
    let closedAt: Date | undefined;
    let closesAt: Date | undefined;
    if (voting?.session === 'ended') {
      const session = this.endedSession!;
      openedAt = plus(session.startedAt, 45 * MINUTE);
      closedAt = plus(session.startedAt, 75 * MINUTE);
      closesAt = plus(openedAt, 30 * MINUTE);
    } else if (voting) {
      openedAt = this.ago(voting.openedDaysAgo!);
      if (voting.closedDaysAgo !== undefined) {
        closedAt = this.ago(voting.closedDaysAgo);
        closesAt = closedAt;
      } else closesAt = this.ago(-(voting.closesInDays ?? 3));
    }

    // The electorate and the votes.
    const proposals = spec.proposals ?? [];
    const eligibleCount = openedAt ? this.eligibleAt(spec.community, openedAt) : 0;
    const quorumCount = Math.ceil((eligibleCount * settings.quorumPercent) / 100);
    const voterCount = Math.max(0, ...proposals.map((p) => (p.votes ? p.votes[0] + p.votes[1] + p.votes[2] : 0)));
    const voters = openedAt ? this.pick(voterCount, this.residentsAt(spec.community, openedAt, voting?.noVote), `${spec.key} voting`) : [];
    const quorumMet = voterCount >= quorumCount;
    const adopted = proposals.map((p) => {
      if (!closedAt || !p.votes || p.hidden || p.withdrawnAfterHours !== undefined) return false;
      const [support, oppose, abstain] = p.votes;
      return quorumMet && support * 100 > settings.thresholdPercent * (support + oppose + abstain);
    });
    const adoptedIndex = adopted.indexOf(true);
    if (spec.action && adoptedIndex < 0) throw new Error(`seed: ${spec.key} has an action but adopted nothing`);

    const action = spec.action;
    const actionDoneAt = action?.doneDaysAgo !== undefined ? this.ago(action.doneDaysAgo) : undefined;
    const ratingOpenedAt = actionDoneAt;
    const ratingClosesAt = ratingOpenedAt ? plus(ratingOpenedAt, settings.ratingWindowDays * DAY) : undefined;
    const ratingClosed = ratingClosesAt !== undefined && ratingClosesAt <= this.now;
    const values = spec.ratings?.values ?? [0, 0, 0];
    const ratingTotal = values[0] + values[1] + values[2];
    const outcome = ratingClosed
      ? values[2] * 100 > settings.dissatisfactionPercent * ratingTotal
        ? ('REOPENED' as const)
        : ('CLOSED' as const)
      : undefined;

    const status: ConcernStatus = spec.merge
      ? 'MERGED'
      : spec.decline
        ? 'DECLINED'
        : outcome ?? (actionDoneAt ? 'RESOLVED' : action ? 'IN_PROGRESS' : closedAt ? 'DECIDED' : openedAt ? 'VOTING' : ackAt ? 'ACKNOWLEDGED' : 'REPORTED');
    if (status !== spec.status) throw new Error(`seed: ${spec.key} adds up to ${status}, not ${spec.status}`);

    const concern = await tx.concern.create({
      data: {
        communityId: community.id,
        groupId: spec.group ? community.groups.get(spec.group)! : null,
        categoryId: category.id,
        reporterId: reporter.id,
        reporterPublic: spec.reporterPublic ?? false,
        title,
        body: paragraphs(spec.body),
        place: line(spec.place),
        status,
        createdAt: reportedAt,
        updatedAt: reportedAt,
        deadlineAt,
        escalatedAt: escalatedAt ?? null,
        acknowledgedAt: ackAt ?? null,
        declinedAt: declinedAt ?? null,
        answer: spec.acknowledge ? paragraphs(spec.acknowledge.answer) : spec.decline ? paragraphs(spec.decline.reason) : null,
        answeredById: spec.acknowledge ? this.id(spec.acknowledge.by) : spec.decline ? this.id(spec.decline.by) : null,
        ownerId: spec.acknowledge?.owner ? this.id(spec.acknowledge.owner) : null,
        mergedIntoId: spec.merge ? this.concerns.get(spec.merge.into)!.id : null,
        resolvedAt: actionDoneAt ?? null,
        closedAt: outcome === 'CLOSED' ? ratingClosesAt! : null,
        reopenedAt: outcome === 'REOPENED' ? ratingClosesAt! : null,
        reopenCount: outcome === 'REOPENED' ? 1 : 0,
      },
      select: { id: true },
    });
    const concernId = concern.id;
    const facts: ConcernFacts = { id: concernId, title, communityId: community.id, deadlineAt, escalatedAt, acknowledgedAt: ackAt, declinedAt };
    this.concerns.set(spec.key, facts);
    const timelineStart = this.audit.length;
    const event = (kind: AuditKind, actorId: number | null, createdAt: Date, data: Prisma.InputJsonValue = {}, subject?: { type: string; id: number }) =>
      this.record({
        communityId: community.id,
        actorId,
        kind,
        subjectType: subject?.type ?? 'Concern',
        subjectId: subject?.id ?? concernId,
        concernId,
        data,
        createdAt,
      });

    event('concern.reported', reporter.id, reportedAt, { categoryKey: spec.category, title });
    if (escalatedAt) event('concern.escalated', null, escalatedAt, { deadlineAt: deadlineAt.toISOString() });
    if (spec.acknowledge && ackAt) {
      event('concern.acknowledged', this.id(spec.acknowledge.by), ackAt, { answer: paragraphs(spec.acknowledge.answer) });
      if (spec.acknowledge.owner) event('concern.assigned', this.id(spec.acknowledge.by), plus(ackAt, MINUTE), { ownerId: this.id(spec.acknowledge.owner) });
    }
    if (spec.decline && declinedAt) event('concern.declined', this.id(spec.decline.by), declinedAt, { reason: paragraphs(spec.decline.reason) });
    if (spec.merge && mergedAt) {
      const into = this.concerns.get(spec.merge.into)!;
      event('concern.merged', this.id(spec.merge.by), mergedAt, { intoConcernId: into.id, intoTitle: into.title });
    }

    // Seconds: never by the reporter, and only while the concern was still gathering support.
    const secondsUntil = minDate(mergedAt ?? declinedAt ?? openedAt ?? plus(reportedAt, 5 * DAY), this.now);
    const secondPool = this.residentsAt(spec.community, reportedAt, [spec.reporter, ...(spec.noSecond ?? [])]);
    const seconders = this.pick(spec.seconds, secondPool, `${spec.key} seconds`);
    const secondTimes = spread(reportedAt, secondsUntil, seconders.length);
    if (seconders.length) {
      await tx.second.createMany({ data: seconders.map((p, i) => ({ concernId, userId: p.id, createdAt: secondTimes[i]! })) });
    }

    // Deliberation: proposals, then comments on them, before voting opens.
    const deliberationStart = plus(ackAt ?? reportedAt, HOUR);
    const deliberationEnd = openedAt ?? declinedAt ?? mergedAt ?? this.now;
    const proposalTimes = spread(deliberationStart, plus(deliberationStart, (deliberationEnd.getTime() - deliberationStart.getTime()) / 2), proposals.length);
    const proposalStatus = (i: number): ProposalStatus => {
      const p = proposals[i]!;
      if (p.hidden) return 'HIDDEN';
      if (p.withdrawnAfterHours !== undefined) return 'WITHDRAWN';
      if (closedAt && p.votes) return adopted[i] ? 'ADOPTED' : 'REJECTED';
      return 'ACTIVE';
    };
    const proposalRows = proposals.length
      ? await tx.proposal.createManyAndReturn({
          data: proposals.map((p, i) => {
            const createdAt = proposalTimes[i]!;
            const changedAt = p.hidden
              ? plus(createdAt, p.hidden.afterHours * HOUR)
              : p.withdrawnAfterHours !== undefined
                ? plus(createdAt, p.withdrawnAfterHours * HOUR)
                : closedAt ?? createdAt;
            return {
              concernId,
              authorId: this.id(p.author),
              title: line(p.title),
              body: paragraphs(p.body),
              status: proposalStatus(i),
              hiddenReason: p.hidden ? line(p.hidden.reason) : null,
              hiddenById: p.hidden ? this.id(p.hidden.by) : null,
              createdAt,
              updatedAt: changedAt,
            };
          }),
          select: { id: true, title: true },
        })
      : [];
    const proposalIds = proposals.map((p) => proposalRows.find((row) => row.title === line(p.title))!.id);
    proposals.forEach((p, i) => {
      const subject = { type: 'Proposal', id: proposalIds[i]! };
      const createdAt = proposalTimes[i]!;
      event('proposal.created', this.id(p.author), createdAt, { title: line(p.title) }, subject);
      if (p.hidden) event('proposal.hidden', this.id(p.hidden.by), plus(createdAt, p.hidden.afterHours * HOUR), { reason: line(p.hidden.reason) }, subject);
      if (p.withdrawnAfterHours !== undefined) event('proposal.withdrawn', this.id(p.author), plus(createdAt, p.withdrawnAfterHours * HOUR), {}, subject);
    });

    const comments = spec.comments ?? [];
    if (comments.length) {
      const lastProposal = proposalTimes.at(-1) ?? deliberationStart;
      const commentTimes = spread(lastProposal, deliberationEnd, comments.length);
      const rows = comments.map((c, i) => {
        const createdAt = commentTimes[i]!;
        return {
          communityId: community.id,
          concernId,
          proposalId: c.on !== undefined ? proposalIds[c.on]! : null,
          authorId: this.id(c.author),
          stance: c.stance,
          body: paragraphs(c.text),
          hiddenAt: c.hidden ? plus(createdAt, c.hidden.afterHours * HOUR) : null,
          hiddenReason: c.hidden ? line(c.hidden.reason) : null,
          hiddenById: c.hidden ? this.id(c.hidden.by) : null,
          createdAt,
        };
      });
      const created = await tx.comment.createManyAndReturn({ data: rows, select: { id: true, hiddenAt: true, hiddenById: true, hiddenReason: true } });
      for (const row of created) {
        if (row.hiddenAt && row.hiddenById) {
          // Not a timeline event: moderation of comments shows in the audit log only.
          this.record({
            communityId: community.id,
            actorId: row.hiddenById,
            kind: 'comment.hidden',
            subjectType: 'Comment',
            subjectId: row.id,
            data: { reason: row.hiddenReason ?? '' },
            createdAt: row.hiddenAt,
          });
        }
      }
    }

    // Voting: a window with frozen rules, secret votes, and on close an immutable decision.
    if (voting && openedAt) {
      const openerId = this.id(voting.by);
      const inSession = voting.session === 'ended';
      const session = inSession ? this.endedSession! : undefined;
      let agendaItemId: number | null = null;
      if (session) {
        const item = await tx.agendaItem.create({
          data: {
            sessionId: session.id,
            concernId,
            position: 1,
            phase: 'DECIDED',
            phaseStartedAt: closedAt!,
            version: 4,
          },
          select: { id: true },
        });
        agendaItemId = item.id;
        const phases: [string, string, Date][] = [
          ['PENDING', 'DISCUSSING', plus(session.startedAt, 5 * MINUTE)],
          ['DISCUSSING', 'VOTING', openedAt],
          ['VOTING', 'DECIDED', closedAt!],
        ];
        for (const [from, to, at] of phases) {
          event('session.item_phase_changed', openerId, at, { sessionId: session.id, itemId: item.id, from, to }, { type: 'AgendaItem', id: item.id });
        }
      }
      const talliesHidden = session ? endedSession.talliesHidden : (voting.talliesHidden ?? false);
      const activeIndexes = proposals.map((_, i) => i).filter((i) => proposals[i]!.votes && !proposals[i]!.hidden && proposals[i]!.withdrawnAfterHours === undefined);
      const window = await tx.votingWindow.create({
        data: {
          concernId,
          agendaItemId,
          status: closedAt ? 'CLOSED' : 'OPEN',
          openedById: openerId,
          openedAt,
          closesAt: closesAt ?? null,
          closedAt: closedAt ?? null,
          closedById: closedAt && inSession ? openerId : null,
          quorumPercent: settings.quorumPercent,
          thresholdPercent: settings.thresholdPercent,
          talliesHidden,
          eligibleCount,
          quorumCount,
        },
        select: { id: true },
      });
      const windowSubject = { type: 'VotingWindow', id: window.id };
      event('voting.opened', openerId, openedAt, { windowId: window.id, proposalIds: activeIndexes.map((i) => proposalIds[i]!), quorumPercent: settings.quorumPercent, thresholdPercent: settings.thresholdPercent, eligibleCount, quorumCount, talliesHidden }, windowSubject);

      const voteEnd = closedAt ?? this.now;
      const votes: Prisma.VoteCreateManyInput[] = [];
      for (const i of activeIndexes) {
        const [support, oppose, abstain] = proposals[i]!.votes!;
        const choices: VoteChoice[] = [
          ...Array<VoteChoice>(support).fill('SUPPORT'),
          ...Array<VoteChoice>(oppose).fill('OPPOSE'),
          ...Array<VoteChoice>(abstain).fill('ABSTAIN'),
        ];
        const ballot = shuffled(voters, this.random).slice(0, choices.length);
        const times = spread(openedAt, voteEnd, ballot.length);
        ballot.forEach((voter, k) => {
          votes.push({ windowId: window.id, proposalId: proposalIds[i]!, voterId: voter.id, choice: choices[k]!, createdAt: times[k]!, updatedAt: times[k]! });
        });
      }
      if (votes.length) await tx.vote.createMany({ data: votes });

      if (closedAt) {
        const closerId = inSession ? openerId : null;
        event('voting.closed', closerId, closedAt, { windowId: window.id, voterCount, quorumMet }, windowSubject);
        const tally = activeIndexes.map((i) => {
          const [support, oppose, abstain] = proposals[i]!.votes!;
          return { proposalId: proposalIds[i]!, title: line(proposals[i]!.title), support, oppose, abstain, adopted: adopted[i]! };
        });
        const decision = await tx.decision.create({
          data: {
            concernId,
            windowId: window.id,
            sessionId: session?.id ?? null,
            chairId: openerId,
            decidedAt: closedAt,
            quorumMet,
            eligibleCount,
            quorumCount,
            voterCount,
            thresholdPercent: settings.thresholdPercent,
            tally,
          },
          select: { id: true },
        });
        facts.decisionId = decision.id;
        facts.decidedAt = closedAt;
        const adoptedIds = tally.filter((t) => t.adopted).map((t) => t.proposalId);
        event('decision.recorded', closerId, plus(closedAt, 1000), { decisionId: decision.id, quorumMet, voterCount, adoptedProposalIds: adoptedIds }, { type: 'Decision', id: decision.id });
        if (session) {
          for (const voter of voters) session.attendees.add(voter.id);
          session.decision = { id: decision.id, concernId, title, adopted: adoptedIds, quorumMet, voters: voterCount, eligible: eligibleCount };
        }
      }
    }

    // Action: the adopted proposal carried out, with weighted milestones and public updates.
    if (action && facts.decisionId) {
      const ownerId = action.owner ? this.id(action.owner) : null;
      const doerId = ownerId ?? cadreId;
      const createdAt = this.ago(action.createdDaysAgo);
      const startedAt = action.startedDaysAgo !== undefined ? this.ago(action.startedDaysAgo) : undefined;
      const blockedAt = action.blocked ? this.ago(action.blocked.daysAgo) : undefined;
      const actionStatus: ActionStatus = actionDoneAt ? 'DONE' : blockedAt ? 'BLOCKED' : startedAt ? 'IN_PROGRESS' : 'PLANNED';
      const changes = [createdAt, startedAt, blockedAt, actionDoneAt].filter((d): d is Date => d !== undefined);
      const created = await tx.action.create({
        data: {
          decisionId: facts.decisionId,
          concernId,
          proposalId: proposalIds[adoptedIndex]!,
          title: line(action.title),
          ownerId,
          ownerDepartment: action.department ? line(action.department) : null,
          dueAt: this.ago(action.dueDaysAgo),
          status: actionStatus,
          blockedReason: action.blocked ? paragraphs(action.blocked.reason) : null,
          startedAt: startedAt ?? null,
          doneAt: actionDoneAt ?? null,
          createdAt,
          version: changes.length + action.milestones.filter((m) => m.doneDaysAgo !== undefined).length + action.updates.length,
          milestones: {
            create: action.milestones.map((m, position) => ({
              title: line(m.title),
              weight: m.weight,
              position,
              doneAt: m.doneDaysAgo !== undefined ? this.ago(m.doneDaysAgo) : null,
              doneById: m.doneDaysAgo !== undefined ? doerId : null,
            })),
          },
          updates: {
            create: action.updates.map((u) => ({ authorId: this.id(u.author), body: paragraphs(u.text), createdAt: this.ago(u.daysAgo) })),
          },
        },
        select: { id: true },
      });
      const actionSubject = { type: 'Action', id: created.id };
      facts.actionId = created.id;
      const totalWeight = action.milestones.reduce((sum, m) => sum + m.weight, 0);
      facts.actionProgress = (at) =>
        Math.round(
          (action.milestones.filter((m) => m.doneDaysAgo !== undefined && this.ago(m.doneDaysAgo) <= at).reduce((sum, m) => sum + m.weight, 0) * 100) /
            totalWeight,
        );
      event('action.created', cadreId, createdAt, { actionId: created.id, title: line(action.title), proposalId: proposalIds[adoptedIndex]! }, actionSubject);
      if (startedAt) event('action.status_changed', doerId, startedAt, { from: 'PLANNED', to: 'IN_PROGRESS' }, actionSubject);
      action.milestones.forEach((m, position) => {
        if (m.doneDaysAgo === undefined) return;
        event('action.milestone_done', doerId, this.ago(m.doneDaysAgo), { title: line(m.title), position, weight: m.weight }, actionSubject);
      });
      for (const u of action.updates) {
        event('action.progress_posted', this.id(u.author), plus(this.ago(u.daysAgo), MINUTE), { excerpt: u.text[0] }, actionSubject);
      }
      if (blockedAt && action.blocked) {
        event('action.status_changed', doerId, blockedAt, { from: 'IN_PROGRESS', to: 'BLOCKED', reason: paragraphs(action.blocked.reason) }, actionSubject);
      }
      if (actionDoneAt) {
        event('action.status_changed', doerId, plus(actionDoneAt, 2 * MINUTE), { from: 'IN_PROGRESS', to: 'DONE' }, actionSubject);
        event('concern.resolved', doerId, plus(actionDoneAt, 3 * MINUTE), { actionId: created.id });
      }

      // Rating: only those who reported, seconded or voted; the outcome settles the concern.
      if (ratingOpenedAt && ratingClosesAt) {
        const openedRatingAt = plus(ratingOpenedAt, 4 * MINUTE);
        facts.ratingOpenedAt = openedRatingAt;
        facts.ratingClosesAt = ratingClosesAt;
        const ratingWindow = await tx.ratingWindow.create({
          data: {
            actionId: created.id,
            openedAt: openedRatingAt,
            closesAt: ratingClosesAt,
            closedAt: ratingClosed ? ratingClosesAt : null,
            outcome: outcome ?? null,
            dissatisfactionPercent: settings.dissatisfactionPercent,
          },
          select: { id: true },
        });
        const ratingSubject = { type: 'RatingWindow', id: ratingWindow.id };
        event('rating.window_opened', null, openedRatingAt, { actionId: created.id, closesAt: ratingClosesAt.toISOString(), dissatisfactionPercent: settings.dissatisfactionPercent }, ratingSubject);
        const skip = new Set(spec.ratings?.noRate ?? []);
        const eligibleRaters = new Map<number, Person>();
        for (const p of [reporter, ...seconders, ...voters]) if (!skip.has(p.login) && p.active) eligibleRaters.set(p.id, p);
        const raters = this.pick(ratingTotal, [...eligibleRaters.values()], `${spec.key} ratings`);
        const ratingValues: Satisfaction[] = [
          ...Array<Satisfaction>(values[0]).fill('SATISFIED'),
          ...Array<Satisfaction>(values[1]).fill('BASICALLY_SATISFIED'),
          ...Array<Satisfaction>(values[2]).fill('DISSATISFIED'),
        ];
        const ratingTimes = spread(openedRatingAt, minDate(ratingClosesAt, this.now), raters.length);
        const used: Record<Satisfaction, number> = { SATISFIED: 0, BASICALLY_SATISFIED: 0, DISSATISFIED: 0 };
        await tx.rating.createMany({
          data: raters.map((rater, i) => {
            const value = ratingValues[i]!;
            const pool = spec.ratings?.comments?.[value] ?? ratingComments[value];
            const text = pool[used[value]++];
            return { actionId: created.id, raterId: rater.id, value, comment: text ? paragraphs(text) : '', createdAt: ratingTimes[i]!, updatedAt: ratingTimes[i]! };
          }),
        });
        if (ratingClosed && outcome) {
          const dissatisfiedPercent = Math.round((values[2] * 100) / ratingTotal);
          event('rating.window_closed', null, ratingClosesAt, { outcome, ratingCount: ratingTotal, dissatisfiedPercent }, ratingSubject);
          if (outcome === 'CLOSED') event('concern.closed', null, plus(ratingClosesAt, 1000), { ratingCount: ratingTotal, dissatisfiedPercent });
          else event('concern.reopened', null, plus(ratingClosesAt, 1000), { ratingCount: ratingTotal, dissatisfiedPercent, reopenCount: 1 });
        }
      }
    }

    // The concern's last change and its version, from its own timeline.
    const timeline = this.audit.slice(timelineStart).filter((e) => e.concernId === concernId);
    const updatedAt = maxDate(reportedAt, ...timeline.map((e) => e.createdAt).filter((d) => d <= this.now));
    await tx.concern.update({ where: { id: concernId }, data: { updatedAt, version: timeline.length } });
  }

  // ───────────────────────────── rules ─────────────────────────────

  async rules(): Promise<void> {
    for (const spec of ruleSpecs) {
      const community = this.community(spec.community);
      const source = this.concerns.get(spec.source)!;
      const creatorId = this.id(spec.createdBy);
      const first = spec.versions[0]!;
      const last = spec.versions.at(-1)!;
      const rule = await this.tx.rule.create({
        data: {
          communityId: community.id,
          status: 'IN_FORCE',
          isPublic: true,
          sourceDecisionId: source.decisionId!,
          currentVersion: spec.versions.length,
          createdById: creatorId,
          createdAt: this.ago(first.createdDaysAgo),
          versions: {
            create: spec.versions.map((v, i) => ({
              version: i + 1,
              title: line(v.title),
              body: paragraphs(v.body),
              effectiveAt: this.ago(v.effectiveDaysAgo),
              reviewAt: this.ago(v.reviewDaysAgo),
              changeNote: v.changeNote ? paragraphs(v.changeNote) : '',
              createdById: creatorId,
              createdAt: this.ago(v.createdDaysAgo),
            })),
          },
        },
        select: { id: true },
      });
      this.ruleIds.set(spec.key, { id: rule.id, communityId: community.id, title: line(last.title), reviewAt: this.ago(last.reviewDaysAgo) });
      const subject = { communityId: community.id, actorId: creatorId, subjectType: 'Rule', subjectId: rule.id };
      this.record({ ...subject, kind: 'rule.drafted', data: { title: line(first.title) }, createdAt: this.ago(first.createdDaysAgo) });
      this.record({
        ...subject,
        kind: 'rule.published',
        concernId: source.id,
        data: { ruleId: rule.id, version: 1, title: line(first.title), decisionId: source.decisionId!, effectiveAt: this.ago(first.effectiveDaysAgo).toISOString() },
        createdAt: plus(this.ago(first.createdDaysAgo), HOUR),
      });
      spec.versions.slice(1).forEach((v, i) => {
        this.record({ ...subject, kind: 'rule.amended', data: { version: i + 2, changeNote: v.changeNote ? line(v.changeNote) : '' }, createdAt: this.ago(v.createdDaysAgo) });
      });
    }

    // Taoyuan copies the parking rule from the practice library, then fits it to the village.
    const source = this.ruleIds.get(adoption.source)!;
    const sourceSpec = ruleSpecs.find((r) => r.key === adoption.source)!;
    const sourceVersion = sourceSpec.versions.length;
    const sourceText = sourceSpec.versions.at(-1)!;
    const community = this.community(adoption.community);
    const adopterId = this.id(adoption.by);
    const adoptedAt = this.ago(adoption.adoptedDaysAgo);
    const amendment = adoption.amendment;
    const copy = await this.tx.rule.create({
      data: {
        communityId: community.id,
        status: 'IN_FORCE',
        isPublic: true,
        currentVersion: 2,
        createdById: adopterId,
        createdAt: adoptedAt,
        versions: {
          create: [
            {
              version: 1,
              title: line(sourceText.title),
              body: paragraphs(sourceText.body),
              effectiveAt: this.ago(adoption.copy.effectiveDaysAgo),
              reviewAt: this.ago(adoption.copy.reviewDaysAgo),
              createdById: adopterId,
              createdAt: adoptedAt,
            },
            {
              version: 2,
              title: line(amendment.title),
              body: paragraphs(amendment.body),
              effectiveAt: this.ago(amendment.effectiveDaysAgo),
              reviewAt: this.ago(amendment.reviewDaysAgo),
              changeNote: paragraphs(amendment.changeNote),
              createdById: adopterId,
              createdAt: this.ago(amendment.createdDaysAgo),
            },
          ],
        },
        adoptedFrom: {
          create: { sourceRuleId: source.id, sourceVersion, communityId: community.id, adoptedById: adopterId, adoptedAt },
        },
      },
      select: { id: true },
    });
    this.ruleIds.set(`${adoption.source}@${adoption.community}`, {
      id: copy.id,
      communityId: community.id,
      title: line(amendment.title),
      reviewAt: this.ago(amendment.reviewDaysAgo),
    });
    const subject = { communityId: community.id, actorId: adopterId, subjectType: 'Rule', subjectId: copy.id };
    this.record({ ...subject, kind: 'rule.adopted', data: { sourceRuleId: source.id, sourceVersion, sourceCommunityId: source.communityId }, createdAt: adoptedAt });
    this.record({ ...subject, kind: 'rule.amended', data: { version: 2, changeNote: line(amendment.changeNote) }, createdAt: this.ago(amendment.createdDaysAgo) });
  }

  // ───────────────────────────── notifications ─────────────────────────────

  async notifications(): Promise<void> {
    const rows: Prisma.NotificationCreateManyInput[] = notificationSpecs.map((n) => {
      const userId = this.id(n.user);
      if (n.kind === 'RULE_REVIEW_DUE') {
        const rule = this.ruleIds.get(n.about)!;
        const community = [...this.communities.values()].find((c) => c.id === rule.communityId)!;
        const createdAt = plus(rule.reviewAt, -community.spec.settings.ruleReviewNoticeDays * DAY);
        return {
          userId,
          communityId: rule.communityId,
          kind: n.kind,
          params: { ruleId: rule.id, title: rule.title, reviewAt: rule.reviewAt.toISOString() },
          subject: `rule:${rule.id}`,
          createdAt,
          readAt: n.readAfterHours !== undefined ? plus(createdAt, n.readAfterHours * HOUR) : null,
        };
      }
      const concern = this.concerns.get(n.about)!;
      const params: Record<string, string | number> = { concernId: concern.id, title: concern.title };
      let createdAt: Date;
      switch (n.kind) {
        case 'CONCERN_ACKNOWLEDGED':
          createdAt = concern.acknowledgedAt!;
          break;
        case 'CONCERN_DECLINED':
          createdAt = concern.declinedAt!;
          break;
        case 'DECISION_RECORDED':
          createdAt = plus(concern.decidedAt!, 2000);
          params.decisionId = concern.decisionId!;
          break;
        case 'ACTION_PROGRESS':
          createdAt = plus(this.ago(n.daysAgo ?? 0), 2 * MINUTE);
          params.actionId = concern.actionId!;
          params.progress = concern.actionProgress!(createdAt);
          break;
        case 'RATING_REQUESTED':
          createdAt = plus(concern.ratingOpenedAt!, 1000);
          params.actionId = concern.actionId!;
          params.closesAt = concern.ratingClosesAt!.toISOString();
          break;
        case 'CONCERN_OVERDUE':
          createdAt = concern.escalatedAt!;
          params.deadlineAt = concern.deadlineAt.toISOString();
          break;
      }
      return {
        userId,
        communityId: concern.communityId,
        kind: n.kind,
        params,
        subject: `concern:${concern.id}`,
        createdAt,
        readAt: n.readAfterHours !== undefined ? plus(createdAt, n.readAfterHours * HOUR) : null,
      };
    });
    await this.tx.notification.createMany({ data: rows });
  }

  async flushAudit(): Promise<void> {
    // In time order, so ids and timestamps agree.
    const rows = [...this.audit].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await this.tx.auditEvent.createMany({
      data: rows.map((e) => ({
        communityId: e.communityId,
        actorId: e.actorId,
        kind: e.kind,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        concernId: e.concernId ?? null,
        data: e.data,
        createdAt: e.createdAt,
      })),
    });
  }
}

/**
 * Fills an empty database with the demo: two communities, their members, and concerns at every stage
 * of the loop. Every date is relative to `now`. Runs in one transaction; refuses a non-empty database.
 */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  if (!(await isDatabaseEmpty(db))) throw new Error('seedDemo: the database already holds communities or users');
  // Hashed once: argon2id is deliberately slow, and every demo account shares the password.
  const passwordHash = await hashPassword(demoPassword);
  await db.$transaction(
    async (tx) => {
      const seeder = new Seeder(tx, now, passwordHash);
      await seeder.communitiesAndPeople();
      await seeder.startEndedSession();
      for (const spec of concernSpecs) await seeder.concern(spec);
      await seeder.finishEndedSession();
      await seeder.upcomingSession();
      await seeder.rules();
      await seeder.notifications();
      await seeder.flushAudit();
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return summarize(db);
}

async function summarize(db: Db): Promise<SeedSummary> {
  const [
    communities,
    users,
    memberships,
    invitations,
    concerns,
    seconds,
    proposals,
    comments,
    votingWindows,
    votes,
    decisions,
    liveSessions,
    actions,
    milestones,
    progressUpdates,
    ratings,
    rules,
    ruleVersions,
    notifications,
    auditEvents,
  ] = await Promise.all([
    db.community.count(),
    db.user.count(),
    db.membership.count(),
    db.invitation.count(),
    db.concern.count(),
    db.second.count(),
    db.proposal.count(),
    db.comment.count(),
    db.votingWindow.count(),
    db.vote.count(),
    db.decision.count(),
    db.liveSession.count(),
    db.action.count(),
    db.milestone.count(),
    db.progressUpdate.count(),
    db.rating.count(),
    db.rule.count(),
    db.ruleVersion.count(),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return {
    communities,
    users,
    memberships,
    invitations,
    concerns,
    seconds,
    proposals,
    comments,
    votingWindows,
    votes,
    decisions,
    liveSessions,
    actions,
    milestones,
    progressUpdates,
    ratings,
    rules,
    ruleVersions,
    notifications,
    auditEvents,
  };
}
