import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, driftScript, readMigrationList } from './migrate.js';
import { createThrowawayDatabase, dropDatabase } from './pg-admin.js';
import { openDatabase } from './client.js';
import { providers } from '../test-support/databases.js';
import type { Provider } from './schema-source.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase(provider: Provider): Promise<string> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'yishi-migrate-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, 'empty.db')}`;
  }
  const url = await createThrowawayDatabase(inject('pgAdminUrl'), 'yishi_migrate');
  cleanups.push(() => dropDatabase(inject('pgAdminUrl'), url));
  return url;
}

describe.each(providers)('migrations on %s', (provider) => {
  it('apply to an empty database, match schema.prisma with no drift, and a second run applies nothing', async () => {
    const url = await emptyDatabase(provider);
    const applied = await applyMigrations(url);
    expect(applied).toEqual(readMigrationList(provider).migrationDirectories.map((dir) => dir.path));
    expect(applied.length).toBeGreaterThan(0);
    expect(await driftScript(url)).toBe('');
    expect(await applyMigrations(url)).toEqual([]);
    // Recorded exactly as Prisma's CLI records them, so `prisma migrate deploy` agrees where it can run.
    const { db, close } = await openDatabase(url);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
        'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(applied);
      expect(rows.every((row) => row.finished_at !== null)).toBe(true);
    } finally {
      await close();
    }
  });
});
