import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, providers, type TestDatabase } from '../test-support/databases.js';
import { openDatabase, type Database } from './client.js';

describe.each(providers)('the database client on %s', (provider) => {
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

  it("keeps a write made outside a transaction when another request's transaction rolls back", async () => {
    const { db } = opened;
    const slug = (name: string) => `${provider}-${name}`;
    const failing = db
      .$transaction(async (tx) => {
        await tx.community.create({ data: { slug: slug('rolled-back'), name: '回滚', nameEn: 'Rolled back', kind: 'VILLAGE' } });
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('the command fails');
      })
      .catch((error: Error) => error.message);
    // Meanwhile another request writes on its own, outside any transaction.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.community.create({ data: { slug: slug('kept'), name: '保留', nameEn: 'Kept', kind: 'VILLAGE' } });
    expect(await failing).toBe('the command fails');
    const slugs = (await db.community.findMany({ where: { slug: { startsWith: provider } }, select: { slug: true } })).map((c) => c.slug);
    expect(slugs).toEqual([slug('kept')]);
  });

  it('runs SQLite with WAL, a busy timeout and foreign keys on', async () => {
    if (provider !== 'sqlite') return;
    const pragma = async (name: string) => Object.values((await opened.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(Number(await pragma('foreign_keys'))).toBe(1);
    expect(Number(await pragma('busy_timeout'))).toBe(5000);
  });
});
