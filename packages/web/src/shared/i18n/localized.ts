// Names the server keeps in both languages (communities, categories, buildings): `name` in Chinese,
// `nameEn` in English. Pick the reader's, falling back to the other when one is empty.
import { useTranslation } from 'react-i18next';

export interface Bilingual {
  name: string;
  nameEn: string;
}

export function localizedName(language: string, named: Bilingual): string {
  const english = language.startsWith('en');
  return (english ? named.nameEn : named.name) || named.name || named.nameEn;
}

/** localizedName bound to the current language. */
export function useLocalizedName(): (named: Bilingual) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return (named) => localizedName(language, named);
}
