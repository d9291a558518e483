import { defineConfig } from 'vitest/config';

// Unit tests: pure TypeScript beside the code (src/**/*.test.ts), in Node. No DOM is installed; what
// needs a browser is tested in e2e/ with real Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
