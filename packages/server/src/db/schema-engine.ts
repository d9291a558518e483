// Prisma's official schema engine, as WebAssembly: migrations with nothing downloaded.
// Its package entry imports the .wasm file as an ES module, which Node refuses, so it is
// instantiated here by hand as the wasm-bindgen glue expects.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import { adapterFactoryFor, pgPoolConfig } from './adapters.js';
import { providerOf } from './schema-source.js';

let ready: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  ready ??= (async () => {
    // The package exports no package.json; its glue module sits beside the .wasm file.
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

export type SchemaEngine = glue.SchemaEngine;

export type EngineLog = (line: string) => void;

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections, so the next engine finds the database unlocked. */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  databaseUrl: string,
  schemaText: string,
  log: EngineLog = () => {},
): Promise<OpenEngine> {
  await loadWasm();
  const factory = migrationAdapterFactory(databaseUrl);
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  // Without the binding the engine calls connect() with no `this`, and the adapter fails.
  const engine = await glue.SchemaEngine.new(
    { datamodels: [['schema.prisma', schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

interface FieldsResult {
  fields: { dataTypeID: number }[];
}
type PerformIO = (query: unknown) => Promise<FieldsResult>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// The engine reads PostgreSQL's catalogues, whose one-byte "char" columns (pg_constraint.contype and
// the like) adapter-pg 7.10 has no mapping for, so describing any database fails. Reporting them as
// text is exactly what they hold. Used for migrations only; the pinned versions and the drift test
// in migrate.test.ts guard this against an upgrade that changes performIO.
function reportCharAsText(queryable: object): void {
  const target = queryable as { performIO: PerformIO };
  const performIO = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
}

class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    reportCharAsText(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      reportCharAsText(transaction);
      return transaction;
    };
    return adapter;
  }
}

function migrationAdapterFactory(databaseUrl: string) {
  return providerOf(databaseUrl) === 'postgresql'
    ? new MigrationPg(pgPoolConfig(databaseUrl, { max: 2 }))
    : adapterFactoryFor(databaseUrl);
}
