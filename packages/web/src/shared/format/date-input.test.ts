import { describe, expect, it } from 'vitest';
import { addDays, fromDateInputValue, toDateInputValue } from './date-input.ts';

describe('date inputs', () => {
  it('round-trips a local day', () => {
    const iso = fromDateInputValue('2026-12-01')!;
    expect(toDateInputValue(iso)).toBe('2026-12-01');
    expect(new Date(iso).getHours()).toBe(0);
  });

  it('refuses empty, malformed and impossible days', () => {
    expect(fromDateInputValue('')).toBeNull();
    expect(fromDateInputValue('2026-1-1')).toBeNull();
    expect(fromDateInputValue('2026-02-30')).toBeNull();
  });

  it('adds days across a month end', () => {
    expect(toDateInputValue(addDays(new Date(2026, 0, 30), 3))).toBe('2026-02-02');
  });
});
