import type { Client } from '@urql/core';
import type { ViewerState } from '../../shared/session/viewer.ts';

// Who is signed in, from the server's `me` field (null for visitors).
// Untyped for now: once packages/schema/schema.graphql exists and `pnpm codegen` has run, write it
// with graphql() from shared/api/graphql.ts and drop the hand-written result type.
const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    me {
      user {
        id
        displayName
      }
    }
  }
`;

interface ViewerQueryResult {
  me: { user: { id: string; displayName: string } } | null;
}

export async function loadViewer(client: Client): Promise<ViewerState> {
  const result = await client.query<ViewerQueryResult>(VIEWER_QUERY, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw result.error;
  const user = result.data?.me?.user;
  return user ? { status: 'signedIn', viewer: { displayName: user.displayName } } : { status: 'signedOut' };
}
