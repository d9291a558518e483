import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built app (`pnpm test:e2e` builds it when dist/ is missing).
// One file at a time in one fork: a browser per worker would fight for the two cores of these machines.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
