import type { ApiScope, AppDeps, Viewer } from '../../context.js';
import { sha256 } from '../../security/secrets.js';

export const apiTokenPrefix = 'ysk_';
export const apiScopes: readonly ApiScope[] = ['BOARD', 'SESSIONS', 'FIGURES', 'RULES'];
// lastUsedAt is written at most this often per token, so a busy token costs no write per request.
const touchEveryMs = 60 * 1000;

/** The viewer behind an API token, or null when it is unknown, revoked or expired. */
export async function viewerFromApiToken(deps: AppDeps, secret: string): Promise<Viewer | null> {
  if (!secret.startsWith(apiTokenPrefix)) return null;
  const token = await deps.db.apiToken.findUnique({ where: { tokenHash: sha256(secret) } });
  const now = deps.clock.now();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > touchEveryMs) {
    await deps.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const scopes = new Set(token.scopes.split(',').filter((scope): scope is ApiScope => apiScopes.includes(scope as ApiScope)));
  return { kind: 'token', tokenId: token.id, communityId: token.communityId, scopes };
}
