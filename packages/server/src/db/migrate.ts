import { mkdirSync, readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { openSchemaEngine, type SchemaEngine } from './schema-engine.js';
import { createThrowawayDatabase, dropDatabase } from './pg-admin.js';
import { migrationsDir, prismaDir, providerOf, schemaFor, type Provider } from './schema-source.js';
import { sqlitePath } from './adapters.js';

const noFilters = { externalTables: [], externalEnums: [] };

export function readMigrationList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(baseDir, dir, 'migration.sql');
      return {
        path: dir,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

function ensureSqliteFolder(databaseUrl: string): void {
  if (providerOf(databaseUrl) !== 'sqlite') return;
  const file = sqlitePath(databaseUrl);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine, provider: Provider) => Promise<T>) {
  const provider = providerOf(databaseUrl);
  ensureSqliteFolder(databaseUrl);
  const { engine, close } = await openSchemaEngine(databaseUrl, schemaFor(provider));
  try {
    return await run(engine, provider);
  } finally {
    await close();
  }
}

async function applyWith(engine: SchemaEngine, provider: Provider): Promise<string[]> {
  const out = await engine.applyMigrations({ migrationsList: readMigrationList(provider), filters: noFilters });
  return out.appliedMigrationNames;
}

/** Applies every pending migration; returns the names applied now. */
export function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, applyWith);
}

/** The SQL that would take the database at databaseUrl to schema.prisma; empty when there is no drift. */
export function driftScript(databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, diffLiveToSchema);
}

// The WASM engine diffs only against the database its adapter is connected to ("schemaDatasource").
async function diffLiveToSchema(engine: SchemaEngine, provider: Provider): Promise<string> {
  const files = [{ path: 'schema.prisma', content: schemaFor(provider) }];
  const out = await engine.diff({
    from: { tag: 'schemaDatasource', files, configDir: prismaDir },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  return (out.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export interface CreatedMigration {
  provider: Provider;
  directory: string | null;
}

/**
 * Writes a new migration for each provider from the changes to schema.prisma since the last one:
 * the history is replayed into a scratch database (a temp file for SQLite, a throw-away database on
 * the PostgreSQL server at pgAdminUrl), and the difference to the schema becomes the migration.
 */
export async function createMigrations(name: string, pgAdminUrl: string): Promise<CreatedMigration[]> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('A migration name uses a-z, 0-9 and _ only');
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'yishi-migration-'));
  const results: CreatedMigration[] = [];
  const stamp = timestamp();
  try {
    for (const provider of ['sqlite', 'postgresql'] as const) {
      const scratchUrl =
        provider === 'sqlite'
          ? `file:${path.join(scratchDir, 'scratch.db')}`
          : await createThrowawayDatabase(pgAdminUrl, 'yishi_migration');
      try {
        const script = await withEngine(scratchUrl, async (engine) => {
          await applyWith(engine, provider);
          return diffLiveToSchema(engine, provider);
        });
        if (!script) {
          results.push({ provider, directory: null });
          continue;
        }
        const baseDir = migrationsDir(provider);
        const dir = path.join(baseDir, `${stamp}_${name}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'migration.sql'), `${script}\n`);
        const lock = path.join(baseDir, 'migration_lock.toml');
        if (!existsSync(lock)) {
          writeFileSync(
            lock,
            '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n' +
              `provider = "${provider}"\n`,
          );
        }
        results.push({ provider, directory: dir });
      } finally {
        if (provider === 'postgresql') await dropDatabase(pgAdminUrl, scratchUrl);
      }
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
  return results;
}
