// Once per test run: migrate a template database for each provider. Every test app then starts from a
// copy (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL), which is far faster than
// migrating each time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../db/migrate.js';
import { createThrowawayDatabase, defaultPgAdminUrl, dropDatabase } from '../db/pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string;
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const pgAdminUrl = process.env.PG_ADMIN_URL ?? defaultPgAdminUrl;
  const dir = mkdtempSync(path.join(tmpdir(), 'yishi-test-'));
  const sqliteTemplate = path.join(dir, 'template.db');
  await applyMigrations(`file:${sqliteTemplate}`);
  const postgresTemplate = await createThrowawayDatabase(pgAdminUrl, 'yishi_template');
  await applyMigrations(postgresTemplate);
  project.provide('sqliteTemplate', sqliteTemplate);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('pgAdminUrl', pgAdminUrl);
  return async () => {
    await dropDatabase(pgAdminUrl, postgresTemplate);
    rmSync(dir, { recursive: true, force: true });
  };
}
