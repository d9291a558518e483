// Errors that users cause. Services throw these; the GraphQL layer turns them into typed results
// (graphql/errors.schema.ts) and HTTP routes into status codes. Anything else is a bug and is masked.

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly ref?: string | number,
  ) {
    super(`${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  /** `reason` is a short machine-readable key, e.g. NOT_A_MEMBER or CADRE_REQUIRED. */
  constructor(
    readonly reason: string,
    message = 'You may not do this',
  ) {
    super(message);
  }
}

export interface FieldIssue {
  /** The input path, e.g. ["input", "title"]. */
  path: string[];
  /** English, for developers; clients translate `code` (with `limit`) instead. */
  message: string;
  /** TOO_SHORT, TOO_LONG, TOO_SMALL, TOO_BIG, INVALID_FORMAT, INVALID_VALUE, REQUIRED, TAKEN, INVALID… */
  code: string;
  /** The bound a TOO_* code refers to, e.g. the minimum length. */
  limit?: number | null;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(
    readonly issues: FieldIssue[],
    message = issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '),
  ) {
    super(message);
  }

  static field(path: string | string[], message: string, code = 'INVALID'): ValidationError {
    return new ValidationError([{ path: Array.isArray(path) ? path : [path], message, code }]);
  }
}

export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';
  /** `state` is what the thing is now; `allowed` the states in which the command would work. */
  constructor(
    readonly entity: string,
    readonly state: string,
    readonly allowed: string[] = [],
    message = `${entity} is ${state}${allowed.length ? `; this needs ${allowed.join(' or ')}` : ''}`,
  ) {
    super(message);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s`);
  }
}

/** For a unique constraint that lost a race: the caller retries or reports a conflict. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

// Prisma's codes for a database it cannot reach, a connection it lost, or one it could not get in time.
const unavailableCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const unavailableMessages =
  /can't reach database server|connection terminated|terminating connection|ECONNREFUSED|ECONNRESET|database system is (starting up|shutting down)|timed out fetching a new connection/i;

/** Whether an error means the database is out of reach (down, restarting), rather than anything about the request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return false;
}
