import { describe, expect, it } from 'vitest';
import { NO_VALUE, formatDate, formatDateTime, formatNumber, formatPercent, formatRelative } from './format.ts';

const zone = { timeZone: 'Asia/Shanghai' };
// 2026-11-28 09:30 in Shanghai.
const instant = '2026-11-28T01:30:00Z';

describe('formatDate / formatDateTime', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate(instant, 'zh-CN', zone)).toBe('2026年11月28日');
    expect(formatDate(instant, 'en', zone)).toBe('Nov 28, 2026');
  });

  it('adds the time of day', () => {
    expect(formatDateTime(instant, 'zh-CN', zone)).toBe('2026年11月28日 09:30');
    expect(formatDateTime(instant, 'en', zone)).toMatch(/^Nov 28, 2026, 9:30\sAM$/);
  });

  it('uses the time zone for the calendar day', () => {
    expect(formatDate('2026-11-28T20:00:00Z', 'zh-CN', zone)).toBe('2026年11月29日');
  });

  it('shows a dash for an invalid date instead of "Invalid Date"', () => {
    expect(formatDate('not a date', 'zh-CN')).toBe(NO_VALUE);
    expect(formatDateTime('', 'en')).toBe(NO_VALUE);
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-28T01:30:00Z'); // 09:30 in Shanghai
  const at = (iso: string, language: string) => formatRelative(iso, language, { now, ...zone });

  it('counts calendar days ahead and behind', () => {
    expect(at('2026-12-01T01:30:00Z', 'zh-CN')).toBe('3天后');
    expect(at('2026-12-01T01:30:00Z', 'en')).toBe('in 3 days');
    expect(at('2026-11-26T01:30:00Z', 'en')).toBe('2 days ago');
  });

  it('says tomorrow and yesterday in words', () => {
    expect(at('2026-11-29T06:00:00Z', 'zh-CN')).toBe('明天');
    expect(at('2026-11-29T06:00:00Z', 'en')).toBe('tomorrow');
    expect(at('2026-11-27T00:00:00Z', 'en')).toBe('yesterday');
  });

  it('counts the calendar, not 24-hour blocks, from a day on', () => {
    // 09:30 today → 00:30 the day after tomorrow: 39 hours, but two calendar days.
    expect(at('2026-11-29T16:30:00Z', 'zh-CN')).toBe('后天');
  });

  it('uses hours, minutes and seconds under a day', () => {
    expect(at('2026-11-28T06:30:00Z', 'en')).toBe('in 5 hours');
    expect(at('2026-11-28T01:00:00Z', 'zh-CN')).toBe('30分钟前');
    expect(at('2026-11-28T01:30:20Z', 'en')).toBe('in 20 seconds');
    expect(at('2026-11-28T01:30:03Z', 'zh-CN')).toBe('现在');
  });

  it('uses months and years for far dates', () => {
    expect(at('2027-02-28T01:30:00Z', 'en')).toBe('in 3 months');
    expect(at('2024-11-28T01:30:00Z', 'en')).toBe('2 years ago');
  });

  it('makes the due sentence of the design notes', () => {
    const relative = at('2026-12-01T01:30:00Z', 'zh-CN');
    expect(`${relative}到期`).toBe('3天后到期');
  });
});

describe('formatPercent', () => {
  it('turns a ratio into whole percents', () => {
    expect(formatPercent(0.734, 'zh-CN')).toBe('73%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  it('keeps decimals only when asked', () => {
    expect(formatPercent(0.7345, 'en', { fractionDigits: 1 })).toBe('73.5%');
    expect(formatPercent(0.7, 'en', { fractionDigits: 1 })).toBe('70%');
  });

  it('shows a dash when there is nothing to divide by', () => {
    expect(formatPercent(null, 'zh-CN')).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN, 'zh-CN')).toBe(NO_VALUE);
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
  });

  it('shows a dash for no value', () => {
    expect(formatNumber(undefined, 'en')).toBe(NO_VALUE);
  });
});
