// Dates, numbers and percentages for display, in the reader's language, through Intl.
//
// Every function takes the language explicitly (tests pin it); screens use the bound versions from
// useFormat(). Dates arrive from the API as ISO 8601 strings (the DateTime scalar) and are shown in the
// device's time zone unless `timeZone` is given.

export type DateInput = string | number | Date;

export interface FormatOptions {
  /** An IANA zone such as 'Asia/Shanghai'; the device's zone when left out. */
  timeZone?: string;
}

/** What to show when there is no number to show, e.g. a rate over zero reported concerns. */
export const NO_VALUE = '—';

function toDate(input: DateInput): Date {
  return input instanceof Date ? input : new Date(input);
}

// Building an Intl formatter is slow next to using one; lists of concerns format hundreds of dates.
const formatterCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<Formatter extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => Formatter,
): Formatter {
  let formatter = formatterCache.get(key) as Formatter | undefined;
  if (!formatter) {
    formatter = create();
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/** 2026年11月28日 / Nov 28, 2026 */
export function formatDate(input: DateInput, language: string, options: FormatOptions = {}): string {
  const date = toDate(input);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return cached(`date|${language}|${options.timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: options.timeZone }),
  ).format(date);
}

/** 2026年11月28日 09:30 / Nov 28, 2026, 9:30 AM */
export function formatDateTime(input: DateInput, language: string, options: FormatOptions = {}): string {
  const date = toDate(input);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return cached(`datetime|${language}|${options.timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone }),
  ).format(date);
}

export interface RelativeOptions extends FormatOptions {
  /** The moment to compare with; now when left out. */
  now?: DateInput;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * 3天后 / in 3 days, 明天 / tomorrow, 2小时前 / 2 hours ago, 30秒钟后 / in 30 seconds, 现在 / now.
 *
 * Under a day it counts minutes or hours. From a day on it counts calendar days in the time zone, so 25
 * hours ahead at 23:00 reads 后天 / in 2 days, as people count; then months, then years.
 * Combine with a sentence for meaning: t('time.dueRelative', { relative }) → 3天后到期 / due in 3 days.
 */
export function formatRelative(input: DateInput, language: string, options: RelativeOptions = {}): string {
  const target = toDate(input);
  const now = toDate(options.now ?? Date.now());
  if (Number.isNaN(target.getTime()) || Number.isNaN(now.getTime())) return NO_VALUE;

  const relative = cached(`relative|${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  const difference = target.getTime() - now.getTime();
  const distance = Math.abs(difference);

  if (distance < 5_000) return relative.format(0, 'second');
  if (distance < MINUTE) return relative.format(Math.trunc(difference / 1000), 'second');
  if (distance < HOUR) return relative.format(Math.trunc(difference / MINUTE), 'minute');
  if (distance < 24 * HOUR) return relative.format(Math.trunc(difference / HOUR), 'hour');

  const days = calendarDaysBetween(now, target, options.timeZone);
  if (Math.abs(days) < 30) return relative.format(days, 'day');
  if (Math.abs(days) < 365) return relative.format(Math.trunc(days / 30), 'month');
  return relative.format(Math.trunc(days / 365), 'year');
}

/** Whole calendar days from `from` to `to`, counted on the wall calendar of the time zone. */
function calendarDaysBetween(from: Date, to: Date, timeZone: string | undefined): number {
  const dayNumber = (date: Date) => {
    const parts = cached(`ymd|${timeZone ?? ''}`, () =>
      new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
    ).formatToParts(date);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day')) / (24 * HOUR);
  };
  return dayNumber(to) - dayNumber(from);
}

/**
 * A ratio (0…1) as a percentage: 0.734 → 73%. `null` (nothing to divide by) → —.
 * Whole percents by default: residents compare figures at a glance, decimals add noise.
 */
export function formatPercent(
  ratio: number | null | undefined,
  language: string,
  options: { fractionDigits?: number } = {},
): string {
  if (ratio == null || !Number.isFinite(ratio)) return NO_VALUE;
  const digits = options.fractionDigits ?? 0;
  return cached(`percent|${language}|${digits}`, () =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }),
  ).format(ratio);
}

/** 12,345 / 12,345 — with grouping in either language. */
export function formatNumber(value: number | null | undefined, language: string): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return cached(`number|${language}`, () => new Intl.NumberFormat(language)).format(value);
}
