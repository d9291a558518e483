// The realistic community the benchmark runs against: 5,000 members, 500 concerns with seconds,
// proposals and comments, and a live session whose current agenda item is in VOTING with an open
// window. Written straight into the database with createMany: the point is the server under load,
// not the cost of creating a world through the API.
import { randomBytes } from 'node:crypto';
import { applyMigrations } from '../../packages/server/src/db/migrate.js';
import { openDatabase, type Db } from '../../packages/server/src/db/client.js';
import { createThrowawayDatabase, defaultPgAdminUrl, dropDatabase } from '../../packages/server/src/db/pg-admin.js';
import { hashPassword } from '../../packages/server/src/security/passwords.js';
import { sha256 } from '../../packages/server/src/security/secrets.js';
import { sessionCookieName } from '../../packages/server/src/modules/identity/identity.service.js';
import type { ConcernStatus, Role } from '../../packages/server/src/generated/sqlite/enums.js';

export const sizes = { members: 5000, concerns: 500, groups: 20, ballotProposals: 3 } as const;

export interface World {
  databaseUrl: string;
  communityId: number;
  /** A session cookie for each member, in member order; index 0 is an admin, 1..49 are cadres. */
  cookies: string[];
  userIds: number[];
  sessionId: number;
  agendaItemId: number;
  windowId: number;
  /** The proposals on the open ballot. */
  proposalIds: number[];
  counts: Record<string, number>;
  drop(): Promise<void>;
}

// A small deterministic generator, so two runs load the same world.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = ['3号楼东侧单元门口', '小区南门', '地下车库B区', '健身广场', '5号楼楼道', '垃圾分类站', '北门快递柜', '儿童游乐场'];
const problems = ['路灯不亮', '电动车乱停', '楼道堆放杂物', '井盖松动', '下水道堵塞', '噪音扰民', '绿化带缺损', '电梯经常故障'];
const statuses: ConcernStatus[] = ['REPORTED', 'REPORTED', 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'DECLINED'];

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Creates a fresh database of the given kind, migrates it and loads the world. */
export async function createWorld(provider: 'sqlite' | 'postgresql', dir: string): Promise<World> {
  const databaseUrl =
    provider === 'sqlite' ? `file:${dir}/bench-${randomBytes(4).toString('hex')}.db` : await createThrowawayDatabase(defaultPgAdminUrl, 'yishi_bench');
  await applyMigrations(databaseUrl);
  const database = await openDatabase(databaseUrl);
  try {
    const world = await load(database.db);
    return {
      databaseUrl,
      ...world,
      drop: async () => {
        if (provider === 'postgresql') await dropDatabase(defaultPgAdminUrl, databaseUrl);
      },
    };
  } finally {
    await database.close();
  }
}

