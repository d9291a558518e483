import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_AUTONYMS, isLanguage, type Language } from '../shared/i18n/catalogue.ts';

/**
 * One button that switches to the other language, labelled in that language ("English" / "中文"), so
 * someone who cannot read the current one can still find it. i18n remembers the choice and sets
 * <html lang> (see shared/i18n/i18n.ts).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const next = LANGUAGES.find((language) => language !== current) ?? 'zh-CN';
  return (
    <button type="button" className={className} onClick={() => void i18n.changeLanguage(next)}>
      <span className="visually-hidden">{t('header.languageSwitch')}</span>
      <span lang={next}>{LANGUAGE_AUTONYMS[next]}</span>
    </button>
  );
}
