// Open311 GeoReport v2, read-only: categories are services, concerns are service requests. Visibility is
// GraphQL's (anonymous callers read public communities, a token its own, members theirs), and nothing
// here ever names a reporter: GeoReport's request documents have no field for one.
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import type { ConcernStatus } from '../../generated/sqlite/enums.js';
import { canRead, canSeeCommunity } from '../communities/communities.policy.js';
import { isoWithOffset } from '../metrics/months.js';

/** A GeoReport error: the HTTP status doubles as the error's code, as the spec's examples do. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
  ) {
    super(description);
  }
}

export interface Jurisdiction {
  id: number;
  slug: string;
  name: string;
  timezone: string;
}

// Closed means settled for good or carried out; everything still moving is open.
const closedStatuses: readonly ConcernStatus[] = ['DECLINED', 'MERGED', 'RESOLVED', 'CLOSED'];
export const georeportStatus = (status: ConcernStatus): 'open' | 'closed' => (closedStatuses.includes(status) ? 'closed' : 'open');

/**
 * The community a call is about: `jurisdiction_id` is its slug. A token may leave it out (it has one
 * community); anyone else must name one. A community the caller may not see does not exist for them.
 */
export async function findJurisdiction(ctx: Context, jurisdictionId: string | null): Promise<Jurisdiction> {
  const where = jurisdictionId
    ? { slug: jurisdictionId }
    : ctx.viewer.kind === 'token'
      ? { id: ctx.viewer.communityId }
      : null;
  if (!where) throw new Open311Error(400, 'jurisdiction_id is required: the slug of a community, e.g. jurisdiction_id=taoyuan');
  const community = await ctx.db.community.findUnique({ where, select: { id: true, slug: true, name: true, timezone: true } });
  if (!community || !(await canSeeCommunity(ctx, community.id))) throw new Open311Error(404, `No jurisdiction ${jurisdictionId ?? ''}`.trim());
  return community;
}

export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

/** The community's categories in their display order; archived ones take no new reports and are left out. */
export async function listServices(ctx: Context, jurisdiction: Jurisdiction): Promise<GeoReportService[]> {
  const categories = await ctx.db.category.findMany({
    where: { communityId: jurisdiction.id, archived: false },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  return categories.map((category) => ({
    service_code: category.key,
    service_name: category.name,
    description: `${category.nameEn}: answered within ${category.echoHours} hours`,
    metadata: false,
    // Cadres answer each report themselves, before a deadline: a person, not a batch job.
    type: 'realtime',
    keywords: [category.name, category.nameEn].join(','),
    group: jurisdiction.name,
  }));
}

export interface RequestFilters {
  ids?: number[];
  status?: ('open' | 'closed')[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  page: number;
  pageSize: number;
}

const requestInclude = {
  category: { select: { key: true, name: true } },
  community: { select: { name: true, timezone: true } },
  photos: { orderBy: { id: 'asc' }, take: 1, select: { storageKey: true } },
  actions: {
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: { ownerDepartment: true, updates: { orderBy: { createdAt: 'desc' }, take: 1, select: { body: true, createdAt: true } } },
  },
} satisfies Prisma.ConcernInclude;

type RequestRow = Prisma.ConcernGetPayload<{ include: typeof requestInclude }>;

export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Service requests of the jurisdiction, newest first, a page at a time. Explicit ids ignore the other filters, as the spec says. */
export async function listRequests(ctx: Context, jurisdiction: Jurisdiction, filters: RequestFilters, origin: string) {
  if (!(await canRead(ctx, jurisdiction.id, 'BOARD'))) throw new Open311Error(404, `No jurisdiction ${jurisdiction.slug}`);
  const where: Prisma.ConcernWhereInput = filters.ids
    ? { communityId: jurisdiction.id, id: { in: filters.ids } }
    : {
        communityId: jurisdiction.id,
        ...(filters.status?.length === 1
          ? { status: filters.status[0] === 'closed' ? { in: [...closedStatuses] } : { notIn: [...closedStatuses] } }
          : {}),
        ...(filters.serviceCodes ? { category: { key: { in: filters.serviceCodes } } } : {}),
        ...(filters.start || filters.end
          ? { createdAt: { ...(filters.start ? { gte: filters.start } : {}), ...(filters.end ? { lte: filters.end } : {}) } }
          : {}),
      };
  const rows = await ctx.db.concern.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (filters.page - 1) * filters.pageSize,
    take: filters.pageSize,
    include: requestInclude,
  });
  return rows.map((row) => toGeoReport(row, origin));
}

/** One service request by id; one the caller may not read is not found. */
export async function getRequest(ctx: Context, id: number, jurisdiction: Jurisdiction | null, origin: string) {
  const row = await ctx.db.concern.findUnique({ where: { id }, include: requestInclude });
  const visible = row && (!jurisdiction || row.communityId === jurisdiction.id) && (await canRead(ctx, row.communityId, 'BOARD'));
  if (!visible) throw new Open311Error(404, `No service request ${id}`);
  return toGeoReport(row, origin);
}

function toGeoReport(row: RequestRow, origin: string): GeoReportRequest {
  const zone = row.community.timezone;
  const action = row.actions[0];
  const latestUpdate = action?.updates[0];
  // The public echo (the answer, or the reason for declining) and then the latest news of the work.
  const notes = [row.answer, latestUpdate?.body].filter((note): note is string => Boolean(note));
  const updated = latestUpdate && latestUpdate.createdAt > row.updatedAt ? latestUpdate.createdAt : row.updatedAt;
  const photo = row.photos[0];
  return {
    service_request_id: String(row.id),
    status: georeportStatus(row.status),
    status_notes: notes.length ? notes.join('\n') : null,
    service_name: row.category.name,
    service_code: row.category.key,
    description: `${row.title}\n\n${row.body}`,
    agency_responsible: action?.ownerDepartment ?? row.community.name,
    service_notice: null,
    requested_datetime: isoWithOffset(row.createdAt, zone),
    updated_datetime: isoWithOffset(updated, zone),
    expected_datetime: isoWithOffset(row.deadlineAt, zone),
    address: row.place,
    address_id: null,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: photo ? `${origin}/uploads/${photo.storageKey}` : null,
  };
}
