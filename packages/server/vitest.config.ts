import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node (which loads Pothos and yoga) picks its CommonJS build, while
    // Vite would pick the .mjs one for our code. Two copies of graphql cannot share a schema, so tests
    // use the one Node uses, as the server does at run time.
    alias: { graphql: createRequire(import.meta.url).resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/reliability/**', 'node_modules/**'],
    globalSetup: ['src/test-support/global-setup.ts'],
    // Real databases, real sockets: give each test room, and keep files in separate processes.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
