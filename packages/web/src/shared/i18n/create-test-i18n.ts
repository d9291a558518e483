// For unit tests only: an i18next instance with every catalogue loaded at once, no React, no storage.
import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, type Language } from './catalogue.ts';

const catalogues = import.meta.glob<Record<string, Record<string, unknown>>>('./locales/*/*.ts', { eager: true });

export function createTestI18n(language: Language): I18n {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, module] of Object.entries(catalogues)) {
    const [, lng, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.ts$/.exec(path) ?? [];
    if (!lng || !namespace) continue;
    (resources[lng] ??= {})[namespace] = module[namespace] ?? {};
  }
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}
