import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, writePreference } from '../preferences/storage.ts';
import { BUNDLED_NAMESPACES, DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language, type Namespace } from './catalogue.ts';
import { common as enCommon } from './locales/en/common.ts';
import { errors as enErrors } from './locales/en/errors.ts';
import { common as zhCommon } from './locales/zh-CN/common.ts';
import { errors as zhErrors } from './locales/zh-CN/errors.ts';

const STORAGE_KEY = 'language';

// Feature catalogues: Vite makes one small chunk of each, fetched the first time a screen asks for its
// namespace (useTranslation('board') suspends until then). The bundled two are left out of the glob.
const featureCatalogues = import.meta.glob<Record<string, unknown>>([
  './locales/*/*.ts',
  '!./locales/*/common.ts',
  '!./locales/*/errors.ts',
]);

const featureCatalogueBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, namespace, callback) {
    const load = featureCatalogues[`./locales/${language}/${namespace}.ts`];
    if (!load) {
      callback(new Error(`There is no catalogue locales/${language}/${namespace}.ts`), false);
      return;
    }
    load().then(
      (module) => callback(null, module[namespace] as Record<string, string>),
      // `true` asks i18next to retry: on a phone, a chunk request can fail once and work next time.
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

/** The remembered language, or Chinese: the app is for Chinese communities first, whatever the browser says. */
export function initialLanguage(): Language {
  const stored = readPreference(STORAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/**
 * The app's i18next instance. Changing the language (i18n.changeLanguage) remembers the choice and
 * updates <html lang>, so screen readers and fonts pick the right language.
 */
export function createAppI18n(language: Language = initialLanguage()): I18n {
  const i18n = i18next.createInstance();
  i18n.on('languageChanged', (next) => {
    if (!isLanguage(next)) return;
    writePreference(STORAGE_KEY, next);
    document.documentElement.lang = next;
  });
  void i18n
    .use(featureCatalogueBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      // 'en', not 'en-US' and the like: exactly our codes.
      load: 'currentOnly',
      ns: [...BUNDLED_NAMESPACES],
      defaultNS: 'common',
      resources: {
        'zh-CN': { common: zhCommon, errors: zhErrors },
        en: { common: enCommon, errors: enErrors },
      },
      partialBundledLanguages: true,
      // Bundled resources are there at once: no flash of keys, no suspense for the shell.
      initAsync: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  return i18n;
}

/** Starts fetching the namespaces a screen needs, alongside its code (see app/routes.tsx). */
export function preloadNamespaces(i18n: I18n, namespaces: readonly Namespace[]): Promise<void> {
  return i18n.loadNamespaces([...namespaces]);
}
