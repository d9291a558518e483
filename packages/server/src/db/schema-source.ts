import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url));
export const schemaPath = path.join(prismaDir, 'schema.prisma');

/** Each provider keeps its own migration history, in Prisma's folder layout. */
export function migrationsDir(provider: Provider): string {
  return path.join(prismaDir, 'migrations', provider);
}

export function providerOf(databaseUrl: string): Provider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
}

/**
 * The schema text for a provider. schema.prisma is written for SQLite; PostgreSQL gets the same models
 * with only the provider and the client's output folder swapped, so the two can never drift apart.
 */
export function schemaFor(provider: Provider, options: { forGenerate?: boolean } = {}): string {
  const text = readFileSync(schemaPath, 'utf8');
  if (provider === 'sqlite') return text;
  let swapped = text.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  if (swapped === text) throw new Error('schema.prisma no longer names the sqlite provider');
  // The Pothos types are generated once, from the SQLite variant; both clients share those types.
  swapped = swapped.replace(/generator pothos \{[^}]*\}/, '');
  if (options.forGenerate) {
    const out = path.join(prismaDir, '../src/generated/postgresql');
    swapped = swapped.replace(/output\s*=\s*"\.\.\/src\/generated\/sqlite"/, `output = ${JSON.stringify(out)}`);
  }
  return swapped;
}
