// The typed errors every mutation may return. Clients switch on __typename or `code`, and show
// `message` only as a fallback: the web app has its own sentences per code.
import { builder } from './builder.js';
import {
  type DomainError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  type FieldIssue,
} from '../errors.js';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.exposeString('reason'),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'What is wrong, for clients to put in their own words.' }),
    limit: t.exposeInt('limit', { nullable: true, description: 'The bound a TOO_* code refers to.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [FieldIssueRef], resolve: (error) => error.issues }),
  }),
});

builder.objectType(InvalidStateError, {
  name: 'InvalidStateError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    state: t.exposeString('state'),
    allowed: t.exposeStringList('allowed'),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds'),
  }),
});
