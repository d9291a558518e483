// Every example in docs/api.md runs here against a server holding the demo data: ```graphql example```
// blocks (with the ```json variables``` block after them), ```http example``` requests, and the
// ```js example``` Node program, which follows a live tally until a cadre closes the vote.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../src/test-support/harness.js';
import { signIn } from '../src/test-support/fixtures.js';
import { seedDemo } from '../src/db/seed.js';
import { limitsByViewer } from '../src/graphql/context-factory.js';
import { limitPolicies } from '../src/limits/rate-limits.js';
import { georeportErrors, georeportRequest, georeportService } from '../src/modules/open311/georeport.schema.js';

const serverDir = fileURLToPath(new URL('../', import.meta.url));
const docsPath = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));

interface Example {
  lang: 'graphql' | 'http' | 'js';
  as: 'anonymous' | 'token' | 'admin';
  code: string;
  variables?: Record<string, unknown>;
  line: number;
  name: string;
}

/** The runnable blocks of a Markdown page: fences whose info string is "<lang> example [as=<caller>]". */
function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    info: match[1]!.trim().split(/\s+/),
    code: match[2]!,
    line: markdown.slice(0, match.index).split('\n').length,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, index) => {
    const [lang, kind, ...options] = block.info;
    if (kind !== 'example') return;
    if (lang !== 'graphql' && lang !== 'http' && lang !== 'js') throw new Error(`docs/api.md:${block.line}: no runner for ${lang} examples`);
    const as = (options.find((option) => option.startsWith('as='))?.slice(3) ?? 'anonymous') as Example['as'];
    const next = blocks[index + 1];
    const variables = lang === 'graphql' && next?.info.join(' ') === 'json variables' ? JSON.parse(next.code) : undefined;
    const name = lang === 'graphql' ? (block.code.match(/^(?:query|mutation|subscription)\s+(\w+)/m)?.[1] ?? 'query') : block.code.split('\n')[0]!;
    examples.push({ lang, as, code: block.code, line: block.line, name: `${name} (line ${block.line})`, ...(variables ? { variables } : {}) });
  });
  return examples;
}

/** Whether an answer holds something: an example that only ever returns empty lists proves little. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return value !== null && value !== undefined;
}

/** Typed error results hiding in a successful answer (`... on Error { code message }`). */
function typedErrors(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(typedErrors);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.code === 'string' && typeof record.message === 'string') return [record];
    return Object.values(record).flatMap(typedErrors);
  }
  return [];
}

const docs = readFileSync(docsPath, 'utf8');
const examples = examplesOf(docs);

describe('the limits table of docs/api.md', () => {
  const count = (n: number) => n.toLocaleString('en');
  it.each([
    ['anonymous', limitsByViewer.anonymous, limitPolicies.anonymousPerIp.points],
    ['API token', limitsByViewer.token, limitPolicies.tokenPerToken.points],
    ['member', limitsByViewer.user, limitPolicies.memberPerUser.points],
  ] as const)('states the limits the server applies to a caller: %s', (label, limits, perMinute) => {
    // The row of the Limits table: six columns, where the Authentication table has three.
    const row = docs.split('\n').find((line) => line.startsWith(`| ${label} |`) && line.split('|').length === 8);
    expect(row?.split('|').map((cell) => cell.trim()).slice(2, 7)).toEqual([
      expect.stringContaining(`${count(perMinute)} a minute`),
      count(limits.complexity),
      count(limits.depth),
      count(limits.breadth),
      count(limits.maxPageSize),
    ]);
  });
});

