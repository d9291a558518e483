import { describe, expect, it } from 'vitest';
import { isCadreRole } from './roles.ts';

describe('isCadreRole', () => {
  it('holds for cadres and admins only', () => {
    expect(isCadreRole('CADRE')).toBe(true);
    expect(isCadreRole('ADMIN')).toBe(true);
    expect(isCadreRole('RESIDENT')).toBe(false);
    expect(isCadreRole(null)).toBe(false);
  });
});
