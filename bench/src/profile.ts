// pnpm --filter @yishi/bench profile <board|typename|vote> [seconds]: runs one request shape against a
// production server started with --cpu-prof on a generated world, and prints the heaviest functions.
// For finding what a figure of the table spends its time on.
import { readdirSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createWorld } from './data.js';
import { closedLoop, postOnce } from './lib/http-load.js';
import { benchDir, pinLoadGenerator, readMetrics, startYishi, cpuMicros } from './lib/processes.js';
import { boardQuery, globalId } from './scenarios.js';

const [shape = 'board', secondsArg = '10'] = process.argv.slice(2);
pinLoadGenerator();
const dir = path.join(benchDir, '.data', 'profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const world = await createWorld('sqlite', dir);
const server = await startYishi('profiled', world.databaseUrl, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const url = `${server.url}/graphql`;
let i = 0;
const bodies: Record<string, () => string> = {
  board: () => JSON.stringify({ query: boardQuery, variables: { communityId: globalId('Community', world.communityId) } }),
  // Our whole stack around an operation that touches no table, signed in: the fixed cost per request.
  typename: () => JSON.stringify({ query: '{ __typename }' }),
  vote: () =>
    JSON.stringify({
      query: 'mutation ($p: ID!, $c: VoteChoice!) { castVote(proposalId: $p, choice: $c) { __typename } }',
      variables: { p: globalId('Proposal', world.proposalIds[i % world.proposalIds.length]!), c: ['SUPPORT', 'OPPOSE', 'ABSTAIN'][i % 3] },
    }),
};
const next = () => ({ headers: { cookie: world.cookies[50 + (i++ % 4000)]!, 'x-yishi-csrf': '1' }, body: bodies[shape]!() });
console.log('first answer:', (await postOnce(url, next())).body.slice(0, 200));
await closedLoop(url, { connections: 20, seconds: 3, next });
const before = await readMetrics(server, { reset: true });
const result = await closedLoop(url, { connections: 20, seconds: Number(secondsArg), next });
const after = await readMetrics(server);
console.log(`${shape}: ${Math.round(result.perSecond)}/s, p99 ${result.p99Ms} ms, ${Math.round(cpuMicros(before, after) / result.requests)} µs CPU and ${(after.statements / result.requests).toFixed(2)} statements per request`);
await server.stop();

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { nodes: Node[] };
const self = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\/\.pnpm\//, '').replace(/^file:\/\/.*packages\//, '')}:${node.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + node.hitCount);
  total += node.hitCount;
}
for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
console.log(`profile: ${path.join(dir, file)}`);
process.exit(0);
