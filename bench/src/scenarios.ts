// The measurements of `pnpm bench`, one function per line of the table. Each takes a running server
// and returns plain numbers; run.ts decides the order, the processes and the report.
import { closedLoop, openLoop, postOnce, type GraphQLRequest } from './lib/http-load.js';
import { cpuMicros, procCpuMicros, readMetrics, type ServerProcess } from './lib/processes.js';
import { SocketFleet } from './lib/sockets.js';
import { newHistogram, summarize, type LatencySummary } from './lib/stats.js';
import type { World } from './data.js';

export interface Timing {
  warmSeconds: number;
  loadSeconds: number;
  /** S4: seconds of voting at each subscriber count. */
  fanoutSeconds: { thousand: number; fiveThousand: number };
}

export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const csrf = { 'x-yishi-csrf': '1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface ThroughputFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  failed: number;
}

const helloRequest: GraphQLRequest = { headers: {}, body: JSON.stringify({ query: '{ hello }' }) };

/** The baselines: raw node:http and bare yoga, with the same request and the same connections. */
export async function baseline(server: ServerProcess, timing: Timing, connections: number): Promise<ThroughputFigures> {
  const url = `${server.url}/graphql`;
  const check = await postOnce(url, helloRequest);
  if (!check.body.includes('"hello":"world"')) throw new Error(`${server.name} answered ${check.body}`);
  await closedLoop(url, { connections, seconds: timing.warmSeconds, next: () => helloRequest });
  const cpuBefore = procCpuMicros(server.child.pid!);
  const result = await closedLoop(url, { connections, seconds: timing.loadSeconds, next: () => helloRequest });
  const cpu = procCpuMicros(server.child.pid!) - cpuBefore;
  return {
    perSecond: round(result.perSecond, 0),
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    cpuMicrosPerRequest: round(cpu / result.requests),
    failed: result.errors + result.non2xx,
  };
}

// The board as a member opens it: the newest 20, each with its counts and reporter.
export const boardQuery = `query Board($communityId: ID!) {
  concerns(communityId: $communityId, first: 20) {
    edges { node { id title status createdAt secondCount proposalCount reporter { displayName } } }
  }
}`;

/** Cycles through members, so each connection's requests come from many people. */
function memberRequests(world: World, body: (i: number) => string, from = 50, to = world.cookies.length): () => GraphQLRequest {
  let i = 0;
  return () => {
    const member = from + (i++ % (to - from));
    return { headers: { cookie: world.cookies[member]!, ...csrf }, body: body(member) };
  };
}

export interface BoardFigures extends ThroughputFigures {
  statementsPerRequest: number;
  statementsOneRequest: number;
}

/** S1: the board, 20 concerns with their counts and reporters, as signed-in members. */
export async function board(server: ServerProcess, world: World, timing: Timing, connections: number): Promise<BoardFigures> {
  const url = `${server.url}/graphql`;
  const body = JSON.stringify({ query: boardQuery, variables: { communityId: globalId('Community', world.communityId) } });
  const next = memberRequests(world, () => body);
  const check = await postOnce(url, next());
  const parsed = JSON.parse(check.body) as { data?: { concerns?: { edges: unknown[] } }; errors?: unknown };
  if (parsed.errors || parsed.data?.concerns?.edges.length !== 20) throw new Error(`the board query answered ${check.body.slice(0, 500)}`);
  // Statements of one request, the session lookup included.
  await readMetrics(server, { reset: true });
  await postOnce(url, next());
  const statementsOneRequest = (await readMetrics(server)).statements;

  await closedLoop(url, { connections, seconds: timing.warmSeconds, next });
  const before = await readMetrics(server, { reset: true });
  const result = await closedLoop(url, { connections, seconds: timing.loadSeconds, next });
  const after = await readMetrics(server);
  return {
    perSecond: round(result.perSecond, 0),
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    cpuMicrosPerRequest: round(cpuMicros(before, after) / result.requests),
    failed: result.errors + result.non2xx,
    statementsPerRequest: round(after.statements / result.requests, 2),
    statementsOneRequest,
  };
}

