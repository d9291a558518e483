import type { Plugin } from 'graphql-yoga';

interface HttpExtension {
  status?: number;
  /** Yoga's mark for "answer 200 when the client asked for application/json". */
  spec?: boolean;
}

/**
 * Brings yoga's status codes in line with the GraphQL-over-HTTP draft for the legacy application/json
 * media type (application/graphql-response+json already follows it):
 * - a request that is not well formed (JSON that does not parse, no `query`) is a 400 for every media
 *   type; yoga answers it with 200 under application/json;
 * - a GraphQL request error in a well-formed request (the operation cannot be chosen, the variables do
 *   not coerce) is a 200 under application/json; the executor marks those 400 for every media type.
 */
export function graphqlOverHttpPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || 'data' in result) return;
      for (const error of result.errors ?? []) {
        const http = error.extensions?.['http'] as HttpExtension | undefined;
        if (http?.status !== 400) continue;
        if (error.extensions['code'] === 'BAD_REQUEST') delete http.spec;
        else http.spec = true;
      }
    },
  };
}
