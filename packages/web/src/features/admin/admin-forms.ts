// The admin forms' inputs as people type them (days and hours, percentages, "expires in 7 days") and
// the numbers the API takes. Mistakes come back in the server's own shape (a ValidationError with
// issue codes), so one `fieldIssues()` words both the client's and the server's objections.
import type { FieldIssue, TypedError } from '../../shared/errors/describe-error.ts';
import { paths } from '../../shared/routing/paths.ts';

/** The server's bounds for an echo deadline: at least 1 hour, at most 60 days. */
export const ECHO_HOURS_MIN = 1;
export const ECHO_HOURS_MAX = 24 * 60;
/** The server's bounds for an invitation's number of uses. */
export const MAX_USES_MAX = 500;

export type Parsed<Value> = { ok: true; value: Value } | { ok: false; issue: Omit<FieldIssue, 'path'> };

const issue = (code: string, limit?: number): Parsed<never> => ({ ok: false, issue: { code, message: code, limit: limit ?? null } });

/** A whole number typed by a person: spaces are fine, full-width digits (from Chinese keyboards) too. */
export function parseWholeNumber(text: string): number | null {
  const normalized = text.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  if (!/^\d+$/.test(normalized)) return null;
  return Number(normalized);
}

/** An integer within bounds; empty text is REQUIRED. */
export function parseBounded(text: string, min: number, max: number): Parsed<number> {
  if (text.trim() === '') return issue('REQUIRED');
  const value = parseWholeNumber(text);
  if (value === null) return issue('INVALID_FORMAT');
  if (value < min) return issue('TOO_SMALL', min);
  if (value > max) return issue('TOO_BIG', max);
  return { ok: true, value };
}

export interface Duration {
  days: number;
  hours: number;
}

/** 72 → 3 days 0 hours: how people think of a deadline. */
export function splitHours(total: number): Duration {
  return { days: Math.floor(total / 24), hours: total % 24 };
}

/**
 * Days and hours as typed (either may be empty, meaning 0) → hours, within the server's bounds.
 * The bounds are worded in hours, as the server words them.
 */
export function parseDuration(daysText: string, hoursText: string): Parsed<number> {
  const days = daysText.trim() === '' ? 0 : parseWholeNumber(daysText);
  const hours = hoursText.trim() === '' ? 0 : parseWholeNumber(hoursText);
  if (days === null || hours === null) return issue('INVALID_FORMAT');
  const total = days * 24 + hours;
  if (total < ECHO_HOURS_MIN) return issue('TOO_SMALL', ECHO_HOURS_MIN);
  if (total > ECHO_HOURS_MAX) return issue('TOO_BIG', ECHO_HOURS_MAX);
  return { ok: true, value: total };
}

/** A client-side ValidationError, so a form shows its own objections exactly like the server's. */
export function validationError(issues: Record<string, Omit<FieldIssue, 'path'>>): TypedError {
  return { __typename: 'ValidationError', issues: Object.entries(issues).map(([field, rest]) => ({ ...rest, path: ['input', field] })) };
}

/** The percentages and options of the settings form, as typed. */
export interface SettingsForm {
  quorumPercent: string;
  thresholdPercent: string;
  dissatisfactionPercent: string;
  defaultEchoDays: string;
  defaultEchoHours: string;
  isPublic: boolean;
}

export interface SettingsValues {
  quorumPercent: number;
  thresholdPercent: number;
  dissatisfactionPercent: number;
  defaultEchoHours: number;
  isPublic: boolean;
}

export function settingsForm(values: SettingsValues): SettingsForm {
  const echo = splitHours(values.defaultEchoHours);
  return {
    quorumPercent: String(values.quorumPercent),
    thresholdPercent: String(values.thresholdPercent),
    dissatisfactionPercent: String(values.dissatisfactionPercent),
    defaultEchoDays: String(echo.days),
    defaultEchoHours: String(echo.hours),
    isPublic: values.isPublic,
  };
}

/**
 * The changed settings only, or the fields that are wrong. The bounds mirror the server's (an adoption
 * threshold below half would let a minority decide); the server checks them again.
 */
