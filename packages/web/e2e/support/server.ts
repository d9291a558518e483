// The real API server (packages/server) for browser journeys: its own fresh SQLite file with the demo
// data, serving the built app (dist/) on the same origin, exactly as `pnpm start` does. One per test
// file; tests in a file share it, so each test picks demo rows no other test in the file changes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { distDir, webRoot } from './paths.ts';

export const serverRoot = resolve(webRoot, '../server');

export const DEMO_PASSWORD = 'yishi-demo-2026';
export const DEMO_INVITATION = 'XINHUA-2026';

export interface TestServer {
  url: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Milliseconds to wait for "is listening" (migrations and the demo seed run first). */
  timeoutMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'yishi-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: `file:${join(dir, 'yishi.db')}`,
      UPLOAD_DIR: join(dir, 'uploads'),
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_DIST: distDir,
      DEMO_SEED: 'auto',
      RATE_LIMIT_SCALE: '100',
      SCHEDULER: 'false',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in time:\n${output}`)), options.timeoutMs ?? 90_000);
    const onData = () => {
      const match = /is listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolveUrl(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    close: () => stop(child).finally(() => rmSync(dir, { recursive: true, force: true })),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
