import type { AppDeps, Context, MembershipGrant, Viewer } from '../../context.js';
import type { Role } from '../../generated/sqlite/enums.js';
import { ForbiddenError, ValidationError, isUniqueViolation } from '../../errors.js';
import { decoyHash, hashPassword, verifyPassword } from '../../security/passwords.js';
import { newSecret, sha256 } from '../../security/secrets.js';
import { redeemInvitation } from '../members/members.service.js';
import { requireUser } from './identity.policy.js';

export const sessionCookieName = 'yishi_session';

/** A row of the session lookup; dates arrive as Date (PostgreSQL) or text (SQLite), ids maybe as bigint. */
interface SessionRow {
  id: number | bigint;
  revokedAt: Date | string | null;
  expiresAt: Date | string;
  lastSeenAt: Date | string;
  userId: number | bigint;
  displayName: string;
  communityId: number | bigint | null;
  role: string | null;
  groupId: number | bigint | null;
}
// lastSeenAt is written at most this often, so reading the session costs no write on most requests.
const touchEveryMs = 5 * 60 * 1000;

export interface RegisterInput {
  invitationCode: string;
  login: string;
  displayName: string;
  password: string;
  locale?: string | null;
}

export interface LogInInput {
  login: string;
  password: string;
}

/** The signed-in user; the `Me` GraphQL type resolves its fields from this. */
export interface Me {
  userId: number;
}

export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** Registers with an invitation code: a new user, a resident (or the invited role) of the inviting community. */
export async function register(ctx: Context, input: RegisterInput): Promise<Me> {
  await ctx.rateLimits.consume('registerPerIp', ctx.requestInfo.ip);
  const login = normalizeLogin(input.login);
  const passwordHash = await hashPassword(input.password);
  let userId: number;
  try {
    userId = await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { login, displayName: input.displayName.trim(), passwordHash, locale: input.locale ?? 'zh-CN' },
      });
      await redeemInvitation(tx, ctx.clock.now(), input.invitationCode, user.id);
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field(['input', 'login'], 'This login is already registered', 'TAKEN');
    throw error;
  }
  await startSession(ctx, userId);
  return { userId };
}

export async function logIn(ctx: Context, input: LogInInput): Promise<Me> {
  const login = normalizeLogin(input.login);
  await ctx.rateLimits.consume('loginPerIp', ctx.requestInfo.ip);
  await ctx.rateLimits.consume('loginPerName', login);
  const user = await ctx.db.user.findUnique({ where: { login }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok) throw new ForbiddenError('BAD_CREDENTIALS', 'Login or password is wrong');
  await ctx.rateLimits.reset('loginPerName', login);
  await startSession(ctx, user.id);
  return { userId: user.id };
}

/** Ends this browser's session. Safe to call when already signed out. */
export async function logOut(ctx: Context): Promise<boolean> {
  if (ctx.viewer.kind === 'user') {
    await ctx.db.authSession.updateMany({
      where: { id: ctx.viewer.authSessionId, revokedAt: null },
      data: { revokedAt: ctx.clock.now() },
    });
  }
  await ctx.requestInfo.cookies?.delete(sessionCookieName);
  return true;
}

export async function changePassword(
  ctx: Context,
  input: { currentPassword: string; newPassword: string },
): Promise<Me> {
  const viewer = requireUser(ctx.viewer);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw ValidationError.field(['input', 'currentPassword'], 'The current password is wrong', 'WRONG_PASSWORD');
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Every other signed-in browser is signed out: a changed password usually means a worry.
  await ctx.db.$transaction([
    ctx.db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    ctx.db.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: viewer.authSessionId } },
      data: { revokedAt: ctx.clock.now() },
    }),
  ]);
  return { userId: user.id };
}

/**
 * A fresh session for the user, in the response cookie. Any session the browser held before is
 * revoked, so a session id planted before login is worthless after it (rotation).
 */
async function startSession(ctx: Context, userId: number): Promise<void> {
  const now = ctx.clock.now();
  const previous = await ctx.requestInfo.cookies?.get(sessionCookieName);
  if (previous) {
    await ctx.db.authSession.updateMany({ where: { tokenHash: sha256(previous), revokedAt: null }, data: { revokedAt: now } });
  }
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + ctx.config.SESSION_MAX_DAYS * 86_400_000);
  await ctx.db.authSession.create({
    data: { tokenHash: sha256(token), userId, expiresAt, lastSeenAt: now, userAgent: ctx.requestInfo.userAgent.slice(0, 300) },
  });
  await ctx.requestInfo.cookies?.set({
    name: sessionCookieName,
    value: token,
    expires: expiresAt,
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.NODE_ENV === 'production' && ctx.requestInfo.secure,
    path: '/',
  });
  // The rest of this request (e.g. the fields of the returned Me) runs as the newly signed-in user.
  ctx.viewer = (await viewerFromSessionToken(ctx, token)) ?? ctx.viewer;
}

/**
 * The viewer behind a session cookie, or null when the session is unknown, revoked, idle too long or
 * past its absolute expiry. Every signed-in request and socket asks this, so it is one statement: the
 * session joined to its user and active memberships (one row per membership). Prisma would send three.
 */
export async function viewerFromSessionToken(deps: AppDeps, token: string): Promise<Viewer | null> {
  const now = deps.clock.now();
  const rows = await deps.db.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "id", s."revokedAt" AS "revokedAt", s."expiresAt" AS "expiresAt", s."lastSeenAt" AS "lastSeenAt",
      u."id" AS "userId", u."displayName" AS "displayName",
      m."communityId" AS "communityId", CAST(m."role" AS TEXT) AS "role", m."groupId" AS "groupId"
    FROM "AuthSession" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."status" = 'ACTIVE'
    WHERE s."tokenHash" = ${sha256(token)}`;
  const first = rows[0];
  if (!first || first.revokedAt !== null) return null;
  const lastSeenAt = new Date(first.lastSeenAt);
  if (new Date(first.expiresAt) <= now) return null;
  const idleLimit = deps.config.SESSION_IDLE_HOURS * 3_600_000;
  if (now.getTime() - lastSeenAt.getTime() > idleLimit) return null;
  if (now.getTime() - lastSeenAt.getTime() > touchEveryMs) {
    await deps.db.authSession.update({ where: { id: Number(first.id) }, data: { lastSeenAt: now } });
  }
  const memberships = new Map<number, MembershipGrant>();
  for (const row of rows) {
    if (row.communityId === null) continue;
    const communityId = Number(row.communityId);
    memberships.set(communityId, { communityId, role: row.role as Role, groupId: row.groupId === null ? null : Number(row.groupId) });
  }
  return {
    kind: 'user',
    userId: Number(first.userId),
    displayName: first.displayName,
    authSessionId: Number(first.id),
    memberships,
  };
}
