// Turning the server's figures into what the dashboard says: which rates to show with what they count,
// durations in units people think in, and month labels in the reader's language.
import type { ResultOf } from '../../shared/api/graphql.ts';
import type { FigureSetFields } from './figures.documents.ts';

export type FigureSet = ResultOf<typeof FigureSetFields>;

export type RateKey = 'response' | 'onTime' | 'resolution' | 'satisfaction' | 'participation';

export interface RateTile {
  key: RateKey;
  /** 0…1, or null when there is nothing to divide by. */
  rate: number | null;
  /** What the rate counts, e.g. 30 answered of 42 reported. */
  count: number;
  of: number;
}

/** The five rates, each with the counts it is made of, in the order the dashboard shows them. */
export function rateTiles(totals: FigureSet): RateTile[] {
  return [
    { key: 'response', rate: totals.responseRate, count: totals.responded, of: totals.reported },
    { key: 'onTime', rate: totals.onTimeResponseRate, count: totals.respondedOnTime, of: totals.reported },
    { key: 'resolution', rate: totals.resolutionRate, count: totals.resolved, of: totals.reported },
    { key: 'satisfaction', rate: totals.satisfactionRate, count: totals.satisfied + totals.basicallySatisfied, of: totals.ratings },
    { key: 'participation', rate: totals.participationRate, count: totals.participants, of: totals.electorate },
  ];
}

export type DurationUnit = 'minutes' | 'hours' | 'days';

/** A median in hours, as minutes under an hour, hours under two days, days beyond; one decimal at most. */
export function durationParts(hours: number | null | undefined): { value: number; unit: DurationUnit } | null {
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours < 0) return null;
  if (hours < 1) return { value: Math.round(hours * 60), unit: 'minutes' };
  if (hours < 48) return { value: Math.round(hours * 10) / 10, unit: 'hours' };
  return { value: Math.round((hours / 24) * 10) / 10, unit: 'days' };
}

/** "2026-11" → "2026年11月" / "Nov 2026". The month is the community's own, so no time zone moves it. */
export function monthLabel(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** Where cadres download the records as spreadsheets (the server's export routes). */
export function exportUrl(slug: string, file: 'concerns' | 'decisions' | 'figures'): string {
  return `/export/${encodeURIComponent(slug)}/${file}.csv`;
}
