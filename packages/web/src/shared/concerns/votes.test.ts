import { describe, expect, it } from 'vitest';
import { movedTally } from './votes.ts';

const tally = { proposalId: 'UHJvcG9zYWw6MQ==', support: 3, oppose: 1, abstain: 0 };

describe('movedTally', () => {
  it('adds a first vote', () => {
    expect(movedTally(tally, null, 'SUPPORT')).toEqual({ ...tally, support: 4 });
  });
  it('moves a changed vote', () => {
    expect(movedTally(tally, 'SUPPORT', 'ABSTAIN')).toEqual({ ...tally, support: 2, abstain: 1 });
  });
  it('takes a retracted vote away, never below zero', () => {
    expect(movedTally(tally, 'OPPOSE', null)).toEqual({ ...tally, oppose: 0 });
    expect(movedTally({ ...tally, abstain: 0 }, 'ABSTAIN', null).abstain).toBe(0);
  });
  it('changes nothing for the same vote', () => {
    expect(movedTally(tally, 'OPPOSE', 'OPPOSE')).toBe(tally);
  });
});
