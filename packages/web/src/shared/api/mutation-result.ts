// Every mutation answers with `<Field>Success { data }` or one of the typed errors. Spread
// `...MutationErrorFields` into the result's selection, then let `mutationOutcome` sort the answer:
//
//   const Second = graphql(`mutation Second($id: ID!) {
//     secondConcern(concernId: $id) { __typename ... on SecondConcernSuccess { data { id } } ...MutationErrorFields }
//   }`, [MutationErrorFields]);
//   const outcome = mutationOutcome(result.error, result.data?.secondConcern);
//   if (!outcome.ok) show describeError(outcome.error)
import type { CombinedError } from '@urql/core';
import { isTypedError } from '../errors/describe-error.ts';
import { graphql } from './graphql.ts';

/** The fields describeError() and fieldIssues() read, for every typed error. Unmasked: read directly. */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error @_unmask {
    __typename
    ... on ForbiddenError {
      reason
    }
    ... on NotFoundError {
      entity
    }
    ... on ValidationError {
      issues {
        path
        message
        code
        limit
      }
    }
    ... on InvalidStateError {
      entity
      state
      allowed
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
  }
`);

export type MutationOutcome<Data> = { ok: true; data: Data } | { ok: false; error: unknown };

/**
 * Success with its data, or the error to describe: a request failure (network, masked server error),
 * a typed error, or a missing answer.
 */
export function mutationOutcome<Payload extends { __typename?: string }>(
  error: CombinedError | undefined,
  payload: Payload | null | undefined,
): MutationOutcome<Extract<Payload, { data: unknown }>['data']> {
  if (error) return { ok: false, error };
  if (!payload) return { ok: false, error: new Error('No answer') };
  if (isTypedError(payload)) return { ok: false, error: payload };
  if ('data' in payload) return { ok: true, data: (payload as Extract<Payload, { data: unknown }>).data };
  return { ok: false, error: payload };
}
