import { describe, expect, it } from 'vitest';
import { actionListVariables, readActionFilter, writeActionFilter } from './action-filters.ts';

describe('the actions filter', () => {
  it('reads what the address says, and "all" for anything else', () => {
    expect(readActionFilter(new URLSearchParams('show=overdue'))).toBe('overdue');
    expect(readActionFilter(new URLSearchParams('show=BLOCKED'))).toBe('BLOCKED');
    expect(readActionFilter(new URLSearchParams('show=blocked'))).toBe('all');
    expect(readActionFilter(new URLSearchParams(''))).toBe('all');
  });

  it('writes nothing for "all", so the plain address is the whole list', () => {
    expect(writeActionFilter('all').toString()).toBe('');
    expect(writeActionFilter('DONE').toString()).toBe('show=DONE');
    expect(readActionFilter(writeActionFilter('IN_PROGRESS'))).toBe('IN_PROGRESS');
  });

  it('asks the server for one status, or for what is overdue whatever its status', () => {
    expect(actionListVariables('all')).toEqual({ status: null, overdue: null });
    expect(actionListVariables('PLANNED')).toEqual({ status: ['PLANNED'], overdue: null });
    expect(actionListVariables('overdue')).toEqual({ status: null, overdue: true });
  });
});
