#!/usr/bin/env node
// `pnpm start`: builds what is missing or stale (the web client, the server), then runs the server,
// which migrates the database and loads the demo data into an empty one by itself.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Newest modification time under the given paths, skipping build output and dependencies. */
function newest(paths) {
  let latest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(entry, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

function stale(output, sources) {
  const target = path.join(root, output);
  return !existsSync(target) || statSync(target).mtimeMs < newest(sources);
}

function run(label, args) {
  console.log(`» ${label}`);
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, 'packages/server/src/generated/sqlite/client.ts'))) {
  run('Generating the Prisma clients', ['--filter', '@yishi/server', 'generate']);
}
if (stale('packages/web/dist/index.html', ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/web/package.json', 'packages/schema/schema.graphql'])) {
  run('Building the web client', ['--filter', '@yishi/web', 'build']);
}
if (stale('packages/server/dist/main.js', ['packages/server/src', 'packages/server/prisma/schema.prisma', 'packages/server/tsconfig.build.json'])) {
  run('Building the server', ['--filter', '@yishi/server', 'build']);
}

const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
// Signals go to the server, which shuts down gracefully; we leave with its exit code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
