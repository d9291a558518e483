import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRelative,
  type DateInput,
  type FormatOptions,
  type RelativeOptions,
} from './format.ts';

/** The format helpers bound to the current language; they change when the language does. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      date: (input: DateInput, options?: FormatOptions) => formatDate(input, language, options),
      dateTime: (input: DateInput, options?: FormatOptions) => formatDateTime(input, language, options),
      relative: (input: DateInput, options?: RelativeOptions) => formatRelative(input, language, options),
      percent: (ratio: number | null | undefined, options?: { fractionDigits?: number }) =>
        formatPercent(ratio, language, options),
      number: (value: number | null | undefined) => formatNumber(value, language),
    }),
    [language],
  );
}
