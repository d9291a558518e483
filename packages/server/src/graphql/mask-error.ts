import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { DomainError, ValidationError, isDatabaseUnavailable } from '../errors.js';

export const databaseUnavailableMessage = 'The database is unavailable. Try again in a few seconds.';

/** A 503 that says what is wrong and when to come back, instead of "Unexpected error.". */
export function databaseUnavailable(at?: GraphQLError): GraphQLError {
  return new GraphQLError(databaseUnavailableMessage, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
  });
}

function domainErrorOf(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * Unexpected errors reach clients as "Unexpected error." with no message or stack, in every mode. Two
 * kinds are not unexpected: an unreachable database (PostgreSQL restarting) is said plainly, so clients
 * back off and retry; and an error the user caused, met outside a mutation's typed results (e.g. a
 * query argument that fails validation), keeps its code and message.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const at = error instanceof GraphQLError ? error : undefined;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(at);
  const domain = domainErrorOf(error);
  if (domain) {
    return new GraphQLError(domain.message, {
      nodes: at?.nodes,
      path: at?.path,
      extensions: { code: domain.code, ...(domain instanceof ValidationError ? { issues: domain.issues } : {}) },
    });
  }
  return yogaMaskError(error, message, isDev);
};
