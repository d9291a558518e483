/* eslint-disable */
/* prettier-ignore */
// PLACEHOLDER written by `pnpm codegen` while packages/schema/schema.graphql does not exist yet.
// Run `pnpm codegen` once the server has printed its schema; this file is then regenerated from it.

export type introspection_types = {
    'Boolean': unknown;
    'DateTime': unknown;
    'File': unknown;
    'JSON': unknown;
    'Query': { kind: 'OBJECT'; name: 'Query'; fields: { '_placeholder': { name: '_placeholder'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null; } }; }; };
    'String': unknown;
};

export type introspection = {
  name: 'yishi';
  query: 'Query';
  mutation: never;
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from 'gql.tada';
