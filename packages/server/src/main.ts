// Starts one server process: configuration, migrations, demo data on an empty database, then listen.
// Everything else is built by buildApp(), which tests use without listening.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { isDatabaseEmpty, seedDemo } from './db/seed.js';
import { countStatement, startBenchMetrics } from './http/bench-metrics.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.AUTO_MIGRATE) {
    const applied = await applyMigrations(config.DATABASE_URL);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (config.BENCH_METRICS) startBenchMetrics();
  const database = await openDatabase(config.DATABASE_URL, {
    poolSize: config.DATABASE_POOL_SIZE,
    onQuery: config.BENCH_METRICS ? countStatement : undefined,
  });
  if (config.DEMO_SEED === 'auto' && (await isDatabaseEmpty(database.db))) {
    const summary = await seedDemo(database.db);
    console.log(`Empty database: loaded the demo data (${JSON.stringify(summary)})`);
  }
  const app = await buildApp(config, { database });
  if (config.SCHEDULER) app.scheduler.start();
  await new Promise<void>((resolve) => app.server.listen(config.PORT, config.HOST, resolve));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`Yishi is listening on http://localhost:${port} (GraphQL at /graphql, ${database.provider}, events: ${app.deps.eventBus.kind})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, closing sockets with 1001`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

// A stray rejection is logged, not fatal: one failed publish must not take the process down.
process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Yishi failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
