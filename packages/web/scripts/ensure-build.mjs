// @ts-check
// Before the browser tests: build the app if dist/ has not been built yet. An existing build is used
// as it is; run `pnpm build` yourself after changing the app.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(webRoot, 'dist/index.html'))) {
  console.log('test:e2e: using the existing dist/ (run `pnpm build` to refresh it).');
} else {
  console.log('test:e2e: dist/ is missing; building it first.');
  execSync('pnpm build', { cwd: webRoot, stdio: 'inherit' });
}
