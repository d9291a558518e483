import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./scheduler-process.ts', import.meta.url));
const serverRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs one scheduler round in `count` separate server processes on the same database, started
 * together. Returns what each process fired, by job name, and what it logged (a failing job is logged
 * and counted as firing nothing, so a test must look at both).
 */
export async function runSchedulersInProcesses(
  databaseUrl: string,
  count: number,
): Promise<{ fired: Record<string, number>; log: string }[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: serverRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('ready\n') && resolve());
      child.on('exit', (code) => reject(new Error(`scheduler process exited (${code}) before it was ready: ${err}`)));
    });
    const done = new Promise<{ fired: Record<string, number>; log: string }>((resolve, reject) => {
      child.on('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (code === 0 && line) resolve({ fired: JSON.parse(line) as Record<string, number>, log: err });
        else reject(new Error(`scheduler process failed (${code}): ${err}`));
      });
    });
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const child of children) child.stdin.write('go\n');
  return Promise.all(outputs.map((o) => o.done));
}
