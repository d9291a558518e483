// The one urql client of the app. Nothing else creates a Client or a WebSocket to the API.
//
// Exchanges, in order:
//   resync      passive: remembers the queries on screen and re-runs them after an outage
//   graphcache  normalized cache, schema-aware once `pnpm codegen` has run
//   auth        adds the CSRF header; on a sign-in problem asks the app to refresh who is signed in
//   fetch       queries and mutations over HTTP POST (multipart when a variable holds a File)
//   subscriptions over graphql-ws on the same origin, retried forever with backoff
import { Client, fetchExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import type { MergedCacheConfig } from './cache-config.ts';
import { createConnectionStore, type ConnectionStore } from './connection.ts';
import { graphcacheSchema } from './graphcache-schema.ts';
import { createLiveLink } from './live-link.ts';
import { resyncExchange } from './resync-exchange.ts';

export const GRAPHQL_PATH = '/graphql';

/**
 * The server refuses cookie-authenticated requests without this header. A browser cannot add a
 * non-simple header to a cross-site form post or image request, so its presence proves the request
 * came from our own scripts (CSRF protection).
 */
export const CSRF_HEADER = { 'x-yishi-csrf': '1' } as const;

export interface ApiOptions {
  /** The features' Graphcache configs, merged (see cache-config.ts). */
  cache: MergedCacheConfig;
  /** Called, without waiting, when the server says the session is missing: refresh who is signed in. */
  onAuthChallenge: () => void;
  /**
   * Whether the app believes someone is signed in. A FORBIDDEN then may mean the session expired, so
   * it is worth a refresh; for a visitor it only means "not allowed" and nothing is refreshed.
   */
  isSignedIn: () => boolean;
}

export interface Api {
  /** Shared by every client this Api creates, so the banner survives a session renewal. */
  connection: ConnectionStore;
  getClient(): Client;
  /** For useSyncExternalStore: called when renewSession() replaced the client. */
  subscribe(listener: () => void): () => void;
  /**
   * Call after signing in, registering or signing out: starts from an empty cache (nothing seen as one
   * person leaks to the next) and a new WebSocket, which the server authenticates from the new cookie.
   */
  renewSession(): void;
}

export function createApi(options: ApiOptions): Api {
  const connection = createConnectionStore();
  let current = createSession(options, connection);
  const listeners = new Set<() => void>();

  return {
    connection,
    getClient: () => current.client,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    renewSession() {
      current.dispose();
      current = createSession(options, connection);
      for (const listener of [...listeners]) listener();
    },
  };
}

interface Session {
  client: Client;
  dispose(): void;
}

function createSession(options: ApiOptions, connection: ConnectionStore): Session {
  const live = createLiveLink(connection, { url: sameOriginWebSocketUrl(GRAPHQL_PATH) });

  const client = new Client({
    url: GRAPHQL_PATH,
    // POST only: GET responses could be kept by HTTP caches, and every request carries the CSRF header anyway.
    preferGetMethod: false,
    // Deliberation data changes under people's feet (seconds, tallies, deadlines): show what is cached
    // at once, then refresh it.
    requestPolicy: 'cache-and-network',
    exchanges: [
      resyncExchange(connection.onResync),
      cacheExchange({
        schema: graphcacheSchema,
        keys: { ...embeddedTypeKeys(), ...options.cache.keys },
        resolvers: options.cache.resolvers,
        updates: options.cache.updates,
        optimistic: options.cache.optimistic,
      }),
      authExchange(async (utils) => ({
        addAuthToOperation: (operation) => utils.appendHeaders(operation, CSRF_HEADER),
        didAuthError: (error) => isSignInProblem(error, options.isSignedIn()),
        // Cookies cannot be refreshed from script. Re-reading `me` updates the header (for example to
        // "Sign in"); the exchange then retries the operation once, and its error reaches the screen.
        async refreshAuth() {
          options.onAuthChallenge();
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: live.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });

  return { client, dispose: live.dispose };
}

function isSignInProblem(error: CombinedError, signedIn: boolean): boolean {
  const codes = new Set(error.graphQLErrors.map((graphQLError) => graphQLError.extensions?.code));
  const status = (error.response as Response | undefined)?.status;
  if (codes.has('UNAUTHENTICATED') || status === 401) return true;
  return signedIn && codes.has('FORBIDDEN');
}

/** ws:// or wss:// to this page's own host: cookies go along, and no CORS is involved. */
function sameOriginWebSocketUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The typed errors and their issues have no id: Graphcache stores them inside the mutation result. */
const ERROR_TYPES = ['NotFoundError', 'ForbiddenError', 'ValidationError', 'InvalidStateError', 'RateLimitedError', 'FieldIssue'];

interface SchemaTypeLike {
  kind: string;
  name: string;
  fields?: readonly { name: string }[] | null;
}

/**
 * Keys for object types that have no `id` field: payload wrappers (…Success), typed errors, connections,
 * edges, page info. They are embedded in their parent, and saying so keeps Graphcache from warning
 * about each. A feature can still give such a type a key of its own.
 */
function embeddedTypeKeys(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const typename of ERROR_TYPES) keys[typename] = () => null;
  const schema = graphcacheSchema as { __schema?: { types?: readonly SchemaTypeLike[] } } | undefined;
  const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);
  for (const type of schema?.__schema?.types ?? []) {
    if (type.kind !== 'OBJECT' || rootTypes.has(type.name)) continue;
    if (!type.fields?.some((field) => field.name === 'id' || field.name === '_id')) keys[type.name] = () => null;
  }
  return keys;
}
