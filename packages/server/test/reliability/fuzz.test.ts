// Fuzzing the API: fast-check builds 10,000 operations from the schema itself (valid ones, valid ones
// with wrong values, broken documents and broken requests) and sends each, as anonymous visitors and as
// signed-in members, to a real server process. Whatever comes, the server answers below 500, never
// shows an internal error, and is still up at the end.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { demoAccounts } from '../../src/db/seed.js';

const schema: GraphQLSchema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);

// Node types, so that some ids point at rows of the demo data and reach the resolvers' real paths.
const nodeTypes = Object.values(schema.getTypeMap())
  .filter((type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'))
  .map((type) => type.name);
const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');

type Gen = fc.GeneratorValue;

// Schema objects are cyclic, so pick them by index: fast-check compares the values it is given.
const pick = <T>(g: Gen, list: readonly T[]): T => list[g(fc.integer, { min: 0, max: list.length - 1 })]!;
const some = <T>(g: Gen, list: readonly T[], max: number): T[] =>
  g(fc.subarray, list.map((_, i) => i), { minLength: 1, maxLength: Math.min(max, list.length) }).map((i) => list[i]!);

const strings = (g: Gen): string =>
  g(() =>
    fc.oneof(
      { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 5000 }) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE \"User\"; --", '<script>alert(1)</script>', '../../etc/passwd', '%s%n', '٩(◕‿◕)۶', '12:00') },
    ),
  );

function inputValue(g: Gen, type: GraphQLInputType, depth: number): unknown {
  // Sometimes a value of the wrong kind altogether: the server must refuse it politely.
  if (g(fc.integer, { min: 0, max: 99 }) < 6) return g(fc.jsonValue, { maxDepth: 2 });
  if (isNonNullType(type)) return inputValue(g, type.ofType, depth);
  if (g(fc.integer, { min: 0, max: 99 }) < 8) return null;
  if (isListType(type)) return Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () => inputValue(g, type.ofType, depth + 1));
  if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || g(fc.boolean)) value[field.name] = inputValue(g, field.type, depth + 1);
    }
    if (g(fc.integer, { min: 0, max: 99 }) < 5) value[g(fc.constantFrom, 'unknownField', '__proto__', 'constructor')] = 'x';
    return value;
  }
  switch ((type as GraphQLNamedType).name) {
    case 'ID':
      return g(() =>
        fc.oneof(
          fc.tuple(fc.constantFrom(...nodeTypes), fc.integer({ min: 1, max: 40 })).map(([node, id]) => globalId(node, id)),
          fc.tuple(fc.constantFrom(...nodeTypes), fc.oneof(fc.integer(), fc.string({ maxLength: 12 }))).map(([node, id]) => globalId(node, id)),
          fc.string({ maxLength: 30 }),
        ),
      );
    case 'String':
      return strings(g);
    case 'Int':
      return g(() => fc.oneof(fc.integer({ min: -3, max: 120 }), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1)));
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return g(fc.boolean);
    case 'DateTime':
      return g(() => fc.oneof(fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString()), fc.string({ maxLength: 30 })));
    case 'JSON':
      return g(fc.jsonValue, { maxDepth: 3 });
    default:
      return null; // File: uploads go through multipart, not JSON
  }
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

class OperationBuilder {
  private readonly definitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  constructor(private readonly g: Gen) {}

