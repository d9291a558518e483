// `pnpm db:migrate`, `pnpm db:migration <name>` and `pnpm db:seed`.
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { applyMigrations, createMigrations } from './migrate.js';
import { defaultPgAdminUrl } from './pg-admin.js';
import { isDatabaseEmpty, seedDemo } from './seed.js';

async function run(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const applied = await applyMigrations(config.DATABASE_URL);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return;
    }
    case 'migration': {
      const name = args[0];
      if (!name) throw new Error('Usage: pnpm db:migration <name>, e.g. pnpm db:migration add_rule_tags');
      const created = await createMigrations(name, process.env.PG_ADMIN_URL ?? defaultPgAdminUrl);
      for (const result of created) {
        console.log(`${result.provider}: ${result.directory ?? 'no changes to schema.prisma, nothing written'}`);
      }
      return;
    }
    case 'seed': {
      await applyMigrations(config.DATABASE_URL);
      const { db, close } = await openDatabase(config.DATABASE_URL);
      try {
        if (!(await isDatabaseEmpty(db))) {
          console.log('The database already holds data; the demo data is loaded only into an empty one.');
          return;
        }
        console.log(`Demo data loaded: ${JSON.stringify(await seedDemo(db))}`);
      } finally {
        await close();
      }
      return;
    }
    default:
      throw new Error('Usage: cli.ts migrate | migration <name> | seed');
  }
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
