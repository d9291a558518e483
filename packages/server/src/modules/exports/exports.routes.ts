// CSV downloads for cadres and admins: GET /export/<community slug>/{concerns,decisions,figures}.csv,
// signed in by the session cookie (a link in the web app). API tokens get the data through GraphQL.
import type { HttpRoute } from '../../http/routes.js';
import { json } from '../../http/routes.js';
import { DomainError } from '../../errors.js';
import { canSeeCommunity } from '../communities/communities.policy.js';
import { csvResponse } from './csv.js';
import { concernHeader, concernPages, decisionHeader, decisionPages, figureHeader, figurePages } from './exports.service.js';
import { canExport } from './exports.policy.js';

function parseInstant(value: string | null, name: string): Date | null | Response {
  if (value === null || value === '') return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    return json({ error: 'VALIDATION', message: `${name} must be an ISO 8601 date, e.g. 2026-09-01T00:00:00+08:00` }, { status: 400 });
  }
  return date;
}

export const exportRoute: HttpRoute = {
  method: 'GET',
  pattern: /^\/export\/([a-z0-9][a-z0-9-]{0,63})\/(concerns|decisions|figures)\.csv$/,
  rateLimited: true,
  async handle(request, ctx, match) {
    const [, slug, file] = match as unknown as [string, string, 'concerns' | 'decisions' | 'figures'];
    if (ctx.viewer.kind === 'anonymous') return json({ error: 'UNAUTHENTICATED', message: 'Sign in first' }, { status: 401 });
    const community = await ctx.db.community.findUnique({ where: { slug }, select: { id: true, slug: true, timezone: true } });
    // A community the caller may not even see does not exist, as far as they can tell.
    if (!community || !(await canSeeCommunity(ctx, community.id))) return json({ error: 'NOT_FOUND', message: 'No such community' }, { status: 404 });
    if (!canExport(ctx.viewer, community.id)) return json({ error: 'FORBIDDEN', message: 'Only cadres and admins export' }, { status: 403 });

    const filename = `${community.slug}-${file}.csv`;
    if (file === 'concerns') return csvResponse(filename, concernHeader(community.timezone), concernPages(ctx, community));
    if (file === 'decisions') return csvResponse(filename, decisionHeader(community.timezone), decisionPages(ctx, community));
    const url = new URL(request.url);
    const from = parseInstant(url.searchParams.get('from'), 'from');
    if (from instanceof Response) return from;
    const to = parseInstant(url.searchParams.get('to'), 'to');
    if (to instanceof Response) return to;
    // The figures are computed before the first byte, so a bad period is still a clean 400.
    const pages = figurePages(ctx, community, { from, to });
    try {
      const first = await pages.next();
      return csvResponse(filename, figureHeader, (async function* () {
        if (!first.done) yield first.value;
        yield* pages;
      })());
    } catch (error) {
      if (error instanceof DomainError) return json({ error: error.code, message: error.message }, { status: 400 });
      throw error;
    }
  },
};
