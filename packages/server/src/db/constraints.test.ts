import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, providers, type TestDatabase } from '../test-support/databases.js';
import { openDatabase, type Database } from './client.js';
import { isUniqueViolation } from '../errors.js';
import { createCommunity, createUser } from '../test-support/fixtures.js';
import { createConcern } from '../test-support/domain-fixtures.js';

// Integrity lives in the database: these hold even if a service forgets to check.
describe.each(providers)('unique constraints on %s', (provider) => {
  let database: TestDatabase;
  let opened: Database;

  beforeAll(async () => {
    database = await freshDatabase(provider);
    opened = await openDatabase(database.url);
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  async function scene() {
    const { db } = opened;
    const community = await createCommunity(db);
    const reporter = await createUser(db, { communityId: community.id });
    const member = await createUser(db, { communityId: community.id });
    const concern = await createConcern(db, { community, reporterId: reporter.id, status: 'VOTING' });
    const proposal = await db.proposal.create({ data: { concernId: concern.id, authorId: reporter.id, title: '错时共享停车', body: '晚上开放单位停车场' } });
    const window = await db.votingWindow.create({
      data: { concernId: concern.id, openedById: reporter.id, quorumPercent: 20, thresholdPercent: 50, talliesHidden: false, eligibleCount: 2, quorumCount: 1 },
    });
    return { db, community, reporter, member, concern, proposal, window };
  }

  async function expectDuplicateRefused(write: () => Promise<unknown>) {
    const error = await write().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error, 'the duplicate was accepted').not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
  }

  it('one vote per member per proposal', async () => {
    const { db, proposal, window, member } = await scene();
    await db.vote.create({ data: { windowId: window.id, proposalId: proposal.id, voterId: member.id, choice: 'SUPPORT' } });
    await expectDuplicateRefused(() =>
      db.vote.create({ data: { windowId: window.id, proposalId: proposal.id, voterId: member.id, choice: 'OPPOSE' } }),
    );
    expect(await db.vote.count({ where: { proposalId: proposal.id } })).toBe(1);
  });

  it('one second per member per concern', async () => {
    const { db, concern, member } = await scene();
    await db.second.create({ data: { concernId: concern.id, userId: member.id } });
    await expectDuplicateRefused(() => db.second.create({ data: { concernId: concern.id, userId: member.id } }));
  });

  it('one rating per member per action', async () => {
    const { db, concern, proposal, window, reporter, member } = await scene();
    const decision = await db.decision.create({
      data: { concernId: concern.id, windowId: window.id, chairId: reporter.id, quorumMet: true, eligibleCount: 2, quorumCount: 1, voterCount: 1, thresholdPercent: 50, tally: [] },
    });
    const action = await db.action.create({
      data: { decisionId: decision.id, concernId: concern.id, proposalId: proposal.id, title: '开放停车场', dueAt: new Date(), status: 'DONE' },
    });
    await db.rating.create({ data: { actionId: action.id, raterId: member.id, value: 'SATISFIED' } });
    await expectDuplicateRefused(() => db.rating.create({ data: { actionId: action.id, raterId: member.id, value: 'DISSATISFIED' } }));
  });

  it('one membership per user per community', async () => {
    const { db, community, member } = await scene();
    await expectDuplicateRefused(() => db.membership.create({ data: { userId: member.id, communityId: community.id } }));
  });

  it('refuses a row that points at nothing (foreign keys are on)', async () => {
    const { db, concern } = await scene();
    const error = await db.second.create({ data: { concernId: concern.id, userId: 999_999 } }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
  });
});
