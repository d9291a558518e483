import { describe, expect, it } from 'vitest';
import { durationParts, exportUrl, monthLabel, rateTiles, type FigureSet } from './figure-format.ts';

const totals: FigureSet = {
  reported: 42,
  responded: 30,
  respondedOnTime: 25,
  resolved: 12,
  ratings: 20,
  satisfied: 10,
  basicallySatisfied: 6,
  participants: 80,
  electorate: 100,
  sessions: 2,
  responseRate: 30 / 42,
  onTimeResponseRate: 25 / 42,
  resolutionRate: 12 / 42,
  satisfactionRate: 0.8,
  participationRate: 0.8,
  medianHoursToRespond: 5.25,
  medianHoursToResolve: 300,
};

describe('the dashboard figures', () => {
  it('shows each rate with the counts it is made of', () => {
    const tiles = rateTiles(totals);
    expect(tiles.map((tile) => tile.key)).toEqual(['response', 'onTime', 'resolution', 'satisfaction', 'participation']);
    expect(tiles[0]).toEqual({ key: 'response', rate: 30 / 42, count: 30, of: 42 });
    expect(tiles[3]).toEqual({ key: 'satisfaction', rate: 0.8, count: 16, of: 20 });
  });

  it('keeps a rate with nothing to divide by as null, not zero', () => {
    expect(rateTiles({ ...totals, ratings: 0, satisfied: 0, basicallySatisfied: 0, satisfactionRate: null })[3]!.rate).toBeNull();
  });

  it('says durations in minutes, hours or days', () => {
    expect(durationParts(0.5)).toEqual({ value: 30, unit: 'minutes' });
    expect(durationParts(5.25)).toEqual({ value: 5.3, unit: 'hours' });
    expect(durationParts(47.9)).toEqual({ value: 47.9, unit: 'hours' });
    expect(durationParts(300)).toEqual({ value: 12.5, unit: 'days' });
    expect(durationParts(null)).toBeNull();
    expect(durationParts(-1)).toBeNull();
  });

  it('names months in the reader language', () => {
    expect(monthLabel('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(monthLabel('2026-01', 'en')).toBe('Jan 2026');
    expect(monthLabel('garbage', 'en')).toBe('garbage');
  });

  it('points at the server export routes', () => {
    expect(exportUrl('xinhua-lane', 'figures')).toBe('/export/xinhua-lane/figures.csv');
  });
});
