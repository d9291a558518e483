import type { Context } from '../context.js';

/**
 * A plain HTTP route beside GraphQL (health, photos, Open311, CSV exports). Handlers speak the Fetch
 * API and get the same Context, with the same viewer, as a GraphQL resolver would.
 */
export interface HttpRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Whether the caller's request budget is spent (off for health checks). */
  rateLimited: boolean;
  handle(request: Request, ctx: Context, match: RegExpMatchArray): Promise<Response>;
  /** The route's own error document for failures before its handler runs (bad token, 429, 503). */
  errorResponse?(status: number, code: string, message: string, headers: Record<string, string>): Response;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}
