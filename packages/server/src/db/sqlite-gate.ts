import { Mutex, withTimeout, E_TIMEOUT } from 'async-mutex';
import type { Database as BetterSqliteDatabase } from 'better-sqlite3';
import { cachePreparedStatements } from './sqlite-statements.js';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/**
 * The better-sqlite3 adapter keeps ONE connection. It serializes transactions with a mutex, but a query
 * outside a transaction runs straight on that connection, and so inside whatever transaction another
 * request has open: it commits or rolls back with it. A vote could vanish with somebody else's failed
 * command. This gate makes such queries wait until the open transaction ends.
 *
 * A query made through the plain client inside a transaction's own callback (ctx.db instead of tx) would
 * wait for itself; the timeout turns that bug into an error instead of a hang.
 */
export class SqliteGateFactory implements SqlDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapterFactory,
    private readonly waitLimitMs = 15_000,
  ) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    // The adapter's better-sqlite3 connection (a public field of its class, not of the interface).
    const client = (adapter as { client?: BetterSqliteDatabase }).client;
    if (client) cachePreparedStatements(client);
    return gate(adapter, this.waitLimitMs);
  }
}

function gate(adapter: SqlDriverAdapter, waitLimitMs: number): SqlDriverAdapter {
  const lock = withTimeout(new Mutex(), waitLimitMs);
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await lock.runExclusive(run);
    } catch (error) {
      if (error === E_TIMEOUT) {
        throw new Error(`A query waited ${waitLimitMs} ms for a transaction to end: is the plain client used inside a transaction?`);
      }
      throw error;
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script) => exclusive(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      try {
        return holdUntilEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

/** The transaction as it was, but ending it opens the gate again. */
function holdUntilEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  return Object.assign(Object.create(transaction) as Transaction, {
    commit: end(() => transaction.commit()),
    rollback: end(() => transaction.rollback()),
  });
}
