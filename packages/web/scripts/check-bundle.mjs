// @ts-check
// `pnpm check:bundle` (after `pnpm build`): how much JavaScript a phone downloads before the board
// (/c/:slug), the page most residents open first, can show. Fails over the budget, or when a chart
// library slipped into that first load (charts must load lazily: shared/ui/charts/LazyTrendChart.tsx).
//
// It reads Vite's manifest (dist/.vite/manifest.json): the entry chunk and its static imports, plus the
// board page's lazy chunk and its Chinese messages with their static imports, each file counted once,
// gzipped as a server would.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 200;
const BOARD_PAGE = 'src/features/board/BoardPage.tsx';
/** The board's messages in the default language, fetched alongside the page (see app/routes.tsx). */
const BOARD_CATALOGUE = 'src/shared/i18n/locales/zh-CN/board.ts';
/** Text that only recharts' code contains (its CSS class prefix survives minification). */
const LAZY_ONLY_MARKERS = [{ library: 'recharts', marker: 'recharts-wrapper' }];

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(webRoot, 'dist');
const manifestPath = join(dist, '.vite/manifest.json');

if (!existsSync(manifestPath)) {
  console.error('check-bundle: dist/.vite/manifest.json is missing; run `pnpm build` first.');
  process.exit(1);
}

/** @typedef {{ file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }} Chunk */
/** @type {Record<string, Chunk>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) fail('the manifest has no entry chunk.');
if (!manifest[BOARD_PAGE]) fail(`the manifest has no chunk for ${BOARD_PAGE}; is the board route still lazy?`);

/** The chunk and everything it imports statically: what must arrive before it can run. */
function staticClosure(/** @type {string} */ key, /** @type {Set<string>} */ seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) fail(`the manifest refers to a missing chunk "${key}".`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const keys = new Set([
  ...staticClosure(/** @type {string} */ (entryKey)),
  ...staticClosure(BOARD_PAGE),
  ...(manifest[BOARD_CATALOGUE] ? staticClosure(BOARD_CATALOGUE) : []),
]);
const files = [...new Set([...keys].map((key) => /** @type {Chunk} */ (manifest[key]).file))].filter((file) => file.endsWith('.js'));

let totalBytes = 0;
const rows = [];
const problems = [];
for (const file of files) {
  const code = readFileSync(join(dist, file));
  const gzipped = gzipSync(code, { level: 9 }).length;
  totalBytes += gzipped;
  rows.push({ file, kb: gzipped / 1024 });
  const text = code.toString('utf8');
  for (const { library, marker } of LAZY_ONLY_MARKERS) {
    if (text.includes(marker)) problems.push(`${library} is in ${file}, which the board route loads first; load charts lazily.`);
  }
}

rows.sort((a, b) => b.kb - a.kb);
for (const row of rows) console.log(`  ${row.kb.toFixed(1).padStart(7)} KB  ${row.file}`);
const totalKb = totalBytes / 1024;
console.log(`board route initial JS: ${totalKb.toFixed(1)} KB gzipped (limit ${LIMIT_KB} KB)`);

if (totalKb > LIMIT_KB) problems.push(`over budget by ${(totalKb - LIMIT_KB).toFixed(1)} KB.`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bundle: ${problem}`);
  process.exit(1);
}

/** @returns {never} */
function fail(/** @type {string} */ message) {
  console.error(`check-bundle: ${message}`);
  process.exit(1);
}
