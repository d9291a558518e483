import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES } from './catalogue.ts';

// The types already make en match zh-CN key for key; this also catches what types cannot: a catalogue
// file missing for one language, a namespace not listed in catalogue.ts, a {{placeholder}} spelt
// differently, an empty string, or a cast that slipped past the compiler.
const catalogues = import.meta.glob<Record<string, unknown>>('./locales/*/*.ts', { eager: true });

function catalogue(language: string, namespace: string): Record<string, unknown> | undefined {
  return catalogues[`./locales/${language}/${namespace}.ts`]?.[namespace] as Record<string, unknown> | undefined;
}

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('has a file for every namespace in every language, and no unlisted files', () => {
    const files = Object.keys(catalogues).sort();
    const expected = LANGUAGES.flatMap((language) => NAMESPACES.map((namespace) => `./locales/${language}/${namespace}.ts`)).sort();
    expect(files).toEqual(expected);
  });

  for (const namespace of NAMESPACES) {
    describe(namespace, () => {
      const [source, ...others] = LANGUAGES;
      const sourceEntries = flatten(catalogue(source, namespace));

      it('exports a catalogue named after the namespace', () => {
        for (const language of LANGUAGES) expect(catalogue(language, namespace), `${language}/${namespace}`).toBeTypeOf('object');
      });

      for (const language of others) {
        it(`${language} has exactly the keys of ${source}`, () => {
          const entries = flatten(catalogue(language, namespace));
          const missing = [...sourceEntries.keys()].filter((key) => !entries.has(key));
          const extra = [...entries.keys()].filter((key) => !sourceEntries.has(key));
          expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        });

        it(`${language} uses the same {{placeholders}} as ${source}`, () => {
          const entries = flatten(catalogue(language, namespace));
          for (const [key, text] of sourceEntries) {
            expect(placeholders(entries.get(key) ?? ''), `${language} ${namespace}:${key}`).toEqual(placeholders(text));
          }
        });
      }

      it('has no empty messages', () => {
        for (const language of LANGUAGES) {
          for (const [key, text] of flatten(catalogue(language, namespace))) {
            expect(text.trim(), `${language} ${namespace}:${key}`).not.toBe('');
          }
        }
      });
    });
  }
});
