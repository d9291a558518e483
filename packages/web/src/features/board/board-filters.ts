// The board's filters, kept in the address (?status=waiting&category=parking&group=…&overdue=1&sort=…)
// so a filtered board can be shared, bookmarked and survives a reload.

/** Status groups as residents think of them, each with the API statuses it covers. */
export const STATUS_GROUPS = {
  all: null,
  waiting: ['REPORTED', 'REOPENED'],
  discussing: ['ACKNOWLEDGED', 'VOTING', 'DECIDED'],
  inProgress: ['IN_PROGRESS'],
  done: ['RESOLVED', 'CLOSED'],
  other: ['DECLINED', 'MERGED'],
} as const satisfies Record<string, readonly string[] | null>;

export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_IDS = Object.keys(STATUS_GROUPS) as StatusGroup[];

export const SORTS = ['NEWEST', 'MOST_SECONDED', 'DEADLINE'] as const;
export type BoardSort = (typeof SORTS)[number];

export interface BoardFilters {
  status: StatusGroup;
  categoryKey: string | null;
  groupId: string | null;
  overdue: boolean;
  sort: BoardSort;
}

const isStatusGroup = (value: string | null): value is StatusGroup => value !== null && Object.hasOwn(STATUS_GROUPS, value);
const isSort = (value: string | null): value is BoardSort => (SORTS as readonly (string | null)[]).includes(value);

export function readFilters(params: URLSearchParams): BoardFilters {
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    status: isStatusGroup(status) ? status : 'all',
    categoryKey: params.get('category') || null,
    groupId: params.get('group') || null,
    overdue: params.get('overdue') === '1',
    sort: isSort(sort) ? sort : 'NEWEST',
  };
}

/** The address for these filters; defaults are left out, so the plain board has a plain address. */
export function writeFilters(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.categoryKey) params.set('category', filters.categoryKey);
  if (filters.groupId) params.set('group', filters.groupId);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.sort !== 'NEWEST') params.set('sort', filters.sort);
  return params;
}

/** How many of the narrowing filters (not the status group or the sort) are on. */
export function activeFilterCount(filters: BoardFilters): number {
  return [filters.categoryKey, filters.groupId, filters.overdue || null].filter(Boolean).length;
}

/** The variables every board query shares (the status group aside). */
export function narrowingVariables(filters: BoardFilters) {
  return {
    categoryKey: filters.categoryKey,
    groupId: filters.groupId,
    // Unticked means "all", not "only the ones that are not overdue".
    overdue: filters.overdue ? true : null,
  };
}