export function parseSettings(
  form: SettingsForm,
  before: SettingsValues,
): { ok: true; changes: Partial<SettingsValues> } | { ok: false; error: TypedError } {
  const parsed = {
    quorumPercent: parseBounded(form.quorumPercent, 0, 100),
    thresholdPercent: parseBounded(form.thresholdPercent, 50, 100),
    dissatisfactionPercent: parseBounded(form.dissatisfactionPercent, 1, 100),
    defaultEchoHours: parseDuration(form.defaultEchoDays, form.defaultEchoHours),
  };
  const issues: Record<string, Omit<FieldIssue, 'path'>> = {};
  const changes: Partial<SettingsValues> = {};
  for (const [field, result] of Object.entries(parsed) as [keyof typeof parsed, Parsed<number>][]) {
    if (!result.ok) issues[field] = result.issue;
    else if (result.value !== before[field]) changes[field] = result.value;
  }
  if (Object.keys(issues).length > 0) return { ok: false, error: validationError(issues) };
  if (form.isPublic !== before.isPublic) changes.isPublic = form.isPublic;
  return { ok: true, changes };
}

/** The invitation form, as typed: expiry in days from now ('' = never). */
export interface InvitationForm {
  role: 'RESIDENT' | 'CADRE' | 'ADMIN';
  maxUses: string;
  expiresInDays: string;
  groupId: string;
  note: string;
}

export interface InvitationInput {
  role: InvitationForm['role'];
  maxUses: number;
  expiresAt: string | null;
  groupId: string | null;
  note: string | null;
}

export function parseInvitation(form: InvitationForm, now: Date): { ok: true; input: InvitationInput } | { ok: false; error: TypedError } {
  const maxUses = parseBounded(form.maxUses, 1, MAX_USES_MAX);
  const days = form.expiresInDays.trim() === '' ? null : parseBounded(form.expiresInDays, 1, 365);
  if (!maxUses.ok || (days && !days.ok)) {
    const issues: Record<string, Omit<FieldIssue, 'path'>> = {};
    if (!maxUses.ok) issues.maxUses = maxUses.issue;
    if (days && !days.ok) issues.expiresAt = days.issue;
    return { ok: false, error: validationError(issues) };
  }
  return {
    ok: true,
    input: {
      role: form.role,
      maxUses: maxUses.value,
      expiresAt: days ? new Date(now.getTime() + days.value * 24 * 60 * 60 * 1000).toISOString() : null,
      groupId: form.groupId || null,
      note: form.note.trim() || null,
    },
  };
}

/** The address a new member opens to register with the code already filled in. */
export function invitationLink(origin: string, code: string): string {
  return `${origin}${paths.register()}?${new URLSearchParams({ code })}`;
}

/** Whether an invitation can still be used at `now`. */
export function invitationState(
  invitation: { revokedAt: string | null; expiresAt: string | null; usedCount: number; maxUses: number },
  now: Date,
): 'active' | 'revoked' | 'expired' | 'usedUp' {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt && new Date(invitation.expiresAt) <= now) return 'expired';
  if (invitation.usedCount >= invitation.maxUses) return 'usedUp';
  return 'active';
}

export const API_SCOPES = ['BOARD', 'SESSIONS', 'FIGURES', 'RULES'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The API token form, as typed: expiry in days from now ('' = never). */
export interface ApiTokenForm {
  name: string;
  scopes: readonly ApiScope[];
  expiresInDays: string;
}

export interface ApiTokenInput {
  name: string;
  scopes: ApiScope[];
  expiresAt: string | null;
}

/** Every wrong field at once; scopes come out in a fixed order, whatever order they were ticked in. */
export function parseApiToken(form: ApiTokenForm, now: Date): { ok: true; input: ApiTokenInput } | { ok: false; error: TypedError } {
  const name = form.name.trim();
  const days = form.expiresInDays.trim() === '' ? null : parseBounded(form.expiresInDays, 1, 3650);
  const issues: Record<string, Omit<FieldIssue, 'path'>> = {};
  if (!name) issues.name = { code: 'REQUIRED', message: 'Required' };
  else if (name.length > 80) issues.name = { code: 'TOO_LONG', message: 'Too long', limit: 80 };
  if (form.scopes.length === 0) issues.scopes = { code: 'REQUIRED', message: 'Choose at least one scope' };
  if (days && !days.ok) issues.expiresAt = days.issue;
  if (Object.keys(issues).length > 0 || (days && !days.ok)) return { ok: false, error: validationError(issues) };
  return {
    ok: true,
    input: {
      name,
      scopes: API_SCOPES.filter((scope) => form.scopes.includes(scope)),
      expiresAt: days ? new Date(now.getTime() + days.value * 24 * 60 * 60 * 1000).toISOString() : null,
    },
  };
}

/** Whether a token still opens the door at `now`. */
export function apiTokenState(token: { revokedAt: string | null; expiresAt: string | null }, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}
