// Pothos configuration only: plugins, scalars' TypeScript shapes, the context, auth scopes and error
// handling. Types and fields live in the domain modules (src/modules/*/*.schema.ts).
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import ComplexityPlugin from '@pothos/plugin-complexity';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';
import type { GraphQLContext } from '../context.js';
import {
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../errors.js';
import { hasRole } from '../modules/members/members.policy.js';
import { canRead, canSeeCommunity, type ReadArea } from '../modules/communities/communities.policy.js';

export interface ReadScope {
  communityId: number;
  area: ReadArea;
}

interface ZodLikeIssue {
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** Zod's issue kinds as stable codes a client can translate, with the bound they refer to. */
function issueCode(issue: ZodLikeIssue): { code: string; limit: number | null } {
  const textual = issue.origin === 'string' || issue.origin === 'array';
  switch (issue.code) {
    case 'too_small':
      // A text that must have at least one character was left empty.
      if (textual && Number(issue.minimum) === 1) return { code: 'REQUIRED', limit: null };
      return { code: textual ? 'TOO_SHORT' : 'TOO_SMALL', limit: Number(issue.minimum) };
    case 'too_big':
      return { code: textual ? 'TOO_LONG' : 'TOO_BIG', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { code: 'INVALID_FORMAT', limit: null };
    case 'invalid_value':
    case 'invalid_type':
      return { code: 'INVALID_VALUE', limit: null };
    default:
      return { code: 'INVALID', limit: null };
  }
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const resultTypeName = (parentTypeName: string, fieldName: string, suffix: string) =>
  parentTypeName === 'Mutation' ? `${capitalize(fieldName)}${suffix}` : `${parentTypeName}${capitalize(fieldName)}${suffix}`;

const defaultConnectionSize = 20;
const defaultListMultiplier = 10;

/**
 * The cost of a connection field: its selection once per item it may return (first/last, or the default
 * page), so asking for 100 costs five times asking for 20. Its `edges` list already counts as ten items,
 * hence the tenth. Set on each connection field (`complexity: connectionComplexity`): as a default for
 * every field it would make the plugin decode every field's arguments up front, and one bad id would
 * then fail the whole operation instead of its own field.
 */
export function connectionComplexity(args: { first?: number | null; last?: number | null }) {
  const size = args.first ?? args.last ?? defaultConnectionSize;
  return { field: 1, multiplier: Math.max(size, 0) / defaultListMultiplier };
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  AuthScopes: {
    signedIn: boolean;
    member: number;
    cadre: number;
    admin: number;
    read: ReadScope;
    community: number;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
}>({
  // Scope auth first, so every other plugin's fields are wrapped by its checks. Errors comes before
  // Prisma, as the errors plugin requires for `errors` on prisma fields.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // Subscriptions are authorized when they are created, not only as events arrive.
    authorizeOnSubscribe: true,
    treatErrorsAsUnauthorized: false,
    unauthorizedError: () => new GraphQLError('You may not see this', { extensions: { code: 'FORBIDDEN' } }),
    authScopes: (ctx) => ({
      signedIn: ctx.viewer.kind === 'user',
      member: (communityId) => hasRole(ctx.viewer, communityId, 'RESIDENT'),
      cadre: (communityId) => hasRole(ctx.viewer, communityId, 'CADRE'),
      admin: (communityId) => hasRole(ctx.viewer, communityId, 'ADMIN'),
      read: ({ communityId, area }) => canRead(ctx, communityId, area),
      community: (communityId) => canSeeCommunity(ctx, communityId),
    }),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    maxConnectionSize: 100,
    defaultConnectionSize,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Every read goes through an explicit, authorized root field; a generic node(id) would be a side door.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Every id is an integer key; anything else is bad input, not a query for Prisma to choke on.
    decodeGlobalID: (globalID) => {
      let decoded: { typename: string; id: string } | undefined;
      try {
        decoded = decodeGlobalID(globalID);
      } catch {
        decoded = undefined;
      }
      if (!decoded || !/^[1-9]\d{0,9}$/.test(decoded.id) || Number(decoded.id) > 2_147_483_647) {
        throw ValidationError.field('id', 'Not a valid ID', 'INVALID_FORMAT');
      }
      return decoded;
    },
  },
  errors: {
    // Bad input becomes a typed ValidationError result instead of a masked error. Mutations decide who
    // may act inside their services, after validation, so this reveals nothing a caller did not send.
    unsafelyHandleInputErrors: true,
    defaultTypes: [NotFoundError, ForbiddenError, ValidationError, InvalidStateError, RateLimitedError],
    defaultResultOptions: { name: ({ parentTypeName, fieldName }) => resultTypeName(parentTypeName, fieldName, 'Success') },
    defaultUnionOptions: { name: ({ parentTypeName, fieldName }) => resultTypeName(parentTypeName, fieldName, 'Result') },
  },
  validation: {
    validationError: (result) =>
      new ValidationError(
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)),
          message: issue.message,
          ...issueCode(issue as ZodLikeIssue),
        })),
      ),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier,
    limit: (ctx) => ctx.limits,
    complexityError: (kind, result) => {
      // kind is "Complexity", "Depth" or "Breadth"; result holds e.g. complexity and maxComplexity.
      const figures = result as unknown as Record<string, number | undefined>;
      const measured = figures[kind.toLowerCase()];
      const limit = figures[`max${kind}`];
      return new GraphQLError(`Query ${kind.toLowerCase()} ${measured} is over this caller's limit of ${limit}`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', kind: kind.toUpperCase(), measured, limit },
      });
    },
  },
});
