// The authorization matrix: for every root field, what each kind of caller may do. Each module keeps
// its entries in `<module>.matrix.ts`; test/authorization-matrix.test.ts runs them all and fails when a
// root field has none.
import type { TestApp, Caller, GraphQLResult } from './harness.js';
import { createUser, type World } from './fixtures.js';

export const callerKinds = ['anonymous', 'outsider', 'resident', 'cadre', 'admin'] as const;
export type CallerKind = (typeof callerKinds)[number];
export type Outcome = 'allowed' | 'refused';

export interface MatrixContext {
  t: TestApp;
  world: World;
  kind: CallerKind;
  as: Caller;
}

export interface MatrixEntry {
  /** e.g. "Query.concern", "Mutation.reportConcern", "Subscription.tally". */
  field: string;
  /**
   * The operation to try, built fresh for each caller (so e.g. each gets its own concern to act on).
   * It must be valid input: a refusal has to come from authorization, not from validation.
   */
  operation(ctx: MatrixContext): Promise<{ query: string; variables?: Record<string, unknown>; as?: Caller }>;
  expect: Record<CallerKind, Outcome>;
  /** Overrides the default reading of the result, for fields whose refusal looks different. */
  judge?(result: GraphQLResult, ctx: MatrixContext): Outcome;
}

/** The same expectation for everyone but the listed kinds. */
export function only(allowed: CallerKind[]): Record<CallerKind, Outcome> {
  return Object.fromEntries(callerKinds.map((kind) => [kind, allowed.includes(kind) ? 'allowed' : 'refused'])) as Record<
    CallerKind,
    Outcome
  >;
}

export const everyone = only([...callerKinds]);
export const signedIn = only(['outsider', 'resident', 'cadre', 'admin']);
export const members = only(['resident', 'cadre', 'admin']);
export const cadres = only(['cadre', 'admin']);
export const admins = only(['admin']);

/**
 * A new user of the same kind as the caller (same community and role), for operations that would
 * spoil the shared world, such as logging out or changing a password. Anonymous stays anonymous.
 */
export async function freshCaller(ctx: MatrixContext): Promise<Caller> {
  const { world, t } = ctx;
  switch (ctx.kind) {
    case 'anonymous':
      return undefined;
    case 'outsider':
      return createUser(t.db, { communityId: world.otherCommunity.id, role: 'RESIDENT' });
    case 'resident':
      return createUser(t.db, { communityId: world.community.id, role: 'RESIDENT' });
    case 'cadre':
      return createUser(t.db, { communityId: world.community.id, role: 'CADRE' });
    case 'admin':
      return createUser(t.db, { communityId: world.community.id, role: 'ADMIN' });
  }
}

const refusalCodes = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);
const refusalTypes = new Set(['ForbiddenError', 'NotFoundError']);

/**
 * Default reading: a FORBIDDEN/UNAUTHENTICATED error, a null answer, or a typed Forbidden/NotFound
 * result is a refusal; a Success result or any other answer is allowed. A validation or state error
 * means the entry's operation is wrong, so it throws.
 */
export function judgeResult(result: GraphQLResult, field: string): Outcome {
  if (result.errors?.some((error) => refusalCodes.has(String(error.extensions?.code)))) return 'refused';
  if (result.errors?.length) throw new Error(`${field}: unexpected errors ${JSON.stringify(result.errors)}`);
  const value = Object.values(result.data ?? {})[0] as { __typename?: string } | null | undefined;
  if (value === null || value === undefined) return 'refused';
  const typename = value.__typename;
  if (typename && refusalTypes.has(typename)) return 'refused';
  if (typename && typename.endsWith('Error')) throw new Error(`${field}: the operation itself failed with ${JSON.stringify(value)}`);
  return 'allowed';
}
