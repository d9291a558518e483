import { describe, expect, it } from 'vitest';
import {
  apiTokenState,
  invitationLink,
  invitationState,
  parseApiToken,
  parseBounded,
  parseDuration,
  parseInvitation,
  parseSettings,
  parseWholeNumber,
  settingsForm,
  splitHours,
  type InvitationForm,
} from './admin-forms.ts';

const codeOf = (parsed: { ok: boolean; issue?: { code?: string | null; limit?: number | null } }) =>
  parsed.ok ? null : [parsed.issue?.code, parsed.issue?.limit];

describe('whole numbers as typed', () => {
  it('accepts spaces and full-width digits, refuses the rest', () => {
    expect(parseWholeNumber(' 72 ')).toBe(72);
    expect(parseWholeNumber('７２')).toBe(72);
    expect(parseWholeNumber('7.5')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
    expect(parseWholeNumber('三')).toBeNull();
  });

  it('words what is wrong with a bounded number', () => {
    expect(parseBounded('', 0, 100)).toMatchObject({ ok: false, issue: { code: 'REQUIRED' } });
    expect(codeOf(parseBounded('abc', 0, 100))).toEqual(['INVALID_FORMAT', null]);
    expect(codeOf(parseBounded('49', 50, 100))).toEqual(['TOO_SMALL', 50]);
    expect(codeOf(parseBounded('101', 50, 100))).toEqual(['TOO_BIG', 100]);
    expect(parseBounded('67', 50, 100)).toEqual({ ok: true, value: 67 });
  });
});

describe('echo deadlines in days and hours', () => {
  it('splits hours into days and hours and back', () => {
    expect(splitHours(72)).toEqual({ days: 3, hours: 0 });
    expect(splitHours(30)).toEqual({ days: 1, hours: 6 });
    expect(splitHours(5)).toEqual({ days: 0, hours: 5 });
    for (const total of [1, 23, 24, 25, 72, 1440]) {
      const { days, hours } = splitHours(total);
      expect(parseDuration(String(days), String(hours))).toEqual({ ok: true, value: total });
    }
  });

  it('takes an empty part as zero', () => {
    expect(parseDuration('2', '')).toEqual({ ok: true, value: 48 });
    expect(parseDuration('', '6')).toEqual({ ok: true, value: 6 });
  });

  it('refuses nothing at all, more than 60 days, and things that are not numbers', () => {
    expect(codeOf(parseDuration('', ''))).toEqual(['TOO_SMALL', 1]);
    expect(codeOf(parseDuration('0', '0'))).toEqual(['TOO_SMALL', 1]);
    expect(codeOf(parseDuration('60', '1'))).toEqual(['TOO_BIG', 1440]);
    expect(codeOf(parseDuration('1.5', '0'))).toEqual(['INVALID_FORMAT', null]);
  });
});

describe('the settings form', () => {
  const before = { quorumPercent: 30, thresholdPercent: 50, dissatisfactionPercent: 40, defaultEchoHours: 72, isPublic: true };

  it('sends only what changed', () => {
    const form = { ...settingsForm(before), thresholdPercent: '60', isPublic: false };
    expect(parseSettings(form, before)).toEqual({ ok: true, changes: { thresholdPercent: 60, isPublic: false } });
    expect(parseSettings(settingsForm(before), before)).toEqual({ ok: true, changes: {} });
    expect(parseSettings({ ...settingsForm(before), defaultEchoDays: '1', defaultEchoHours: '12' }, before)).toEqual({
      ok: true,
      changes: { defaultEchoHours: 36 },
    });
  });

  it('names every wrong field at once, in the shape the server uses', () => {
    const form = { ...settingsForm(before), quorumPercent: '120', thresholdPercent: '40', dissatisfactionPercent: '0', defaultEchoDays: '' , defaultEchoHours: '' };
    const parsed = parseSettings(form, before);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject({ __typename: 'ValidationError' });
    const issues = (parsed.error as unknown as { issues: { path: string[]; code: string; limit: number }[] }).issues;
    expect(issues.map((issue) => [issue.path.join('.'), issue.code, issue.limit])).toEqual([
      ['input.quorumPercent', 'TOO_BIG', 100],
      ['input.thresholdPercent', 'TOO_SMALL', 50],
      ['input.dissatisfactionPercent', 'TOO_SMALL', 1],
      ['input.defaultEchoHours', 'TOO_SMALL', 1],
    ]);
  });
});

describe('invitations', () => {
  const now = new Date('2026-11-28T04:00:00Z');
  const form: InvitationForm = { role: 'RESIDENT', maxUses: '1', expiresInDays: '', groupId: '', note: '' };

  it('turns "expires in 7 days" into a time, and empty into never', () => {
    expect(parseInvitation({ ...form, expiresInDays: '7', maxUses: '20', note: ' 3 号楼 ' }, now)).toEqual({
      ok: true,
      input: { role: 'RESIDENT', maxUses: 20, expiresAt: '2026-12-05T04:00:00.000Z', groupId: null, note: '3 号楼' },
    });
    expect(parseInvitation({ ...form, role: 'CADRE', groupId: 'R3JvdXA6MQ==' }, now)).toEqual({
      ok: true,
      input: { role: 'CADRE', maxUses: 1, expiresAt: null, groupId: 'R3JvdXA6MQ==', note: null },
    });
  });

  it('refuses zero uses, too many, and a bad expiry, field by field', () => {
    const parsed = parseInvitation({ ...form, maxUses: '0', expiresInDays: 'x' }, now);
    expect(parsed).toMatchObject({
      ok: false,
      error: {
        issues: [
          { path: ['input', 'maxUses'], code: 'TOO_SMALL', limit: 1 },
          { path: ['input', 'expiresAt'], code: 'INVALID_FORMAT' },
        ],
      },
    });
    expect(parseInvitation({ ...form, maxUses: '501' }, now)).toMatchObject({ ok: false, error: { issues: [{ code: 'TOO_BIG', limit: 500 }] } });
  });

  it('links to registration with the code filled in, encoded', () => {
    expect(invitationLink('https://yishi.example', 'AB12-CD34')).toBe('https://yishi.example/register?code=AB12-CD34');
    expect(invitationLink('http://x', 'A B&C')).toBe('http://x/register?code=A+B%26C');
  });

  it('tells a usable invitation from a revoked, expired or used-up one', () => {
    const base = { revokedAt: null, expiresAt: null, usedCount: 0, maxUses: 2 };
    expect(invitationState(base, now)).toBe('active');
    expect(invitationState({ ...base, revokedAt: '2026-11-01T00:00:00Z' }, now)).toBe('revoked');
    expect(invitationState({ ...base, expiresAt: '2026-11-28T03:59:59Z' }, now)).toBe('expired');
    expect(invitationState({ ...base, expiresAt: '2026-11-28T04:00:01Z' }, now)).toBe('active');
    expect(invitationState({ ...base, usedCount: 2 }, now)).toBe('usedUp');
  });
});

describe('API tokens', () => {
  const now = new Date('2026-11-28T04:00:00Z');

  it('takes a name, the ticked scopes in a fixed order, and an optional expiry', () => {
    expect(parseApiToken({ name: ' 街道数据大屏 ', scopes: ['RULES', 'BOARD'], expiresInDays: '30' }, now)).toEqual({
      ok: true,
      input: { name: '街道数据大屏', scopes: ['BOARD', 'RULES'], expiresAt: '2026-12-28T04:00:00.000Z' },
    });
    expect(parseApiToken({ name: 'Paper', scopes: ['FIGURES'], expiresInDays: '' }, now)).toEqual({
      ok: true,
      input: { name: 'Paper', scopes: ['FIGURES'], expiresAt: null },
    });
  });

  it('names every missing or wrong field at once', () => {
    expect(parseApiToken({ name: '  ', scopes: [], expiresInDays: '0' }, now)).toMatchObject({
      ok: false,
      error: {
        issues: [
          { path: ['input', 'name'], code: 'REQUIRED' },
          { path: ['input', 'scopes'], code: 'REQUIRED' },
          { path: ['input', 'expiresAt'], code: 'TOO_SMALL', limit: 1 },
        ],
      },
    });
    expect(parseApiToken({ name: 'x'.repeat(81), scopes: ['BOARD'], expiresInDays: '' }, now)).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['input', 'name'], code: 'TOO_LONG', limit: 80 }] },
    });
  });

  it('tells an active token from a revoked or expired one', () => {
    expect(apiTokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(apiTokenState({ revokedAt: '2026-11-27T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(apiTokenState({ revokedAt: null, expiresAt: '2026-11-28T03:00:00Z' }, now)).toBe('expired');
  });
});
