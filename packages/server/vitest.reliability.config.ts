// `pnpm test:reliability`: what survives crashes, outages, fuzzing and socket abuse. Each file runs real
// server processes; PostgreSQL and Redis are restarted by some of them, so files run one at a time.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/reliability/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
