import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './session-change.ts';

describe('safeReturnTo', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnTo('/c/xinhua-lane/concerns/Q29uY2Vybjox')).toBe('/c/xinhua-lane/concerns/Q29uY2Vybjox');
    expect(safeReturnTo('/c/xinhua-lane?status=open')).toBe('/c/xinhua-lane?status=open');
  });

  it('refuses other sites and the sign-in pages themselves', () => {
    for (const value of ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/signin', '/register?code=X', '', null, undefined]) {
      expect(safeReturnTo(value)).toBeNull();
    }
  });
});