  private args(field: GraphQLField<unknown, unknown>, depth: number): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && !this.g(fc.boolean)) continue;
      const name = `v${this.definitions.length}`;
      this.definitions.push(`$${name}: ${arg.type.toString()}`);
      this.variables[name] = inputValue(this.g, arg.type, depth);
      parts.push(`${arg.name}: $${name}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isScalarType(named) || isEnumType(named)) return '';
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = schema.getPossibleTypes(named);
      const chosen = some(this.g, possible, 3);
      return `{ __typename ${chosen.map((object) => `... on ${object.name} ${this.selection(object, depth)}`).join(' ')} }`;
    }
    const object = named as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter((field) => depth < 3 || isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)));
    if (fields.length === 0) return '{ __typename }';
    const chosen = some(this.g, fields, 5);
    return `{ ${chosen.map((field) => `${field.name}${this.args(field, depth)} ${this.selection(field.type, depth + 1)}`).join(' ')} }`;
  }

  root(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation {
    const body = `${field.name}${this.args(field, 0)} ${this.selection(field.type, 1)}`;
    const header = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
    return { query: `${kind} Fuzz${header} { ${body} }`, variables: this.variables };
  }
}

const roots = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
];

interface Request {
  label: string;
  method: 'POST' | 'GET';
  contentType?: string;
  body?: string;
  search?: string;
}

function fromSchema(g: Gen): Request {
  const { kind, field } = pick(g, roots);
  const operation = new OperationBuilder(g).root(kind, field);
  return { label: `${kind} ${field.name}`, method: 'POST', contentType: 'application/json', body: JSON.stringify(operation) };
}

function broken(g: Gen): Request {
  const valid = fromSchema(g);
  const query = (JSON.parse(valid.body!) as Operation).query;
  const choice = g(fc.integer, { min: 0, max: 9 });
  const post = (label: string, body: string, contentType = 'application/json'): Request => ({ label, method: 'POST', contentType, body });
  switch (choice) {
    case 0:
      return post('truncated document', JSON.stringify({ query: query.slice(0, g(fc.integer, { min: 0, max: query.length })) }));
    case 1:
      return post('random document', JSON.stringify({ query: strings(g) }));
    case 2:
      return post('invalid JSON', valid.body!.slice(0, g(fc.integer, { min: 0, max: valid.body!.length - 1 })));
    case 3:
      return post('not an operation object', JSON.stringify(g(fc.jsonValue, { maxDepth: 2 })));
    case 4:
      return post('wrong content type', valid.body!, g(fc.constantFrom, 'text/plain', 'application/x-www-form-urlencoded', 'application/xml'));
    case 5:
      return post('batched', JSON.stringify([{ query }, { query }]));
    case 6: {
      const depth = g(fc.integer, { min: 10, max: 60 });
      return post('deep nesting', JSON.stringify({ query: `{ ${'communities { concerns(first: 1) { edges { node { community { '.repeat(depth)} id ${'} } } } }'.repeat(depth)} }` }));
    }
    case 7:
      return post('alias flood', JSON.stringify({ query: `{ ${Array.from({ length: g(fc.integer, { min: 100, max: 2000 }) }, (_, i) => `a${i}: __typename`).join(' ')} }` }));
    case 8:
      return { label: 'mutation over GET', method: 'GET', search: `?query=${encodeURIComponent(query)}` };
    default:
      return post('unknown operation name', JSON.stringify({ query, operationName: strings(g) }));
  }
}

const request = fc.gen().map((g): { request: Request; caller: number; csrf: boolean } => ({
  request: g(fc.integer, { min: 0, max: 99 }) < 80 ? fromSchema(g) : broken(g),
  caller: g(fc.integer, { min: 0, max: 3 }),
  csrf: g(fc.integer, { min: 0, max: 19 }) > 0,
}));

// Messages that would mean an internal error reached the client unmasked.
const internals = /prisma|invocation|sqlite|postgres|\bSQL\b|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|node_modules|\.[jt]s:\d|ECONN|stack/i;

describe('fuzzing the API with operations built from the schema', () => {
  let server: ServerProcess;
  let dir: string;
  const callers: (string | undefined)[] = [undefined];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yishi-fuzz-'));
    server = await startServerProcess({ DATABASE_URL: `file:${path.join(dir, 'fuzz.db')}`, DEMO_SEED: 'auto', RATE_LIMIT_SCALE: '10000', UPLOAD_DIR: path.join(dir, 'uploads') });
    for (const login of ['resident', 'cadre', 'admin']) {
      const account = demoAccounts.find((a) => a.login === login)!;
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }', variables: { input: { login, password: account.password } } }),
      });
      callers.push(response.headers.get('set-cookie')!.split(';')[0]);
    }
  });

  afterAll(async () => {
    if (process.env.FUZZ_LOG) (await import('node:fs')).writeFileSync(process.env.FUZZ_LOG, server?.output() ?? '');
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers ${runs.toLocaleString('en-US')} operations, valid and invalid, with no 5xx and no unmasked error, and stays up`, async () => {
    const seen = { total: 0, withErrors: 0, masked: 0, byStatus: new Map<number, number>(), maskedBy: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(request, async ({ request: sent, caller, csrf }) => {
        const cookie = callers[caller];
        const headers: Record<string, string> = { accept: 'application/json' };
        if (sent.contentType) headers['content-type'] = sent.contentType;
        if (cookie) headers.cookie = cookie;
        if (cookie && csrf) headers['x-yishi-csrf'] = '1';
        const response = await fetch(`${server.url}/graphql${sent.search ?? ''}`, { method: sent.method, headers, body: sent.body, signal: AbortSignal.timeout(20_000) });
        const text = await response.text();
        seen.total++;
        seen.byStatus.set(response.status, (seen.byStatus.get(response.status) ?? 0) + 1);
        expect(response.status, `${sent.label}: ${text.slice(0, 500)}`).toBeLessThan(500);
        let body: { errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          body = undefined; // a plain-text 4xx
        }
        for (const error of body?.errors ?? []) {
          seen.withErrors++;
          if (error.message === 'Unexpected error.') {
            seen.masked++;
            seen.maskedBy.set(sent.label, (seen.maskedBy.get(sent.label) ?? 0) + 1);
          }
          expect(error.message, `${sent.label}: ${text.slice(0, 500)}`).not.toMatch(internals);
          expect(Object.keys(error.extensions ?? {})).not.toContain('stack');
          // yoga names the JSON parser's complaint about a bad body; nothing more may come along.
          const original = error.extensions?.originalError as { stack?: unknown; message?: string } | undefined;
          if (original) {
            expect(error.extensions?.code).toBe('BAD_REQUEST');
            expect(original.stack).toBeUndefined();
          }
        }
      }),
      { numRuns: runs, seed: 20261128, endOnFailure: true },
    );
    console.log(`fuzz: ${seen.total} requests, statuses ${JSON.stringify(Object.fromEntries(seen.byStatus))}, ${seen.withErrors} errors of which ${seen.masked} masked ${JSON.stringify(Object.fromEntries(seen.maskedBy))}`);
    expect(seen.total).toBe(runs);
    expect(server.child.exitCode).toBeNull();
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });
});
