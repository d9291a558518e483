import { describe, expect, it } from 'vitest';
import { monthKey, monthStart, monthsBetween } from './months.js';

describe('months in a time zone', () => {
  it('starts a Shanghai month at 16:00 UTC the day before', () => {
    expect(monthStart(2026, 11, 'Asia/Shanghai').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(monthStart(2027, 1, 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthKey(new Date('2026-10-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-10');
    expect(monthKey(new Date('2026-10-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11');
  });

  it('follows daylight saving time where a zone has it', () => {
    expect(monthStart(2026, 4, 'Europe/Berlin').toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(monthStart(2026, 3, 'Europe/Berlin').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(monthStart(2026, 11, 'UTC').toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('lists the months a period touches, clipped to it', () => {
    const spans = monthsBetween(new Date('2026-09-15T00:00:00Z'), new Date('2026-11-10T00:00:00Z'), 'Asia/Shanghai');
    expect(spans.map((s) => [s.key, s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-09', '2026-09-15T00:00:00.000Z', '2026-09-30T16:00:00.000Z'],
      ['2026-10', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
      ['2026-11', '2026-10-31T16:00:00.000Z', '2026-11-10T00:00:00.000Z'],
    ]);
    expect(monthsBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'), 'UTC')).toEqual([]);
  });
});
