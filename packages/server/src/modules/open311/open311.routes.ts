// GET /open311/v2/services.json, /open311/v2/requests.json and /open311/v2/requests/{id}.json
// (GeoReport v2, read-only). Only JSON is served; any other format is a 400 in GeoReport's error format.
import type { HttpRoute } from '../../http/routes.js';
import { json } from '../../http/routes.js';
import type { Context } from '../../context.js';
import { Open311Error, findJurisdiction, getRequest, listRequests, listServices, type RequestFilters } from './open311.service.js';

export const defaultPageSize = 50;

// Open311 data is public and read-only, so any page may read it in a browser. Browsers send no cookie
// or token on such a request unless told to, and then refuse to show a `*` answer: no one's view leaks.
const cors = { 'access-control-allow-origin': '*' };

/** GeoReport's error document: an array of { code, description }. */
export function open311Error(status: number, description: string, headers: Record<string, string> = {}): Response {
  return json([{ code: status, description }], { status, headers: { ...cors, ...headers } });
}

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function list(params: URLSearchParams, name: string): string[] | undefined {
  const value = params.get(name);
  if (value === null || value.trim() === '') return undefined;
  return value.split(',').map((part) => part.trim()).filter(Boolean);
}

function instant(params: URLSearchParams, name: string): Date | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const date = new Date(value);
  if (!dateTime.test(value) || Number.isNaN(date.getTime())) {
    throw new Open311Error(400, `${name} must be an ISO 8601 date and time with an offset, e.g. 2026-11-01T00:00:00+08:00`);
  }
  return date;
}

function positiveInteger(value: string | null, name: string, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new Open311Error(400, `${name} must be a whole number from 1`);
  return Number(value);
}

function parseFilters(params: URLSearchParams, maxPageSize: number): RequestFilters {
  const ids = list(params, 'service_request_id');
  if (ids?.some((id) => !/^\d{1,9}$/.test(id))) throw new Open311Error(400, 'service_request_id must be a comma-separated list of request ids');
  const status = list(params, 'status');
  if (status?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open, closed, or both separated by a comma');
  const start = instant(params, 'start_date');
  const end = instant(params, 'end_date');
  if (start && end && start > end) throw new Open311Error(400, 'start_date must not be after end_date');
  const pageSize = positiveInteger(params.get('page_size'), 'page_size', Math.min(defaultPageSize, maxPageSize));
  if (pageSize > maxPageSize) throw new Open311Error(400, `page_size may be at most ${maxPageSize}`);
  return {
    ...(ids ? { ids: ids.map(Number) } : {}),
    ...(status ? { status: status as ('open' | 'closed')[] } : {}),
    ...(list(params, 'service_code') ? { serviceCodes: list(params, 'service_code')! } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    page: positiveInteger(params.get('page'), 'page', 1),
    pageSize,
  };
}

/** Where photos are served from, as the caller reached us (behind a trusted proxy, as the proxy says). */
function publicOrigin(request: Request, ctx: Context): string {
  const url = new URL(request.url);
  const forwarded = ctx.config.TRUST_PROXY ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  return forwarded === 'https' || forwarded === 'http' ? `${forwarded}://${url.host}` : url.origin;
}

function open311Route(pattern: RegExp, answer: (request: Request, ctx: Context, match: RegExpMatchArray) => Promise<unknown>): HttpRoute {
  return {
    method: 'GET',
    pattern,
    rateLimited: true,
    errorResponse: (status, _code, message, headers) => open311Error(status, message, headers),
    async handle(request, ctx, match) {
      const format = match.at(-1);
      if (format !== 'json') return open311Error(400, `The ${format} format is not served; ask for .json`);
      try {
        return json(await answer(request, ctx, match), { headers: { ...cors, 'cache-control': 'no-store' } });
      } catch (error) {
        if (error instanceof Open311Error) return open311Error(error.status, error.message);
        throw error;
      }
    },
  };
}

const params = (request: Request) => new URL(request.url).searchParams;

export const open311Routes: HttpRoute[] = [
  open311Route(/^\/open311\/v2\/services\.(\w+)$/, async (request, ctx) =>
    listServices(ctx, await findJurisdiction(ctx, params(request).get('jurisdiction_id'))),
  ),
  open311Route(/^\/open311\/v2\/requests\.(\w+)$/, async (request, ctx) => {
    const query = params(request);
    const filters = parseFilters(query, ctx.limits.maxPageSize);
    return listRequests(ctx, await findJurisdiction(ctx, query.get('jurisdiction_id')), filters, publicOrigin(request, ctx));
  }),
  open311Route(/^\/open311\/v2\/requests\/([^/.]+)\.(\w+)$/, async (request, ctx, match) => {
    const id = match[1]!;
    if (!/^\d{1,9}$/.test(id)) throw new Open311Error(404, `No service request ${id}`);
    const jurisdictionId = params(request).get('jurisdiction_id');
    const jurisdiction = jurisdictionId ? await findJurisdiction(ctx, jurisdictionId) : null;
    // GeoReport answers a single request as a list of one.
    return [await getRequest(ctx, Number(id), jurisdiction, publicOrigin(request, ctx))];
  }),
];
