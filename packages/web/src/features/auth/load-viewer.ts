import type { Client } from '@urql/core';
import { graphql } from '../../shared/api/graphql.ts';
import type { Viewer, ViewerState } from '../../shared/session/viewer.ts';

// Who is signed in: the server's `me` is null for visitors (and for API tokens).
export const ViewerFields = graphql(`
  fragment ViewerFields on Me @_unmask {
    locale
    user {
      id
      displayName
    }
  }
`);

const ViewerQuery = graphql(
  `
    query Viewer {
      me {
        ...ViewerFields
      }
    }
  `,
  [ViewerFields],
);

type MeFields = { locale: string; user: { id: string; displayName: string } };

export function viewerFromMe(me: MeFields): Viewer {
  return { id: me.user.id, displayName: me.user.displayName, locale: me.locale };
}

export async function loadViewer(client: Client): Promise<ViewerState> {
  const result = await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw result.error;
  const me = result.data?.me;
  return me ? { status: 'signedIn', viewer: viewerFromMe(me) } : { status: 'signedOut' };
}
