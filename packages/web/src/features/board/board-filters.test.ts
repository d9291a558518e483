import { describe, expect, it } from 'vitest';
import { activeFilterCount, narrowingVariables, readFilters, writeFilters } from './board-filters.ts';

describe('board filters in the address', () => {
  it('reads defaults from an empty address', () => {
    expect(readFilters(new URLSearchParams())).toEqual({ status: 'all', categoryKey: null, groupId: null, overdue: false, sort: 'NEWEST' });
  });

  it('round-trips every filter', () => {
    const filters = { status: 'waiting', categoryKey: 'parking', groupId: 'R3JvdXA6Mg==', overdue: true, sort: 'MOST_SECONDED' } as const;
    const params = writeFilters(filters);
    expect(params.toString()).toBe('status=waiting&category=parking&group=R3JvdXA6Mg%3D%3D&overdue=1&sort=MOST_SECONDED');
    expect(readFilters(params)).toEqual(filters);
  });

  it('ignores values it does not know', () => {
    expect(readFilters(new URLSearchParams('status=__proto__&sort=RANDOM&overdue=yes'))).toMatchObject({ status: 'all', sort: 'NEWEST', overdue: false });
  });

  it('counts the narrowing filters and sends "overdue" only when ticked', () => {
    const filters = readFilters(new URLSearchParams('category=parking&overdue=1&sort=DEADLINE'));
    expect(activeFilterCount(filters)).toBe(2);
    expect(narrowingVariables(filters)).toEqual({ categoryKey: 'parking', groupId: null, overdue: true });
    expect(narrowingVariables(readFilters(new URLSearchParams())).overdue).toBeNull();
  });
});
