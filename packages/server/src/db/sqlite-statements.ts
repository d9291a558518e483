import type { Database, Statement } from 'better-sqlite3';

/**
 * The better-sqlite3 adapter prepares every query anew and binds it (which makes the statement
 * single-use). Preparing costs more than running most of our statements: the session lookup takes
 * about 90 µs to prepare and 11 µs to run. This keeps prepared statements by their SQL text and hands
 * the adapter a look-alike whose bind() only remembers the arguments, passed again at each run.
 *
 * It relies on how the adapter (7.x) uses a statement: prepare(sql).bind(args), then `reader`,
 * columns(), raw().all() or run(), all synchronous, so a cached statement is never used twice at once.
 * The adapter-sqlite test suite (db/client.test.ts and every module test) runs through it.
 */
export function cachePreparedStatements(db: Database, capacity = 500): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  (db as { prepare: unknown }).prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      // Least recently used goes first: move this one to the end.
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return bound(statement, []);
  };
}

function bound(statement: Statement, args: unknown[]) {
  return {
    reader: statement.reader,
    bind: (values: unknown[]) => bound(statement, values),
    columns: () => statement.columns(),
    run: () => statement.run(args),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  };
}
