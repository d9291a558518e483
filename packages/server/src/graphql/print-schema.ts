// Writes the schema's SDL, sorted, to packages/schema/schema.graphql: a committed build output that the
// web client's typed documents and third parties read. `--check` only reports whether it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema.js';

export const sdlPath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

function readCommitted(): string {
  try {
    return readFileSync(sdlPath, 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    if (readCommitted() !== printed) {
      console.error('packages/schema/schema.graphql is stale: run `pnpm schema:print` and commit it.');
      process.exit(1);
    }
    console.log('packages/schema/schema.graphql is current.');
  } else {
    writeFileSync(sdlPath, printed);
    console.log(`Wrote ${sdlPath}`);
  }
}
