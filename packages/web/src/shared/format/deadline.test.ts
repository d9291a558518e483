import { describe, expect, it } from 'vitest';
import { deadlineState } from './deadline.ts';

const now = new Date('2026-11-28T08:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('deadlineState', () => {
  it('counts days left, rounding up', () => {
    expect(deadlineState(inHours(48), now)).toEqual({ kind: 'left', unit: 'day', count: 2 });
    expect(deadlineState(inHours(30), now)).toEqual({ kind: 'left', unit: 'day', count: 2 });
  });

  it('counts hours on the last day', () => {
    expect(deadlineState(inHours(5), now)).toEqual({ kind: 'left', unit: 'hour', count: 5 });
    expect(deadlineState(inHours(0.2), now)).toEqual({ kind: 'left', unit: 'hour', count: 1 });
  });

  it('counts whole days overdue, rounding down', () => {
    expect(deadlineState(inHours(-72), now)).toEqual({ kind: 'overdue', unit: 'day', count: 3 });
    expect(deadlineState(inHours(-30), now)).toEqual({ kind: 'overdue', unit: 'day', count: 1 });
    expect(deadlineState(inHours(-2), now)).toEqual({ kind: 'overdue', unit: 'hour', count: 2 });
  });

  it('is null for a date it cannot read', () => {
    expect(deadlineState('not a date', now)).toBeNull();
  });
});
