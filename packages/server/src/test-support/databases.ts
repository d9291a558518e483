import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { pgPoolConfig } from '../db/adapters.js';
import { dropDatabase } from '../db/pg-admin.js';
import type { Provider } from '../db/schema-source.js';

export const providers: Provider[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database of the given kind, copied from the run's template. */
export async function freshDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'yishi-db-'));
    const file = path.join(dir, 'test.db');
    copyFileSync(inject('sqliteTemplate'), file);
    return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('pgAdminUrl');
  const template = new URL(inject('postgresTemplate')).pathname.slice(1);
  const name = `yishi_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(pgPoolConfig(adminUrl));
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(adminUrl, url.toString()) };
}
