import { describe, expect, it } from 'vitest';
import { optimisticConcern } from './second.ts';

describe('optimisticConcern', () => {
  it('counts a new second once', () => {
    expect(optimisticConcern('Q29uY2VybjoxMQ==', { secondCount: 2, secondedByMe: false, canSecond: true }, true)).toMatchObject({
      secondCount: 3,
      secondedByMe: true,
    });
  });
  it('does not count a second twice, and withdraws one', () => {
    expect(optimisticConcern('X', { secondCount: 3, secondedByMe: true, canSecond: true }, true).secondCount).toBe(3);
    expect(optimisticConcern('X', { secondCount: 3, secondedByMe: true, canSecond: true }, false).secondCount).toBe(2);
  });
});
