// Languages, namespaces and the shape rule for message catalogues.
//
// zh-CN is the source language: its catalogues define the keys. Each en catalogue is typed as
// `Messages<typeof zh>`, so a key missing from English, or one English has and Chinese lacks, is a type
// error; catalogue-parity.test.ts checks the same at run time, plus the {{placeholders}}.
//
// Plurals: write both `_one` and `_other` in every language, even though Chinese only uses `_other`,
// so the shapes stay identical. Prefer Intl (formatRelative, formatNumber) to plural sentences.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Each language's name in itself, for the language switch. Never translated. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Loaded with the app, because the shell and every error message need them at once. The feature
 * namespaces are fetched the first time a screen uses them (see i18n.ts).
 */
export const BUNDLED_NAMESPACES = ['common', 'errors'] as const;

/** One per feature folder under src/features, plus the bundled ones. */
export const NAMESPACES = [
  ...BUNDLED_NAMESPACES,
  'communities',
  'board',
  'concern',
  'session',
  'actions',
  'rules',
  'figures',
  'notifications',
  'admin',
  'auth',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The same keys as the source catalogue, each a string. */
export type Messages<Source> = {
  [Key in keyof Source]: Source[Key] extends string ? string : Messages<Source[Key]>;
};
