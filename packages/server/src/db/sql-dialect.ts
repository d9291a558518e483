// The few places where raw SQL differs between the two databases. SQLite keeps DateTime as ISO text, so
// instants are compared and subtracted as julianday(); PostgreSQL keeps UTC wall time in `timestamp`,
// so an instant is passed as ISO text and cast (the cast drops the zone designator, which is UTC).
import { Prisma } from '../generated/sqlite/client.js';
import type { Provider } from './schema-source.js';

export type Sql = Prisma.Sql;

export interface SqlDialect {
  /** A DateTime column (or expression) in a form that compares and subtracts as an instant. */
  instantOf(column: Sql): Sql;
  /** A JavaScript date as the same kind of instant. */
  instant(date: Date): Sql;
  /** Hours from `earlier` to `later`, both given by instantOf/instant, as a floating point number. */
  hoursBetween(later: Sql, earlier: Sql): Sql;
  /** `instant` minus a whole number of days held in `days` (a column or an expression). */
  minusDays(instant: Sql, days: Sql): Sql;
}

const sqlite: SqlDialect = {
  instantOf: (column) => Prisma.sql`julianday(${column})`,
  instant: (date) => Prisma.sql`julianday(${date.toISOString()})`,
  hoursBetween: (later, earlier) => Prisma.sql`((${later}) - (${earlier})) * 24.0`,
  minusDays: (instant, days) => Prisma.sql`((${instant}) - (${days}))`,
};

const postgresql: SqlDialect = {
  instantOf: (column) => column,
  instant: (date) => Prisma.sql`CAST(${date.toISOString()} AS timestamp)`,
  hoursBetween: (later, earlier) => Prisma.sql`(EXTRACT(EPOCH FROM ((${later}) - (${earlier}))) / 3600.0)`,
  minusDays: (instant, days) => Prisma.sql`((${instant}) - make_interval(days => CAST(${days} AS integer)))`,
};

export function sqlDialect(provider: Provider): SqlDialect {
  return provider === 'sqlite' ? sqlite : postgresql;
}

/** Numbers come back as bigint (COUNT), Decimal (PostgreSQL numeric) or number; this makes them numbers. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}
