import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root; the default SQLite file and uploads live in its .data folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

// Every variable the server reads. README.md documents each one; keep the two in step.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/|\.{0,2}\/)/, 'must be file:<path>, a path, or postgres://…')
    .default(`file:${path.join(repoRoot, '.data', 'yishi.db')}`),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be redis://… or rediss://…')
    .optional(),
  ALLOWED_ORIGINS: list.default([]),
  TRUST_PROXY: flag.default(false),
  UPLOAD_DIR: z.string().min(1).default(path.join(repoRoot, '.data', 'uploads')),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'packages', 'web', 'dist')),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 14),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(90),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  // Multiplies every rate limit (src/limits/rate-limits.ts): 2 doubles them all.
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(10_000).default(1),
  // How many subscriptions one API token may hold open at once, over all its connections.
  API_TOKEN_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(10_000).default(20),
  AUTO_MIGRATE: flag.default(true),
  SCHEDULER: flag.default(true),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  GRAPHIQL: flag.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Serves GET /__bench (CPU, memory, event-loop delay, SQL statement count) for `pnpm bench`. Off in use.
  BENCH_METRICS: flag.default(false),
});

export type Config = z.infer<typeof schema> & { graphiql: boolean };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/** Reads the environment; a bad variable throws a ConfigError whose message is one line naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as shells and .env files usually intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, `${issue.message} (got ${JSON.stringify(env[variable] ?? '')})`);
  }
  const config = parsed.data;
  return { ...config, graphiql: config.GRAPHIQL ?? config.NODE_ENV !== 'production' };
}
