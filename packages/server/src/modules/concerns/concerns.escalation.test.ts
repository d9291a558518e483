import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { Scheduler } from '../../scheduler/scheduler.js';
import { scheduledJobs } from '../../scheduler/jobs.js';
import { createTestApp, hours, testClock, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { providers } from '../../test-support/databases.js';
import { watchBoard } from './concerns.test-helpers.js';

describe.each(providers)('escalating overdue concerns on %s', (provider) => {
  let t: TestApp;
  let world: World;
  // A second server process: its own app, scheduler and connections to the same database (see beforeAll).
  let otherDatabase: Database | undefined;
  let other: App | undefined;
  let otherScheduler: Scheduler;
  let secondAdmin: TestUser;
  let suspendedAdmin: TestUser;
  const clock = testClock(new Date('2026-12-01T08:00:00Z'));
  const start = clock.now();

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    if (provider === 'postgresql') {
      otherDatabase = await openDatabase(t.app.deps.config.DATABASE_URL, { poolSize: 5 });
      other = await buildApp(t.app.deps.config, { database: otherDatabase, clock });
      otherScheduler = other.scheduler;
    } else {
      // SQLite serves one process. Two connections to one file inside a single process would block
      // its event loop in better-sqlite3's synchronous busy wait, so the second scheduler shares the
      // connection, as a second scheduler in that one process would; their transactions interleave.
      otherScheduler = new Scheduler(t.app.deps, scheduledJobs, 60_000);
    }
    world = await createWorld(t.db);
    secondAdmin = await createUser(t.db, { communityId: world.community.id, role: 'ADMIN' });
    suspendedAdmin = await createUser(t.db, { communityId: world.community.id, role: 'ADMIN' });
    await t.db.membership.updateMany({ where: { userId: suspendedAdmin.id }, data: { status: 'SUSPENDED' } });
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
    await t.close();
  });

  it('escalates each concern still unanswered past its deadline exactly once, however many schedulers run', async () => {
    const { community } = world;
    // Reported now, with the parking category's 72 hours to answer.
    const overdue = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createConcern(t.db, { community, reporterId: world.resident.id, createdAt: start, title: `没人回应 ${i}` })),
    );
    const answered = await createConcern(t.db, { community, reporterId: world.resident.id, createdAt: start, status: 'ACKNOWLEDGED' });
    const merged = await createConcern(t.db, { community, reporterId: world.resident.id, createdAt: start, status: 'MERGED' });
    const later = await createConcern(t.db, { community, reporterId: world.resident.id, createdAt: new Date(start.getTime() + hours(10)) });
    const elsewhere = await createConcern(t.db, { community: world.otherCommunity, reporterId: world.outsider.id, createdAt: start });

    // Before the deadline nothing is due.
    expect(await t.app.scheduler.runOnce()).toMatchObject({ 'concern.escalate': 0 });
    clock.advance(hours(73));

    // Each process publishes its own escalations (across processes, Redis carries them).
    const boards = [watchBoard(t.app.deps, community.id), ...(other ? [watchBoard(other.deps, community.id)] : [])];
    const rounds = await Promise.all([t.app.scheduler.runOnce(), otherScheduler.runOnce(), t.app.scheduler.runOnce(), otherScheduler.runOnce()]);
    const fired = rounds.reduce((sum, round) => sum + round['concern.escalate']!, 0);
    expect(fired).toBe(overdue.length + 1); // and the other community's concern

    const escalatedIds = [...overdue.map((c) => c.id), elsewhere.id];
    const rows = await t.db.concern.findMany({ where: { id: { in: [...escalatedIds, answered.id, merged.id, later.id] } }, orderBy: { id: 'asc' } });
    for (const row of rows) {
      const expected = escalatedIds.includes(row.id);
      expect({ id: row.id, escalatedAt: row.escalatedAt }).toEqual({ id: row.id, escalatedAt: expected ? clock.now() : null });
      expect(row.version).toBe(expected ? 2 : 1);
    }
    const audit = await t.db.auditEvent.groupBy({ by: ['concernId'], where: { kind: 'concern.escalated' }, _count: { _all: true } });
    expect(audit.map((row) => [row.concernId, row._count._all]).sort()).toEqual(escalatedIds.map((id) => [id, 1]).sort());
    const deadline = new Date(start.getTime() + hours(72)).toISOString();
    expect(await t.db.auditEvent.findFirst({ where: { concernId: overdue[0]!.id, kind: 'concern.escalated' }, select: { actorId: true, data: true } })).toEqual({
      actorId: null,
      data: { deadlineAt: deadline },
    });

    // Each active admin of the concern's community hears once per concern; cadres and suspended admins do not.
    const notes = await t.db.notification.findMany({ where: { kind: 'CONCERN_OVERDUE', communityId: community.id } });
    expect(notes).toHaveLength(overdue.length * 2);
    for (const concern of overdue) {
      const about = notes.filter((note) => note.subject === `concern:${concern.id}`);
      expect(about.map((note) => note.userId).sort((a, b) => a - b)).toEqual([world.admin.id, secondAdmin.id].sort((a, b) => a - b));
      expect(about[0]!.params).toEqual({ concernId: concern.id, title: concern.title, deadlineAt: deadline });
    }
    expect(await t.db.notification.count({ where: { userId: { in: [suspendedAdmin.id, world.cadre.id] } } })).toBe(0);

    // The board heard of each escalation once, and a later round finds nothing left to do.
    await expect.poll(() => boards.flatMap((board) => board.received).map((event) => event.concernId).sort()).toEqual(overdue.map((c) => c.id).sort());
    await Promise.all(boards.map((board) => board.stop()));
    expect(await Promise.all([t.app.scheduler.runOnce(), otherScheduler.runOnce()])).toMatchObject([{ 'concern.escalate': 0 }, { 'concern.escalate': 0 }]);

    // Overdue stays derived: the one reported later becomes overdue by the clock alone, and is escalated in its turn.
    const view = await t.gql<{ concern: { overdue: boolean; escalatedAt: string | null } }>(
      'query ($id: ID!) { concern(id: $id) { overdue escalatedAt } }',
      { id: Buffer.from(`Concern:${later.id}`).toString('base64') },
    );
    expect(view.data!.concern).toEqual({ overdue: false, escalatedAt: null });
    clock.advance(hours(10));
    expect(await t.app.scheduler.runOnce()).toMatchObject({ 'concern.escalate': 1 });
  });
});
