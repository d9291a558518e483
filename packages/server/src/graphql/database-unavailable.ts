import { GraphQLError } from 'graphql';

export const databaseUnavailableMessage = 'The database is unavailable. Try again in a few seconds.';

/** A 503 that says what is wrong and when to come back, instead of "Unexpected error.". */
export function databaseUnavailable(at?: GraphQLError): GraphQLError {
  return new GraphQLError(databaseUnavailableMessage, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
  });
}