describe('the examples of docs/api.md', () => {
  let t: TestApp;
  /** The secret docs/api.md's own createApiToken example makes; the token examples use it. */
  let token: string | undefined;
  let cadre: Caller;
  let admin: Caller;
  let baseUrl: string;
  let communityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    const community = await t.db.community.findUniqueOrThrow({ where: { slug: 'xinhua-lane' } });
    const [adminUser, cadreUser] = await Promise.all(['admin', 'cadre'].map((login) => t.db.user.findUniqueOrThrow({ where: { login } })));
    communityId = Buffer.from(`Community:${community.id}`).toString('base64');
    admin = { cookie: await signIn(t.db, adminUser!.id) };
    cadre = { cookie: await signIn(t.db, cadreUser!.id) };
    // Start listening: the http and js examples use a real socket.
    await (await t.fetch('/health')).body?.cancel();
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  }, 120_000);
  afterAll(() => t?.close());

  const callerOf = (as: Example['as']): Caller => {
    if (as !== 'token') return as === 'admin' ? admin : undefined;
    if (!token) throw new Error('No token yet: the createApiToken example must come before the token examples');
    return { token };
  };

  /**
   * The docs write "<a Concern id>" where a reader puts an id from a list: here, a concern that went the
   * whole way; "<the community's id>" is xinhua-lane's.
   */
  const withIds = async (variables: Record<string, unknown> | undefined): Promise<Record<string, unknown> | undefined> => {
    if (!variables) return variables;
    const concern = await t.db.concern.findFirstOrThrow({
      where: { community: { slug: 'xinhua-lane' }, decisions: { some: {} }, actions: { some: { updates: { some: {} } } } },
      orderBy: { id: 'asc' },
    });
    const ids: Record<string, string> = {
      '<a Concern id>': Buffer.from(`Concern:${concern.id}`).toString('base64'),
      "<the community's id>": communityId,
    };
    const fill = (value: unknown): unknown =>
      typeof value === 'string'
        ? (ids[value] ?? value)
        : value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]))
          : value;
    return fill(variables) as Record<string, unknown>;
  };

  it('finds examples of every kind', () => {
    expect(examples.filter((e) => e.lang === 'graphql').length).toBeGreaterThanOrEqual(7);
    expect(examples.some((e) => e.lang === 'http')).toBe(true);
    expect(examples.some((e) => e.lang === 'js')).toBe(true);
  });

  it.each(examples.filter((e) => e.lang === 'graphql'))('runs the GraphQL example $name', async (example) => {
    const answer = await t.gql(example.code, await withIds(example.variables), callerOf(example.as));
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(typedErrors(answer.data)).toEqual([]);
    expect(hasContent(answer.data), JSON.stringify(answer.data)).toBe(true);
    const secret = JSON.stringify(answer.data).match(/"secret":"(ysk_[^"]+)"/)?.[1];
    if (secret) token = secret;
  });

  it.each(examples.filter((e) => e.lang === 'http'))('runs the HTTP example $name', async (example) => {
    const [requestLine, ...headerLines] = example.code.trim().split('\n');
    const [method, target] = requestLine!.split(' ') as ['GET', string];
    // "Bearer ysk_…" in the docs stands for the token the createApiToken example made.
    const headers = Object.fromEntries(
      headerLines.filter(Boolean).map((line) => {
        const [name, value] = line.split(/:\s*/, 2) as [string, string];
        return [name, value === 'Bearer ysk_…' ? `Bearer ${token}` : value];
      }),
    );
    // The block shows its own Authorization header, as a reader would send it.
    if (example.as === 'token') expect(headers.Authorization).toBe(`Bearer ${(callerOf('token') as { token: string }).token}`);
    const response = await t.fetch(target, { method, headers });
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const pathname = new URL(target, baseUrl).pathname;
    if (pathname === '/graphql') expect((body as { errors?: unknown }).errors).toBeUndefined();
    if (pathname.endsWith('/services.json')) expect(georeportService.array().min(1).parse(body)).toBeTruthy();
    if (pathname.includes('/requests')) expect(georeportRequest.array().min(1).parse(body)).toBeTruthy();
    expect(georeportErrors.safeParse(body).success).toBe(false);
  });

  it.each(examples.filter((e) => e.lang === 'js'))(
    'runs the Node example $name, which follows a live tally until the vote closes',
    async (example) => {
      // Inside packages/server, so `graphql-ws` and `ws` resolve as they would after `npm install`.
      const file = path.join(serverDir, `.api-docs-example-${process.pid}.mjs`);
      writeFileSync(file, example.code);
      const child = spawn(process.execPath, [file], {
        cwd: serverDir,
        env: { ...process.env, YISHI_URL: baseUrl, YISHI_TOKEN: token!, YISHI_COMMUNITY: 'xinhua-lane' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const snapshots = () =>
        stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { closed: boolean; voterCount: number; version: number });
      try {
        const deadline = Date.now() + 60_000;
        while (snapshots().length === 0) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no snapshot; stdout: ${stdout}; stderr: ${stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(snapshots()[0]).toMatchObject({ closed: false });
        expect(stdout).toMatch(/^Following the vote on /);

        // A cadre closes the vote: the program hears the final snapshot and ends by itself.
        const windowId = (
          await t.gql<{ community: { concerns: { edges: { node: { votingWindow: { id: string } } }[] } } }>(
            '{ community(slug: "xinhua-lane") { concerns(first: 1, status: [VOTING]) { edges { node { votingWindow { id } } } } } }',
          )
        ).data!.community.concerns.edges[0]!.node.votingWindow.id;
        const closed = await t.gql<{ closeVotingWindow: { __typename: string } }>(
          'mutation ($id: ID!) { closeVotingWindow(windowId: $id) { __typename } }',
          { id: windowId },
          cadre,
        );
        expect(closed.data?.closeVotingWindow.__typename).toBe('CloseVotingWindowSuccess');
        expect(await exited, stderr).toBe(0);
        const last = snapshots().at(-1)!;
        expect(last.closed).toBe(true);
        expect(last.version).toBeGreaterThan(snapshots()[0]!.version);
      } finally {
        child.kill();
        rmSync(file, { force: true });
      }
    },
    120_000,
  );
});
