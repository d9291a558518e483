#!/usr/bin/env node
// `pnpm dev`: the server with reload on change (tsx watch) and Vite with hot reload, which proxies
// /graphql (HTTP and WebSocket), /uploads, /health, /open311 and /export to the server.
import { spawn } from 'node:child_process';

const children = [
  spawn('pnpm', ['--filter', '@yishi/server', 'dev'], { stdio: 'inherit', env: { ...process.env, ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173' } }),
  spawn('pnpm', ['--filter', '@yishi/web', 'dev'], { stdio: 'inherit' }),
];
const stop = (signal) => children.forEach((child) => child.kill(signal));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', (code) => { stop('SIGTERM'); process.exitCode = code ?? 0; });