const castVoteMutation = `mutation Vote($proposalId: ID!, $choice: VoteChoice!) {
  castVote(proposalId: $proposalId, choice: $choice) { __typename }
}`;
const choices = ['SUPPORT', 'OPPOSE', 'ABSTAIN'] as const;
const voteAccepted = (status: number, body: string) => status === 200 && body.includes('"__typename":"CastVoteSuccess"');

function voteBody(world: World, member: number, turn = 0): string {
  const proposal = world.proposalIds[(member + turn) % world.proposalIds.length]!;
  return JSON.stringify({
    query: castVoteMutation,
    variables: { proposalId: globalId('Proposal', proposal), choice: choices[(member + turn) % choices.length] },
  });
}

export interface VoteFigures {
  maxPerSecond: number;
  maxP99Ms: number;
  /** The fixed rate, half the maximum, and what it gave. */
  halfLoad: { rate: number; perSecond: number; p50Ms: number; p99Ms: number; maxMs: number; failed: number; firstFailure?: string };
  cpuMicrosPerVote: number;
}

/** Voters S2 and S3 draw from; S4 keeps the rest, so each of its votes adds a voter. */
export const castingVoters = { from: 50, to: 3500 };
export const fanoutVoters = { from: 3500, to: 5000 };

/** S2/S3: castVote, first closed loop for the maximum, then an open loop at half of it. */
export async function votes(server: ServerProcess, world: World, timing: Timing, connections: number): Promise<VoteFigures> {
  const url = `${server.url}/graphql`;
  let turn = 0;
  const next = memberRequests(world, (member) => voteBody(world, member, turn++), castingVoters.from, castingVoters.to);
  const check = await postOnce(url, next());
  if (!voteAccepted(check.status, check.body)) throw new Error(`castVote answered ${check.status} ${check.body.slice(0, 500)}`);

  await closedLoop(url, { connections, seconds: timing.warmSeconds, next });
  const max = await closedLoop(url, { connections, seconds: timing.loadSeconds, next });
  await sleep(500);
  const rate = Math.max(1, Math.round(max.perSecond / 2));
  const before = await readMetrics(server, { reset: true });
  const half = await openLoop(url, { rate, seconds: timing.loadSeconds, next, accept: voteAccepted });
  const after = await readMetrics(server);
  return {
    maxPerSecond: round(max.perSecond, 0),
    maxP99Ms: max.p99Ms,
    halfLoad: {
      rate,
      perSecond: round(half.perSecond, 0),
      p50Ms: half.latency.p50Ms,
      p99Ms: half.latency.p99Ms,
      maxMs: half.latency.maxMs,
      failed: half.failed,
      firstFailure: half.firstFailure,
    },
    cpuMicrosPerVote: round(cpuMicros(before, after) / half.sent),
  };
}

export const tallySubscription = `subscription Tally($windowId: ID!) {
  tally(windowId: $windowId) { version voterCount quorumReached lines { support oppose abstain } }
}`;

export interface FanoutFigures {
  subscribers: number;
  connected: number;
  votesPerSecond: number;
  votes: number;
  latency: LatencySummary;
  delivered: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number } | null;
  rssKiBPerSocket: number;
  heapKiBPerSocket: number;
  cpuMicrosPerVote: number;
  cpuMicrosPerDelivery: number;
  connectSeconds: number;
  firstFailure?: string;
}

/**
 * S4: `subscribers` members watch the live session's tally while others vote at `rate` a second, one
 * new voter per vote. Latency runs from sending the vote to each subscriber's first snapshot that
 * counts it (voterCount reaching the vote's number), on this machine's one clock.
 */
