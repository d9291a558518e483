import type { Plugin } from 'graphql-yoga';
import { readCookie } from '../graphql/context-factory.js';

export const csrfHeader = 'x-yishi-csrf';

/**
 * A request that carries the session cookie must also carry a header no other site's page can set
 * without our consent (a custom header forces a CORS preflight, which we never grant). GET is exempt:
 * GraphQL over GET runs queries only, and a cross-site page cannot read the answer.
 */
export function csrfPlugin(cookieName: string): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method === 'GET' || request.method === 'OPTIONS') return;
      if (!readCookie(request.headers.get('cookie'), cookieName)) return;
      if (request.headers.has(csrfHeader)) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [{ message: `Requests signed in by cookie must send the ${csrfHeader} header`, extensions: { code: 'CSRF' } }],
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
