import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../errors.js';

export const databaseUnavailableMessage = 'The database is unavailable. Try again in a few seconds.';

/** A 503 that says what is wrong and when to come back, instead of "Unexpected error.". */
export function databaseUnavailable(at?: GraphQLError): GraphQLError {
  return new GraphQLError(databaseUnavailableMessage, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
  });
}

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * Unexpected errors reach clients as "Unexpected error." with no message or stack, in every mode; an
 * unreachable database (PostgreSQL restarting) is said plainly, so clients back off and retry.
 */
export const maskError: MaskError = (error, message, isDev) =>
  isDatabaseUnavailable(error) ? databaseUnavailable(error instanceof GraphQLError ? error : undefined) : yogaMaskError(error, message, isDev);
