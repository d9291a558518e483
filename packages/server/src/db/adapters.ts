import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { parse as parsePgUrl } from 'pg-connection-string';
import type { PoolConfig } from 'pg';
import { providerOf } from './schema-source.js';

/** better-sqlite3 takes a path; DATABASE_URL may say `file:./x.db` or just `./x.db`. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '');
}

/**
 * pg merges a connectionString over every other option, which would point the migration engine's
 * shadow database back at the real one. So the URL is parsed into plain options first.
 */
export function pgPoolConfig(databaseUrl: string, extra: PoolConfig = {}): PoolConfig {
  const parsed = parsePgUrl(databaseUrl);
  return {
    host: parsed.host ?? '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ...extra,
  };
}

export function adapterFactoryFor(databaseUrl: string, pool: PoolConfig = {}) {
  return providerOf(databaseUrl) === 'postgresql'
    ? new PrismaPg(pgPoolConfig(databaseUrl, pool))
    : new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl), timeout: 5000 });
}
