// pnpm bench [--quick] [--no-build]: production builds, one core for the server and one for the load,
// realistic data, every scenario side by side in one run; one table on stdout, JSON in bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorld, type World } from './data.js';
import { openDatabase } from '../../packages/server/src/db/client.js';
import { benchDir, hasTaskset, pinLoadGenerator, repoRoot, startNodeServer, startYishi, type ServerProcess } from './lib/processes.js';
import { goals, table, type Results } from './report.js';
import { baseline, board, fanout, fanoutVoters, idleSockets, votes, type Timing } from './scenarios.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
// --only=baselines,s1,s5 runs a subset, e.g. while profiling one figure.
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (scenario: string) => !only || only.includes(scenario);

const timing: Timing = quick
  ? { warmSeconds: 1, loadSeconds: 4, fanoutSeconds: { thousand: 3, fiveThousand: 4 } }
  : { warmSeconds: 5, loadSeconds: 20, fanoutSeconds: { thousand: 20, fiveThousand: 40 } };
const connections = 20;
const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

async function withServer<T>(start: () => Promise<ServerProcess>, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

async function redisAnswers(): Promise<boolean> {
  return spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
}

async function main() {
  const pinned = pinLoadGenerator();
  const results: Results = {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      pinned,
      os: `${os.type()} ${os.release()}`,
    },
    data: {},
    notes: [],
  };
  if (!pinned) results.notes.push(hasTaskset ? 'taskset failed: processes were not pinned' : 'no taskset: server and load share the cores');

  if (build && builtIsCurrent()) log('the production build is newer than every source file: not rebuilt');
  else if (build) {
    log('building the server (tsc → dist)');
    const built = spawnSync('pnpm', ['--filter', '@yishi/server', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('the server build failed');
  }

  const dataDir = path.join(benchDir, '.data');
  mkdirSync(dataDir, { recursive: true });
  log('generating the data: 5,000 members, 500 concerns, a live session (SQLite and PostgreSQL)');
  const [sqlite, postgres] = await Promise.all([createWorld('sqlite', dataDir), createWorld('postgresql', dataDir)]);
  results.data = { ...sqlite.counts, ballotProposals: sqlite.proposalIds.length };

  try {
    log('baselines: raw node:http and bare yoga (always: S1 is a ratio to bare yoga)');
    const raw = await withServer(
      () => startNodeServer('raw node:http', path.join(benchDir, 'baselines/raw-http.mjs'), { NODE_ENV: 'production' }),
      (server) => baseline(server, timing, connections),
    );
    const yoga = await withServer(
      () => startNodeServer('bare yoga', path.join(benchDir, 'baselines/bare-yoga.mjs'), { NODE_ENV: 'production' }),
      (server) => baseline(server, timing, connections),
    );
    results.baselines = { raw, yoga, yogaToRaw: Math.round((yoga.perSecond / raw.perSecond) * 100) / 100 };

    if (wanted('s1') || wanted('s2')) {
      await withServer(
        () => startYishi('yishi (SQLite)', sqlite.databaseUrl),
        async (server) => {
          if (wanted('s1')) {
            log('S1: the board query');
            const s1 = await board(server, sqlite, timing, connections);
            results.s1 = { ...s1, ratioToYoga: Math.round((s1.perSecond / yoga.perSecond) * 100) / 100 };
          }
          if (wanted('s2')) {
            log('S2: castVote on SQLite');
            results.s2 = await votes(server, sqlite, timing, connections);
          }
        },
      );
    }

    const redis = await redisAnswers();
    if (!redis) results.notes.push('Redis did not answer: S3 ran PostgreSQL with in-process events');
    if (wanted('s3')) await withServer(
      () => startYishi('yishi (PostgreSQL)', postgres.databaseUrl, redis ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {}),
      async (server) => {
        log('S3: castVote on PostgreSQL');
        results.s3 = { ...(await votes(server, postgres, timing, connections)), events: redis ? 'redis' : 'memory' };
      },
    );

    if (wanted('s4')) await fanoutRuns(sqlite, results);

    if (wanted('s5')) await withServer(
      () => startYishi('yishi (SQLite)', sqlite.databaseUrl),
      async (server) => {
        log('S5: 10,000 idle sockets');
        results.s5 = await idleSockets(server, sqlite, 10_000);
      },
    );
  } finally {
    await postgres.drop();
    await dropSqlite(sqlite);
  }

  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  results.goals = goals(results);
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const resultsDir = path.join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const json = JSON.stringify(results, null, 2);
  writeFileSync(path.join(resultsDir, `${stamp}.json`), json);
  if (!quick) writeFileSync(path.join(resultsDir, 'latest.json'), json);

  const machine = results.machine;
  console.log(`\nYishi benchmark (${results.mode} run, ${results.durationSeconds} s) on ${machine.cores}× ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}${machine.pinned ? ', server on core 0, load on core 1' : ''}`);
  console.log(`Data: ${Object.entries(results.data).map(([key, value]) => `${value.toLocaleString('en-US')} ${key}`).join(', ')}\n`);
  console.log(table(results));
  for (const note of results.notes) console.log(`Note: ${note}`);
  console.log(`\nJSON: bench/results/${stamp}.json${quick ? '' : ' and bench/results/latest.json'}`);
}

/** S4 at both sizes, on one fresh server; every vote comes from a member who has not voted yet. */
async function fanoutRuns(sqlite: World, results: Results) {
  const counter = await openDatabase(sqlite.databaseUrl);
  try {
    const voterCount = async () => {
      const [row] = await counter.db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(DISTINCT "voterId") AS n FROM "Vote" WHERE "windowId" = ${sqlite.windowId}`;
      return Number(row!.n);
    };
    let nextVoter = fanoutVoters.from;
    const voters = {
      next: () => {
        if (nextVoter >= fanoutVoters.to) throw new Error('S4 ran out of members who have not voted');
        return nextVoter++;
      },
    };
    results.s4 = [];
    await withServer(
      () => startYishi('yishi (SQLite)', sqlite.databaseUrl),
      async (server) => {
        log('S4: 1,000 subscribers at 10 votes/s');
        results.s4!.push(await fanout(server, sqlite, { subscribers: 1000, rate: 10, seconds: timing.fanoutSeconds.thousand, voters, voterCount }));
        log('S4: 5,000 subscribers at 1 vote/s');
        results.s4!.push(await fanout(server, sqlite, { subscribers: 5000, rate: 1, seconds: timing.fanoutSeconds.fiveThousand, voters, voterCount }));
      },
    );
  } finally {
    await counter.close();
  }
}

/** Whether dist/main.js is newer than everything under packages/server/src. */
function builtIsCurrent(): boolean {
  const built = path.join(repoRoot, 'packages/server/dist/main.js');
  if (!existsSync(built)) return false;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs)));
  return statSync(built).mtimeMs > newest(path.join(repoRoot, 'packages/server/src'));
}

async function dropSqlite(world: World) {
  const { rmSync } = await import('node:fs');
  const file = world.databaseUrl.replace(/^file:/, '');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
