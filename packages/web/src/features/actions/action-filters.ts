// The actions list's filter, kept in the address (?show=overdue) so a link or a reload keeps it.

export const ACTION_FILTERS = ['all', 'PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'overdue'] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

const PARAM = 'show';

export function readActionFilter(params: URLSearchParams): ActionFilter {
  const value = params.get(PARAM);
  return (ACTION_FILTERS as readonly string[]).includes(value ?? '') ? (value as ActionFilter) : 'all';
}

export function writeActionFilter(filter: ActionFilter): URLSearchParams {
  return new URLSearchParams(filter === 'all' ? {} : { [PARAM]: filter });
}

type ActionStatus = Exclude<ActionFilter, 'all' | 'overdue'>;

/** The list query's arguments: a status, or only what is past its due date and not done. */
export function actionListVariables(filter: ActionFilter): { status: ActionStatus[] | null; overdue: boolean | null } {
  if (filter === 'all') return { status: null, overdue: null };
  if (filter === 'overdue') return { status: null, overdue: true };
  return { status: [filter], overdue: null };
}
