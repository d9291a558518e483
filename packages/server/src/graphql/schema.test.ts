import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, sdlPath } from './print-schema.js';

describe('the committed SDL', () => {
  it('matches the schema the server builds (run `pnpm schema:print` after changing it)', () => {
    expect(readFileSync(sdlPath, 'utf8')).toBe(printedSchema());
  });

  it('is sorted lexicographically, so diffs show only real changes', () => {
    const typeNames = [...printedSchema().matchAll(/^(?:type|input|enum|union|interface|scalar) (\w+)/gm)].map((m) => m[1]!);
    expect(typeNames).toEqual([...typeNames].sort());
  });
});