async function load(db: Db): Promise<Omit<World, 'databaseUrl' | 'drop'>> {
  const rand = random(20240611);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const now = Date.now();
  const day = 86_400_000;

  const community = await db.community.create({
    data: {
      slug: 'bench-lane',
      name: '测评社区',
      nameEn: 'Bench Lane',
      kind: 'NEIGHBOURHOOD',
      isPublic: false,
      groups: {
        create: Array.from({ length: sizes.groups }, (_, i) => ({ kind: 'BUILDING' as const, name: `${i + 1}号楼`, nameEn: `Building ${i + 1}`, position: i })),
      },
      categories: {
        create: [
          { key: 'parking', name: '停车', nameEn: 'Parking', echoHours: 72, position: 0 },
          { key: 'repairs', name: '维修', nameEn: 'Repairs', echoHours: 48, position: 1 },
          { key: 'safety', name: '安全', nameEn: 'Safety', echoHours: 24, position: 2 },
          { key: 'environment', name: '环境', nameEn: 'Environment', echoHours: 72, position: 3 },
        ],
      },
    },
    include: { groups: true, categories: true },
  });
  const groupIds = community.groups.map((g) => g.id);
  const categoryIds = community.categories.map((c) => c.id);

  // One password hash for everyone: argon2 5,000 times would take minutes and measure nothing.
  const passwordHash = await hashPassword(`bench-${randomBytes(8).toString('hex')}`);
  const salt = randomBytes(6).toString('hex');
  await chunked(
    Array.from({ length: sizes.members }, (_, i) => ({ login: `bench${String(i).padStart(5, '0')}`, displayName: `居民${i}`, passwordHash })),
    1000,
    (data) => db.user.createMany({ data }),
  );
  const users = await db.user.findMany({ where: { login: { startsWith: 'bench' } }, select: { id: true }, orderBy: { id: 'asc' } });
  const userIds = users.map((u) => u.id);
  const roleOf = (i: number): Role => (i === 0 ? 'ADMIN' : i < 50 ? 'CADRE' : 'RESIDENT');
  await chunked(
    userIds.map((userId, i) => ({ userId, communityId: community.id, groupId: groupIds[i % groupIds.length]!, role: roleOf(i) })),
    1000,
    (data) => db.membership.createMany({ data }),
  );
  const tokens = userIds.map((id) => `bench_${salt}_${id}`);
  await chunked(
    userIds.map((userId, i) => ({ userId, tokenHash: sha256(tokens[i]!), expiresAt: new Date(now + 30 * day), lastSeenAt: new Date(now) })),
    1000,
    (data) => db.authSession.createMany({ data }),
  );

  // Concerns over the last 90 days; seconds follow a long tail, as attention does.
  const concernRows = Array.from({ length: sizes.concerns }, (_, i) => {
    const createdAt = new Date(now - rand() * 90 * day);
    const status = i === 0 ? 'VOTING' : pick(statuses);
    return {
      communityId: community.id,
      groupId: rand() < 0.7 ? pick(groupIds) : null,
      categoryId: pick(categoryIds),
      reporterId: userIds[50 + Math.floor(rand() * (userIds.length - 50))]!,
      reporterPublic: rand() < 0.3,
      title: `${pick(places)}${pick(problems)}`,
      body: `${pick(places)}${pick(problems)}，已经持续一段时间，影响居民出行和安全，希望尽快处理。`,
      place: pick(places),
      status,
      createdAt,
      deadlineAt: new Date(createdAt.getTime() + 3 * day),
      acknowledgedAt: status === 'REPORTED' || status === 'DECLINED' ? null : new Date(createdAt.getTime() + day),
      // A community in its steady state: the overdue ones were escalated long ago, not at the server's start.
      escalatedAt: status === 'REPORTED' && createdAt.getTime() + 3 * day < now ? new Date(createdAt.getTime() + 3 * day + 900_000) : null,
      answer: status === 'REPORTED' ? null : '已收到，正在协调物业处理。',
    };
  });
  await chunked(concernRows, 250, (data) => db.concern.createMany({ data }));
  const concerns = await db.concern.findMany({ where: { communityId: community.id }, select: { id: true, reporterId: true }, orderBy: { id: 'asc' } });

  const seconds: { concernId: number; userId: number }[] = [];
  const proposals: { concernId: number; authorId: number; title: string; body: string }[] = [];
  const comments: { communityId: number; concernId: number; authorId: number; stance: 'FOR' | 'AGAINST' | 'NEUTRAL' | 'QUESTION'; body: string }[] = [];
  concerns.forEach((concern, i) => {
    const count = Math.floor(300 * rand() ** 4);
    const start = Math.floor(rand() * userIds.length);
    for (let k = 0; k < count; k++) {
      const userId = userIds[(start + k) % userIds.length]!;
      if (userId !== concern.reporterId) seconds.push({ concernId: concern.id, userId });
    }
    const proposalCount = i === 0 ? sizes.ballotProposals : Math.floor(rand() * 4);
    for (let k = 0; k < proposalCount; k++) {
      proposals.push({ concernId: concern.id, authorId: pick(userIds), title: `方案${k + 1}：${pick(problems)}的处理`, body: '由物业牵头，居民志愿者配合，两周内完成。' });
    }
    for (let k = 0; k < 2; k++) {
      comments.push({ communityId: community.id, concernId: concern.id, authorId: pick(userIds), stance: pick(['FOR', 'AGAINST', 'NEUTRAL', 'QUESTION'] as const), body: '同意，这个问题确实影响很大。' });
    }
  });
  await chunked(seconds, 2000, (data) => db.second.createMany({ data }));
  await chunked(proposals, 500, (data) => db.proposal.createMany({ data }));
  await chunked(comments, 500, (data) => db.comment.createMany({ data }));
  await chunked(
    concerns.map((concern) => ({
      communityId: community.id,
      actorId: concern.reporterId,
      kind: 'concern.reported',
      subjectType: 'Concern',
      subjectId: concern.id,
      concernId: concern.id,
      data: {},
    })),
    500,
    (data) => db.auditEvent.createMany({ data }),
  );

  // The live session: its current item is the first concern, in VOTING, with an open window.
  const votingConcern = concerns[0]!;
  const admin = userIds[0]!;
  const session = await db.liveSession.create({
    data: {
      communityId: community.id,
      title: '六月居民议事会',
      place: '社区活动中心',
      scheduledAt: new Date(now - 3_600_000),
      status: 'LIVE',
      startedAt: new Date(now - 3_600_000),
      quorumPercent: 20,
      thresholdPercent: 50,
      rulesFrozenAt: new Date(now - 600_000),
      createdById: admin,
      chairs: { create: [{ userId: admin }] },
    },
  });
  const item = await db.agendaItem.create({
    data: { sessionId: session.id, concernId: votingConcern.id, position: 0, phase: 'VOTING', phaseStartedAt: new Date(now - 600_000), phaseEndsAt: new Date(now + 3 * 3_600_000) },
  });
  await db.liveSession.update({ where: { id: session.id }, data: { currentItemId: item.id } });
  const window = await db.votingWindow.create({
    data: {
      concernId: votingConcern.id,
      agendaItemId: item.id,
      openedById: admin,
      openedAt: new Date(now - 600_000),
      quorumPercent: 20,
      thresholdPercent: 50,
      talliesHidden: false,
      eligibleCount: userIds.length,
      quorumCount: Math.ceil(userIds.length * 0.2),
    },
  });
  const ballot = await db.proposal.findMany({ where: { concernId: votingConcern.id }, select: { id: true }, orderBy: { id: 'asc' } });

  return {
    communityId: community.id,
    cookies: tokens.map((token) => `${sessionCookieName}=${token}`),
    userIds,
    sessionId: session.id,
    agendaItemId: item.id,
    windowId: window.id,
    proposalIds: ballot.map((p) => p.id),
    counts: {
      members: userIds.length,
      concerns: concerns.length,
      seconds: seconds.length,
      proposals: proposals.length,
      comments: comments.length,
    },
  };
}
