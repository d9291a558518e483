// @ts-check
// `pnpm codegen`: turns the printed schema (packages/schema/schema.graphql, a committed build output of
// the server) into the two files the client needs:
//   src/graphql-env.d.ts               types for gql.tada's `graphql()` (written by gql.tada's own CLI code,
//                                      configured in tsconfig.json)
//   src/shared/api/graphcache-schema.ts the slice of the schema Graphcache reads at run time: object,
//                                      interface and union types, so it can match fragments on the typed
//                                      error unions and know which fields may be null.
// Until the server has printed its schema, both files stay committed placeholders and this exits 0.
//
// `--check` (pnpm codegen:check): regenerates, and fails, leaving the files as they were, when the
// committed output is stale, i.e. the schema changed and nobody ran `pnpm codegen`.
import { existsSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfigPath = join(webRoot, 'tsconfig.json');
const envFile = join(webRoot, 'src/graphql-env.d.ts');
const runtimeSchemaFile = join(webRoot, 'src/shared/api/graphcache-schema.ts');
const schemaFile = resolve(webRoot, '../schema/schema.graphql');
const show = (/** @type {string} */ path) => relative(process.cwd(), path) || '.';
const checkOnly = process.argv.includes('--check');
/** What is committed now, to compare with (and restore after) a --check run. */
const before = new Map([envFile, runtimeSchemaFile].map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : null]));

const PLACEHOLDER_ENV = `/* eslint-disable */
/* prettier-ignore */
// PLACEHOLDER written by \`pnpm codegen\` while packages/schema/schema.graphql does not exist yet.
// Run \`pnpm codegen\` once the server has printed its schema; this file is then regenerated from it.

export type introspection_types = {
    'Boolean': unknown;
    'DateTime': unknown;
    'File': unknown;
    'JSON': unknown;
    'Query': { kind: 'OBJECT'; name: 'Query'; fields: { '_placeholder': { name: '_placeholder'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null; } }; }; };
    'String': unknown;
};

export type introspection = {
  name: 'yishi';
  query: 'Query';
  mutation: never;
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from 'gql.tada';
`;

const PLACEHOLDER_RUNTIME_SCHEMA = `// PLACEHOLDER written by \`pnpm codegen\` while packages/schema/schema.graphql does not exist yet.
// Without a schema Graphcache still works, but guesses fragment matches on unions and interfaces.
import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

export const graphcacheSchema: NonNullable<CacheExchangeOpts['schema']> | undefined = undefined;
`;

function writeIfChanged(/** @type {string} */ path, /** @type {string} */ text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}

if (!existsSync(schemaFile)) {
  console.log(`codegen: ${show(schemaFile)} does not exist yet (the server prints it with \`pnpm --filter @yishi/server schema:print\`).`);
  // Keep whatever is committed: it may be a placeholder or the output of an earlier schema.
  if (!existsSync(envFile)) writeFileSync(envFile, PLACEHOLDER_ENV);
  if (!existsSync(runtimeSchemaFile)) writeFileSync(runtimeSchemaFile, PLACEHOLDER_RUNTIME_SCHEMA);
  console.log(`codegen: kept ${show(envFile)} and ${show(runtimeSchemaFile)} as they are.`);
  process.exit(0);
}
if (checkOnly && [...before.values()].some((text) => text?.includes('PLACEHOLDER'))) {
  console.error('codegen:check: the committed files are placeholders, but the schema exists; run `pnpm codegen`.');
  process.exit(1);
}

// 1. Types for gql.tada, with the schema name and output location from tsconfig.json. gql.tada keeps
// the leading comment of the file it replaces, so the placeholder goes first, or its note would stay.
if (before.get(envFile)?.includes('PLACEHOLDER')) unlinkSync(envFile);
const { generateOutput } = await import('@gql.tada/cli-utils');
await generateOutput({ tsconfig: tsconfigPath, output: undefined, silent: true });
if (!checkOnly) console.log(`codegen: wrote ${show(envFile)}`);

// 2. The run-time slice for Graphcache. @gql.tada/internal is gql.tada's own schema loader; it is not
// a direct dependency, so resolve it from gql.tada's install location.
const fromGqlTada = createRequire(realpathSync(join(webRoot, 'node_modules/gql.tada/package.json')));
/** @type {any} */
const internal = await import(pathToFileURL(fromGqlTada.resolve('@gql.tada/internal')).href);
const { introspection } = await internal.loadFromSDL({ file: schemaFile, assumeValid: true }).load();
const minified = internal.minifyIntrospection(introspection);

/** @param {any} ref @returns {object} */
const typeRef = (ref) => (ref.ofType ? { kind: ref.kind, ofType: typeRef(ref.ofType) } : { kind: ref.kind, name: ref.name });
/** @param {{ kind: string; name: string }} type */
const named = ({ kind, name }) => ({ kind, name });

const types = minified.__schema.types
  .filter((/** @type {any} */ type) => type.kind === 'OBJECT' || type.kind === 'INTERFACE' || type.kind === 'UNION')
  .map((/** @type {any} */ type) =>
    type.kind === 'UNION'
      ? { kind: type.kind, name: type.name, possibleTypes: type.possibleTypes.map(named) }
      : {
          kind: type.kind,
          name: type.name,
          // Graphcache reads field types (for nullability), never arguments: leave them out to save bytes.
          fields: type.fields.map((/** @type {any} */ field) => ({ name: field.name, type: typeRef(field.type), args: [] })),
          interfaces: (type.interfaces ?? []).map(named),
          ...(type.kind === 'INTERFACE' ? { possibleTypes: type.possibleTypes.map(named) } : {}),
        },
  );
const runtimeSchema = {
  __schema: {
    queryType: minified.__schema.queryType,
    mutationType: minified.__schema.mutationType,
    subscriptionType: minified.__schema.subscriptionType,
    types,
  },
};

// JSON.parse of a string literal: parses faster than an object literal, and TypeScript does not infer a
// giant literal type for it.
const runtimeText = `// Generated by \`pnpm codegen\` from packages/schema/schema.graphql. Do not edit.
import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

export const graphcacheSchema: NonNullable<CacheExchangeOpts['schema']> | undefined = JSON.parse(
  ${JSON.stringify(JSON.stringify(runtimeSchema))},
);
`;
writeIfChanged(runtimeSchemaFile, runtimeText);

if (checkOnly) {
  const stale = [...before].filter(([file, text]) => readFileSync(file, 'utf8') !== text).map(([file]) => file);
  for (const [file, text] of before) if (text !== null) writeFileSync(file, text);
  if (stale.length > 0) {
    console.error(`codegen:check: stale, not matching the schema: ${stale.map(show).join(', ')}. Run \`pnpm codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('codegen:check: the generated files match the schema.');
} else {
  console.log(`codegen: wrote ${show(runtimeSchemaFile)} (${types.length} types)`);
}
