import { describe, expect, it } from 'vitest';
import { reviewState } from './rule-review.ts';

const now = new Date('2026-11-28T08:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

describe('reviewState', () => {
  it('is due within the notice days, overdue once the date has passed, and nothing before', () => {
    expect(reviewState({ status: 'IN_FORCE', reviewAt: inDays(7) }, 14, now)).toBe('due');
    expect(reviewState({ status: 'IN_FORCE', reviewAt: inDays(14) }, 14, now)).toBe('due');
    expect(reviewState({ status: 'IN_FORCE', reviewAt: inDays(15) }, 14, now)).toBeNull();
    expect(reviewState({ status: 'IN_FORCE', reviewAt: inDays(-1) }, 14, now)).toBe('overdue');
  });

  it('says nothing for drafts and retired rules', () => {
    expect(reviewState({ status: 'DRAFT', reviewAt: inDays(-1) }, 14, now)).toBeNull();
    expect(reviewState({ status: 'RETIRED', reviewAt: inDays(3) }, 14, now)).toBeNull();
  });
});
