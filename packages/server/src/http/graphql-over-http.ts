import type { Plugin } from 'graphql-yoga';

interface HttpExtension {
  status?: number;
  /** Yoga's mark for "answer 200 when the client asked for application/json". */
  spec?: boolean;
}

// A refusal of the whole operation (api-guards.ts) under application/graphql-response+json.
const refusalStatus: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * Brings yoga's status codes in line with the GraphQL-over-HTTP draft:
 * - a request that is not well formed (JSON that does not parse, no `query`) is a 400 for every media
 *   type; yoga answers it with 200 under application/json;
 * - a GraphQL request error in a well-formed request (the operation cannot be chosen, the variables do
 *   not coerce) is a 200 under application/json; the executor marks those 400 for every media type;
 * - an answer without `data` must not be a 2xx under application/graphql-response+json: operations the
 *   API guards refuse before execution get 401, 403 or 400 there (and stay 200 under application/json).
 */
export function graphqlOverHttpPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || 'data' in result) return;
      for (const error of result.errors ?? []) {
        const extensions = error.extensions as Record<string, unknown> | undefined;
        if (!extensions) continue;
        const http = (extensions['http'] ??= {}) as HttpExtension;
        if (http.status === undefined) {
          http.status = refusalStatus[String(extensions['code'])] ?? 400;
          http.spec = true;
        } else if (http.status === 400) {
          if (extensions['code'] === 'BAD_REQUEST') delete http.spec;
          else http.spec = true;
        }
      }
    },
  };
}
