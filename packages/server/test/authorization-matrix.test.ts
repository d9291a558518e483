import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { createTestApp, callerHeaders, type Caller, type GraphQLResult, type TestApp } from '../src/test-support/harness.js';
import { createWorld, type World } from '../src/test-support/fixtures.js';
import { callerKinds, judgeResult, type CallerKind, type MatrixEntry } from '../src/test-support/matrix.js';

const modules = import.meta.glob<{ matrix: MatrixEntry[] }>('../src/modules/**/*.matrix.ts', { eager: true });
const entries = Object.values(modules).flatMap((module) => module.matrix);

function rootFields(): string[] {
  return (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
    const type = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    return type ? Object.keys(type.getFields()).map((name) => `${root}.${name}`) : [];
  });
}

/** Subscriptions are tried over SSE in process: refused ones answer with an error at once. */
async function trySubscription(t: TestApp, query: string, variables: Record<string, unknown> | undefined, as: Caller): Promise<GraphQLResult> {
  const controller = new AbortController();
  const response = await t.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...callerHeaders(as) },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timeout = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 400));
  while (!text.includes('\n\n')) {
    const chunk = await Promise.race([reader.read(), timeout]);
    if (chunk === 'waiting' || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  const data = text.match(/^data: (.*)$/m)?.[1];
  if (!data) return { status: response.status, data: { subscribed: { __typename: 'Subscribed' } }, headers: response.headers };
  return { status: response.status, ...(JSON.parse(data) as object), headers: response.headers };
}

describe('authorization matrix', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    // Private, so every read shows the difference between members and everyone else.
    world = await createWorld(t.db, { isPublic: false });
  });
  afterAll(() => t.close());

  it('has an entry for every root field, and no entry for a field that does not exist', () => {
    const fields = rootFields();
    const covered = new Set(entries.map((entry) => entry.field));
    expect(fields.filter((field) => !covered.has(field)), 'root fields without a matrix entry').toEqual([]);
    expect([...covered].filter((field) => !fields.includes(field)), 'entries for fields that do not exist').toEqual([]);
  });

  const callerOf = (kind: CallerKind): Caller => (kind === 'anonymous' ? undefined : world[kind]);

  for (const entry of entries) {
    it(`${entry.field}: ${callerKinds.map((kind) => `${kind} ${entry.expect[kind]}`).join(', ')}`, async () => {
      const outcomes: Record<string, string> = {};
      for (const kind of callerKinds) {
        const ctx = { t, world, kind, as: callerOf(kind) };
        const { query, variables, as = ctx.as } = await entry.operation(ctx);
        const result = entry.field.startsWith('Subscription.')
          ? await trySubscription(t, query, variables, as)
          : await t.gql(query, variables, as);
        outcomes[kind] = entry.judge ? entry.judge(result, ctx) : judgeResult(result, entry.field);
      }
      expect(outcomes).toEqual(entry.expect);
    });
  }
});
