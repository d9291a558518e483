import { signedIn, type MatrixEntry } from '../../test-support/matrix.js';

export const matrix: MatrixEntry[] = [
  {
    field: 'Mutation.markNotificationsRead',
    // Everyone signed in has their own notifications; nobody touches another's.
    expect: signedIn,
    operation: async () => ({ query: 'mutation { markNotificationsRead(input: { all: true }) { __typename } }' }),
  },
];
