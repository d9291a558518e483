import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = resolve(webRoot, 'dist');
/** At the repository root, and git-ignored: CI keeps it as a build artifact. */
export const screenshotDir = resolve(webRoot, '../../test-artifacts/screenshots');