export async function fanout(
  server: ServerProcess,
  world: World,
  options: { subscribers: number; rate: number; seconds: number; voters: { next(): number }; voterCount(): Promise<number> },
): Promise<FanoutFigures> {
  const url = `${server.url}/graphql`;
  const empty = await readMetrics(server, { gc: true });
  const fleet = await SocketFleet.open(server.url, {
    cookies: Array.from({ length: options.subscribers }, (_, i) => world.cookies[i % world.cookies.length]!),
    subscribe: { query: tallySubscription, variables: { windowId: globalId('VotingWindow', world.windowId) }, watch: 'voterCount' },
  });
  try {
    const subscribed = await readMetrics(server, { gc: true });
    const vote = async () => {
      const member = options.voters.next();
      const response = await postOnce(url, { headers: { cookie: world.cookies[member]!, ...csrf }, body: voteBody(world, member) });
      if (!voteAccepted(response.status, response.body)) throw new Error(`castVote answered ${response.body.slice(0, 300)}`);
    };
    // Warm-up: a couple of votes, then forget what arrived.
    for (let i = 0; i < 2; i++) {
      await vote();
      await sleep(150);
    }
    await sleep(300);
    await fleet.forget();
    let count = await options.voterCount();
    const sent: { target: number; sentAt: number }[] = [];
    const before = await readMetrics(server, { reset: true });
    const interval = 1000 / options.rate;
    const total = Math.round(options.rate * options.seconds);
    const started = performance.now();
    for (let k = 0; k < total; k++) {
      const wait = started + k * interval - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAt = performance.timeOrigin + performance.now();
      await vote();
      sent.push({ target: ++count, sentAt });
    }
    // Stragglers: the tally goes out at most every 100 ms; give them a generous second more.
    await sleep(1000);
    const after = await readMetrics(server);
    const { samples, expected, delivered } = await fleet.latencies(sent);
    const histogram = newHistogram();
    for (const sample of samples) histogram.recordValue(Math.max(1, Math.round(sample * 1000)));
    const cpu = cpuMicros(before, after);
    return {
      subscribers: options.subscribers,
      connected: fleet.ready,
      votesPerSecond: options.rate,
      votes: total,
      latency: summarize(histogram),
      delivered: expected ? delivered / expected : 0,
      eventLoopDelayMs: after.eventLoopDelayMs,
      rssKiBPerSocket: round((subscribed.memory.rss - empty.memory.rss) / 1024 / options.subscribers),
      heapKiBPerSocket: round((subscribed.memory.heapUsed - empty.memory.heapUsed) / 1024 / options.subscribers),
      cpuMicrosPerVote: round(cpu / total, 0),
      cpuMicrosPerDelivery: round(cpu / Math.max(1, delivered), 1),
      connectSeconds: round(fleet.openSeconds),
      firstFailure: fleet.firstFailure,
    };
  } finally {
    await fleet.close();
  }
}

export interface IdleFigures {
  sockets: number;
  connected: number;
  rssMB: number;
  rssMBBefore: number;
  heapMB: number;
  rssKiBPerSocket: number;
  connectSeconds: number;
  firstFailure?: string;
}

/** S5: idle graphql-ws connections (acknowledged, no subscription) and the server's resident memory. */
export async function idleSockets(server: ServerProcess, world: World, sockets: number): Promise<IdleFigures> {
  const before = await readMetrics(server, { gc: true });
  const fleet = await SocketFleet.open(server.url, {
    cookies: Array.from({ length: sockets }, (_, i) => world.cookies[i % world.cookies.length]!),
  });
  try {
    await sleep(1000);
    const after = await readMetrics(server, { gc: true });
    const mb = (bytes: number) => round(bytes / 1024 / 1024);
    return {
      sockets,
      connected: fleet.ready,
      rssMB: mb(after.memory.rss),
      rssMBBefore: mb(before.memory.rss),
      heapMB: mb(after.memory.heapUsed),
      rssKiBPerSocket: round((after.memory.rss - before.memory.rss) / 1024 / sockets),
      connectSeconds: round(fleet.openSeconds),
      firstFailure: fleet.firstFailure,
    };
  } finally {
    await fleet.close();
  }
}
