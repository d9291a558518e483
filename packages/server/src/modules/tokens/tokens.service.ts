import type { ApiScope, AppDeps, Context, Viewer } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { newSecret, sha256 } from '../../security/secrets.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../identity/identity.policy.js';
import { canManageApiTokens } from './tokens.policy.js';

export const apiTokenPrefix = 'ysk_';
export const apiScopes: readonly ApiScope[] = ['BOARD', 'SESSIONS', 'FIGURES', 'RULES'];
// lastUsedAt is written at most this often per token, so a busy token costs no write per request.
const touchEveryMs = 60 * 1000;
// How much of the secret is kept in the clear, so admins can tell tokens apart: "ysk_" and 4 more.
const visiblePrefixLength = apiTokenPrefix.length + 4;

/** The viewer behind an API token, or null when it is unknown, revoked or expired. */
export async function viewerFromApiToken(deps: AppDeps, secret: string): Promise<Viewer | null> {
  if (!secret.startsWith(apiTokenPrefix)) return null;
  const token = await deps.db.apiToken.findUnique({ where: { tokenHash: sha256(secret) } });
  const now = deps.clock.now();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > touchEveryMs) {
    await deps.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { kind: 'token', tokenId: token.id, communityId: token.communityId, scopes: new Set(parseScopes(token.scopes)) };
}

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(',').filter((scope): scope is ApiScope => apiScopes.includes(scope as ApiScope));
}

export interface CreateApiTokenInput {
  communityId: number;
  name: string;
  scopes: ApiScope[];
  expiresAt?: Date | null;
}

/** A new token for a community. The secret is returned this once; only its SHA-256 is stored. */
export async function createApiToken(ctx: Context, input: CreateApiTokenInput) {
  if (!canManageApiTokens(ctx.viewer, input.communityId)) throw new ForbiddenError('ADMIN_REQUIRED');
  const viewer = requireUser(ctx.viewer);
  if (input.expiresAt && input.expiresAt <= ctx.clock.now()) {
    throw ValidationError.field(['input', 'expiresAt'], 'The expiry must be in the future', 'NOT_IN_FUTURE');
  }
  const secret = newSecret(apiTokenPrefix);
  const scopes = apiScopes.filter((scope) => input.scopes.includes(scope));
  const token = await ctx.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        communityId: input.communityId,
        name: input.name,
        prefix: secret.slice(0, visiblePrefixLength),
        tokenHash: sha256(secret),
        scopes: scopes.join(','),
        expiresAt: input.expiresAt ?? null,
        createdById: viewer.userId,
      },
    });
    // The audit trail names the token and what it may read, never any part of its secret.
    await recordAudit(tx, ctx.viewer, {
      communityId: input.communityId,
      kind: 'token.created',
      subjectType: 'ApiToken',
      subjectId: created.id,
      data: { name: input.name, scopes, expiresAt: input.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, secret };
}

/** Stops a token at once; its next request is refused. Revoking twice is harmless. */
export async function revokeApiToken(ctx: Context, tokenId: number) {
  const token = await ctx.db.apiToken.findUnique({ where: { id: tokenId } });
  if (!token) throw new NotFoundError('ApiToken', tokenId);
  if (!canManageApiTokens(ctx.viewer, token.communityId)) throw new ForbiddenError('ADMIN_REQUIRED');
  if (token.revokedAt) return token;
  return ctx.db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.viewer, {
      communityId: token.communityId,
      kind: 'token.revoked',
      subjectType: 'ApiToken',
      subjectId: tokenId,
      data: { name: token.name },
    });
    return revoked;
  });
}
