import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value as string)) {
    throw new GraphQLError('DateTime must be an ISO 8601 string, e.g. 2026-11-28T09:30:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  // Snapshots from pub/sub carry dates as strings already.
  serialize: (value) => (typeof value === 'string' ? value : value.toISOString()),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('File', {
  description: 'A file sent as a part of a GraphQL multipart request.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    if (!isFile(value)) throw new GraphQLError('Expected a file upload', { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
});

// Yoga parses multipart bodies with @whatwg-node/fetch, whose File is not Node's global File class, so
// `instanceof File` refuses every real upload. Anything that reads like a File is one.
function isFile(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as File).arrayBuffer === 'function' &&
    typeof (value as File).name === 'string' &&
    typeof (value as File).size === 'number'
  );
}
