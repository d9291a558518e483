// Writes the schema's SDL, sorted, to packages/schema/schema.graphql: a committed build output that the
// web client's typed documents and third parties read. `--check` reports whether it is stale and runs
// the change guard (schema-guard.ts) against the last release; `--release` snapshots the SDL as released.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema.js';
import { guardReport, guardSchemaChanges } from './schema-guard.js';

export const sdlPath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
export const releasedSdlPath = fileURLToPath(new URL('../../../schema/schema.released.graphql', import.meta.url));
export const changelogPath = fileURLToPath(new URL('../../../../CHANGELOG.md', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

function readCommitted(path = sdlPath): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Breaking changes since the release must each be named in CHANGELOG.md; false when one is not. */
function checkAgainstRelease(printed: string): boolean {
  const released = readCommitted(releasedSdlPath);
  if (!released) {
    console.error('packages/schema/schema.released.graphql is missing: run `pnpm --filter @yishi/server schema:release` at a release.');
    return false;
  }
  const { problems, notes } = guardReport(guardSchemaChanges(released, printed, readCommitted(changelogPath)));
  for (const note of notes) console.log(note);
  for (const problem of problems) console.error(problem);
  return problems.length === 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    if (readCommitted() !== printed) {
      console.error('packages/schema/schema.graphql is stale: run `pnpm schema:print` and commit it.');
      process.exit(1);
    }
    console.log('packages/schema/schema.graphql is current.');
    if (!checkAgainstRelease(printed)) process.exit(1);
    console.log('Every breaking change since the last release is in CHANGELOG.md.');
  } else if (process.argv.includes('--release')) {
    if (readCommitted() !== printed) {
      console.error('packages/schema/schema.graphql is stale: run `pnpm schema:print` first.');
      process.exit(1);
    }
    copyFileSync(sdlPath, releasedSdlPath);
    console.log(`Wrote ${releasedSdlPath}: move CHANGELOG.md's Unreleased notes under the new version.`);
  } else {
    writeFileSync(sdlPath, printed);
    console.log(`Wrote ${sdlPath}`);
  }
}
