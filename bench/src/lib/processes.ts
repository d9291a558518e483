// Starting and reading the processes under test: our production build, and the two baselines. Where
// taskset exists, servers run on core 0 and this process (the load) on core 1.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const benchDir = fileURLToPath(new URL('../../', import.meta.url));

export const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;

/** Pins this process (every thread) and the children it starts later to core 1. */
export function pinLoadGenerator(): boolean {
  if (!hasTaskset) return false;
  return spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node <script>` on core 0 with room for many sockets, and waits until it says it listens. */
export async function startNodeServer(name: string, script: string, env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const node = [process.execPath, ...args, script].map((part) => `'${part}'`).join(' ');
  // Each socket is a file descriptor: S5 holds 10,000 of them.
  const command = `ulimit -n $(ulimit -Hn) 2>/dev/null; exec ${hasTaskset ? 'taskset -c 0 ' : ''}${node}`;
  const child = spawn('sh', ['-c', command], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (output.includes('is listening')) {
        clearInterval(check);
        resolve();
      } else if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(check);
        reject(new Error(`${name} did not start:\n${output}`));
      }
    }, 25);
  });
  return {
    name,
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function startYishi(name: string, databaseUrl: string, extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  // BENCH_CPU_PROF=<dir> profiles every server of the run (node --cpu-prof), to see where a figure goes.
  if (process.env.BENCH_CPU_PROF) nodeArgs = [...nodeArgs, '--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`];
  return startNodeServer(name, 'packages/server/dist/main.js', {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DEMO_SEED: 'off',
    AUTO_MIGRATE: 'false',
    LOG_LEVEL: 'warn',
    // The load comes from a few hundred members at machine speed; the limits are for people.
    RATE_LIMIT_SCALE: '10000',
    BENCH_METRICS: 'true',
    UPLOAD_DIR: `${benchDir}.data/uploads`,
    ...extra,
  }, nodeArgs);
}

export interface BenchReading {
  cpu: { user: number; system: number };
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number } | null;
  statements: number;
}

/** Reads GET /__bench (see packages/server/src/http/bench-metrics.ts). */
export async function readMetrics(server: ServerProcess, options: { gc?: boolean; reset?: boolean } = {}): Promise<BenchReading> {
  const query = new URLSearchParams();
  if (options.gc) query.set('gc', '1');
  if (options.reset) query.set('reset', '1');
  const response = await fetch(`${server.url}/__bench?${query}`);
  if (!response.ok) throw new Error(`GET /__bench answered ${response.status}`);
  return (await response.json()) as BenchReading;
}

/** Server CPU time between two readings, in microseconds. */
export const cpuMicros = (before: BenchReading, after: BenchReading) =>
  after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;

/** CPU time of any process from /proc (the baselines have no /__bench), in microseconds; clock ticks are 1/100 s on Linux. */
export function procCpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / 100) * 1e6;
  } catch {
    return NaN;
  }
}
