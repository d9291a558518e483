// Generates the Prisma clients for SQLite and PostgreSQL, and the Pothos types, with nothing downloaded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schemaFor, schemaPath } from '../src/db/schema-source.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'yishi-prisma-'));
const env = { ...process.env };
// `prisma generate` never runs the schema engine, but the CLI looks for its binary first and would try
// to download it. Any executable satisfies that look-up.
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = path.join(scratch, 'schema-engine-stub');
  writeFileSync(stub, '#!/bin/sh\nexit 1\n');
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const postgresSchema = path.join(scratch, 'schema.postgresql.prisma');
writeFileSync(postgresSchema, schemaFor('postgresql', { forGenerate: true }));

for (const schema of [schemaPath, postgresSchema]) {
  execFileSync('prisma', ['generate', '--schema', schema], { env, stdio: 'inherit' });
}
