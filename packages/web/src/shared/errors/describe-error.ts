// Turns anything the server can answer with into one sentence in the reader's language.
//
// Two kinds of failure reach the client:
// - typed results that users cause, chosen by `__typename` in a mutation's result union:
//   NotFoundError, ForbiddenError, ValidationError, InvalidStateError, RateLimitedError;
// - request-level failures in urql's CombinedError: GraphQL errors with `extensions.code` (FORBIDDEN,
//   QUERY_TOO_COMPLEX, RATE_LIMITED, INTERNAL_SERVER_ERROR…) or no answer at all (network).
// Server `message` texts are English and meant for developers: they are never shown to Chinese readers.
import type { i18n as I18n } from 'i18next';
import { formatRelative } from '../format/format.ts';
import { entityName, statusLabel, translateDataKey } from '../i18n/dynamic-key.ts';

export interface FieldIssue {
  /** The input path, e.g. ["input", "title"]. */
  path: readonly string[];
  message: string;
}

export type TypedError =
  | { __typename: 'NotFoundError'; entity?: string | null }
  | { __typename: 'ForbiddenError'; reason?: string | null }
  | { __typename: 'ValidationError'; issues?: readonly FieldIssue[] | null }
  | { __typename: 'InvalidStateError'; entity?: string | null; state?: string | null; allowed?: readonly string[] | null }
  | { __typename: 'RateLimitedError'; retryAfterSeconds?: number | null };

const TYPED_ERROR_NAMES = new Set<string>([
  'NotFoundError',
  'ForbiddenError',
  'ValidationError',
  'InvalidStateError',
  'RateLimitedError',
]);

/** Whether a mutation's result is one of the typed errors (rather than its …Success payload). */
export function isTypedError(value: unknown): value is TypedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    TYPED_ERROR_NAMES.has((value as { __typename?: unknown }).__typename as string)
  );
}

/** The parts of urql's CombinedError this reads; a structural type keeps it testable without urql. */
interface RequestErrorLike {
  graphQLErrors: readonly { extensions?: Record<string, unknown> | null }[];
  networkError?: unknown;
  response?: unknown;
}

function isRequestError(value: unknown): value is RequestErrorLike {
  return typeof value === 'object' && value !== null && Array.isArray((value as RequestErrorLike).graphQLErrors);
}

type Translator = Pick<I18n, 't' | 'language'>;

export interface DescribeOptions {
  /** For "try again in 30 seconds"; tests pin it. */
  now?: Date;
}

/**
 * One sentence for the reader. Accepts a typed error result, a CombinedError (or anything shaped like
 * one), or any other thrown value; never returns a raw code or server message to a Chinese reader.
 */
export function describeError(error: unknown, i18n: Translator, options: DescribeOptions = {}): string {
  if (isTypedError(error)) return describeTypedError(error, i18n, options);
  if (isRequestError(error)) return describeRequestError(error, i18n, options);
  return i18n.t('errors:generic');
}

function describeTypedError(error: TypedError, i18n: Translator, options: DescribeOptions): string {
  switch (error.__typename) {
    case 'NotFoundError': {
      const entity = error.entity ? entityName(i18n, error.entity) : null;
      return entity ? i18n.t('errors:notFound.entity', { entity }) : i18n.t('errors:notFound.generic');
    }
    case 'ForbiddenError':
      return (
        (error.reason && translateDataKey(i18n, 'errors', ['forbidden', 'reason', error.reason])) ||
        i18n.t('errors:forbidden.generic')
      );
    case 'ValidationError': {
      const count = Math.max(error.issues?.length ?? 0, 1);
      return i18n.t('errors:validation.summary', { count });
    }
    case 'InvalidStateError': {
      const entity = error.entity ? entityName(i18n, error.entity) : null;
      const state = error.entity && error.state ? statusLabel(i18n, error.entity, error.state) : null;
      return entity && state
        ? i18n.t('errors:invalidState.withState', { entity, state })
        : i18n.t('errors:invalidState.generic');
    }
    case 'RateLimitedError':
      return describeRetryAfter(error.retryAfterSeconds, i18n, options);
  }
}

function describeRetryAfter(seconds: number | null | undefined, i18n: Translator, options: DescribeOptions): string {
  if (!seconds || seconds < 1) return i18n.t('errors:rateLimited.generic');
  const now = options.now ?? new Date();
  const relative = formatRelative(now.getTime() + seconds * 1000, i18n.language, { now });
  return i18n.t('errors:rateLimited.retryAfter', { relative });
}

/** Codes we have sentences for, most telling first: a request can carry several errors. */
const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  // The server's CSRF check refused the request: only a stale or broken page can cause it.
  'CSRF',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;

function describeRequestError(error: RequestErrorLike, i18n: Translator, options: DescribeOptions): string {
  const codes = new Set(error.graphQLErrors.map((graphQLError) => graphQLError.extensions?.code));
  const code = KNOWN_CODES.find((known) => codes.has(known));
  if (code === 'RATE_LIMITED') {
    const retryAfter = error.graphQLErrors.find((e) => e.extensions?.code === 'RATE_LIMITED')?.extensions?.retryAfterSeconds;
    return typeof retryAfter === 'number' ? describeRetryAfter(retryAfter, i18n, options) : i18n.t('errors:code.RATE_LIMITED');
  }
  if (code) return i18n.t(`errors:code.${code}`);
  if (error.graphQLErrors.length > 0) return i18n.t('errors:generic');

  // No GraphQL errors: the request failed on the way. An HTTP status may still say why.
  const status = (error.response as { status?: unknown } | undefined)?.status;
  if (status === 401) return i18n.t('errors:code.UNAUTHENTICATED');
  if (status === 403) return i18n.t('errors:code.FORBIDDEN');
  if (status === 429) return i18n.t('errors:code.RATE_LIMITED');
  if (typeof status === 'number' && status >= 500) return i18n.t('errors:code.INTERNAL_SERVER_ERROR');
  return error.networkError ? i18n.t('errors:network') : i18n.t('errors:generic');
}

/**
 * Per-field sentences for a form, keyed by the input field's name (the last part of the issue's path,
 * e.g. "title" for ["input", "title"]). English readers see the server's own wording, which names the
 * rule broken (e.g. "At least 3 characters"); Chinese readers a general prompt, never English.
 */
export function fieldIssues(error: unknown, i18n: Translator): Record<string, string> {
  if (!isTypedError(error) || error.__typename !== 'ValidationError') return {};
  const messages: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const field = issue.path.at(-1) ?? 'input';
    if (messages[field]) continue;
    messages[field] = i18n.language.startsWith('en') && issue.message ? issue.message : i18n.t('errors:validation.field');
  }
  return messages;
}
