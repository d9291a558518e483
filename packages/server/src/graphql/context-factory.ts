import type {} from '@whatwg-node/server-plugin-cookies';
import { GraphQLError } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppDeps, Context, CookieJar, RequestLimits, Viewer } from '../context.js';
import { sessionCookieName, viewerFromSessionToken } from '../modules/identity/identity.service.js';
import { viewerFromApiToken } from '../modules/tokens/tokens.service.js';
import { RateLimitedError } from '../errors.js';

// Third parties get a smaller query budget than our own app; anonymous callers the smallest. A
// connection costs its selection once per item asked for (graphql/builder.ts): the web's largest page,
// the board at 20 concerns, costs about 650.
export const limitsByViewer: Record<Viewer['kind'], RequestLimits> = {
  anonymous: { complexity: 1000, depth: 8, breadth: 150, maxPageSize: 50 },
  token: { complexity: 3000, depth: 10, breadth: 300, maxPageSize: 100 },
  user: { complexity: 8000, depth: 12, breadth: 500, maxPageSize: 100 },
  system: { complexity: 100_000, depth: 50, breadth: 10_000, maxPageSize: 1000 },
};

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Who is calling: an API token (Authorization: Bearer, never a cookie), else the session cookie, else
 * anonymous. A bad token is an error, not a silent downgrade to anonymous, so integrations notice.
 */
export async function resolveViewer(
  deps: AppDeps,
  credentials: { authorization?: string | null; cookie?: string | null },
): Promise<Viewer> {
  const bearer = bearerToken(credentials.authorization);
  if (credentials.authorization && !bearer) throw unauthenticated('Authorization must be "Bearer <token>"');
  if (bearer) {
    const viewer = await viewerFromApiToken(deps, bearer);
    if (!viewer) throw unauthenticated('The API token is unknown, revoked or expired');
    return viewer;
  }
  const session = readCookie(credentials.cookie, sessionCookieName);
  if (session) return (await viewerFromSessionToken(deps, session)) ?? { kind: 'anonymous' };
  return { kind: 'anonymous' };
}

/** Spends the caller's request budget; over it, a 429 with Retry-After. */
export async function spendRequestBudget(deps: AppDeps, viewer: Viewer, ip: string): Promise<void> {
  try {
    if (viewer.kind === 'user') await deps.rateLimits.consume('memberPerUser', String(viewer.userId));
    else if (viewer.kind === 'token') {
      await deps.rateLimits.consume('tokenPerToken', String(viewer.tokenId));
      await deps.rateLimits.consume('tokenPerIp', ip);
    } else if (viewer.kind === 'anonymous') await deps.rateLimits.consume('anonymousPerIp', ip);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      throw new GraphQLError(error.message, {
        extensions: {
          code: 'RATE_LIMITED',
          // retryAfter mirrors the Retry-After header; retryAfterSeconds is the name our web app reads.
          retryAfter: error.retryAfterSeconds,
          retryAfterSeconds: error.retryAfterSeconds,
          http: { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
        },
      });
    }
    throw error;
  }
}

export function clientIp(headers: Headers | IncomingHttpHeaders, socketIp: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return socketIp ?? 'unknown';
}

export function contextFor(deps: AppDeps, viewer: Viewer, requestInfo: Context['requestInfo']): Context {
  return { ...deps, viewer, requestInfo, limits: limitsByViewer[viewer.kind] };
}

export function cookieJarOf(request: Request): CookieJar | undefined {
  const store = request.cookieStore;
  if (!store) return undefined;
  return {
    get: async (name) => (await store.get(name))?.value,
    set: async (cookie) => {
      await store.set({ ...cookie, expires: cookie.expires.getTime(), domain: null });
    },
    delete: async (name) => {
      await store.delete(name);
    },
  };
}
