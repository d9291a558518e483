import type { Client } from '@urql/core';
import { graphql } from '../../shared/api/graphql.ts';
import type { ViewerState } from '../../shared/session/viewer.ts';

// Who is signed in: the server's `me` is null for visitors (and for API tokens).
const ViewerQuery = graphql(`
  query Viewer {
    me {
      user {
        id
        displayName
      }
    }
  }
`);

export async function loadViewer(client: Client): Promise<ViewerState> {
  const result = await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw result.error;
  const user = result.data?.me?.user;
  return user ? { status: 'signedIn', viewer: { displayName: user.displayName } } : { status: 'signedOut' };
}
