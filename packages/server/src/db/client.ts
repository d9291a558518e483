import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.js';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { pgPoolConfig, sqlitePath } from './adapters.js';
import { SqliteGateFactory } from './sqlite-gate.js';
import { providerOf, type Provider } from './schema-source.js';

/**
 * The application types against the SQLite client. The PostgreSQL client is generated from the same
 * models (see schema-source.ts), so its API is the same; only its query compiler differs.
 */
export type Db = SqliteClient;
export type { Prisma } from '../generated/sqlite/client.js';
import type { Prisma } from '../generated/sqlite/client.js';

/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export interface OpenOptions {
  poolSize?: number;
  /** Called with every SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
}

// SQLite as a server database: WAL lets readers run beside the writer, the busy timeout waits out the
// writer instead of failing, and foreign keys are off in SQLite unless asked for on every connection.
const sqlitePragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
];

export async function openDatabase(databaseUrl: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(databaseUrl);
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  let db: Db;
  if (provider === 'sqlite') {
    const adapter = new SqliteGateFactory(new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl), timeout: 5000 }));
    db = new SqliteClient({ adapter, log }) as Db;
  } else {
    const adapter = new PrismaPg(pgPoolConfig(databaseUrl, { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 }));
    db = new PostgresClient({ adapter, log }) as unknown as Db;
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (db as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (event) =>
      onQuery(event.query),
    );
  }
  // When a client selects nothing but __typename, Pothos hands Prisma `select: {}`, which Prisma
  // refuses. Selecting the id instead costs nothing and answers the same.
  db = db.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const select = (args as { select?: object } | undefined)?.select;
          if (select && Object.keys(select).length === 0) (args as { select: object }).select = { id: true };
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  await db.$connect();
  if (provider === 'sqlite') {
    // The better-sqlite3 adapter keeps one connection, so these hold for every later query.
    for (const pragma of sqlitePragmas) await db.$queryRawUnsafe(pragma);
  }
  return {
    db,
    provider,
    close: () => db.$disconnect(),
  };
}
