import http from 'node:http';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { createServerAdapter } from '@whatwg-node/server';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import { createLogger } from '@graphql-yoga/logger';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import helmet from 'helmet';
import sirv from 'sirv';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { DomainError, ValidationError, isDatabaseUnavailable } from './errors.js';
import { systemClock, type AppDeps, type Clock, type Context } from './context.js';
import { openDatabase, type Database } from './db/client.js';
import { channelNamespace, createAppPubSub } from './events/pubsub.js';
import { Coalescer } from './events/coalescer.js';
import { DiskPhotoStorage } from './storage/photo-storage.js';
import { createRateLimits } from './limits/rate-limits.js';
import { SubscriptionSlots } from './limits/subscription-slots.js';
import { schema } from './graphql/schema.js';
import { armorPlugin } from './graphql/armor.js';
import { apiGuardsPlugin } from './graphql/api-guards.js';
import { databaseUnavailable, databaseUnavailableMessage } from './graphql/database-unavailable.js';
import { clientIp, contextFor, cookieJarOf, resolveViewer, spendRequestBudget } from './graphql/context-factory.js';
import { csrfPlugin } from './http/csrf.js';
import { graphqlOverHttpPlugin } from './http/graphql-over-http.js';
import { createWebSocketServer } from './http/websocket.js';
import { httpRoutes } from './http/route-table.js';
import type { HttpRoute } from './http/routes.js';
import { Scheduler } from './scheduler/scheduler.js';
import { scheduledJobs } from './scheduler/jobs.js';
import { sessionCookieName } from './modules/identity/identity.service.js';

export interface BuildOptions {
  /** An already open database (tests share one); otherwise DATABASE_URL is opened. */
  database?: Database;
  clock?: Clock;
  /** Overrides RATE_LIMIT_SCALE; tests of other behaviour raise the limits out of the way. */
  rateLimitScale?: number;
}

export interface App {
  yoga: YogaServerInstance<{ req: http.IncomingMessage }, Context>;
  /** The HTTP server, not yet listening: main.ts listens, tests may too. */
  server: http.Server;
  wss: ReturnType<typeof createWebSocketServer>['wss'];
  deps: AppDeps;
  scheduler: Scheduler;
  /** Graceful stop: no new connections, sockets closed with 1001, in-flight requests finished, then the rest. */
  close(): Promise<void>;
}

const jsonBodyLimit = 1024 * 1024;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const log = createLogger(config.LOG_LEVEL === 'silent' ? 'error' : config.LOG_LEVEL);
  const database = options.database ?? (await openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }));
  const events = createAppPubSub(config.REDIS_URL, channelNamespace(config.DATABASE_URL));
  const deps: AppDeps = {
    config,
    db: database.db,
    provider: database.provider,
    pubsub: events.pubsub,
    eventBus: { kind: events.kind, healthy: events.healthy },
    storage: new DiskPhotoStorage(config.UPLOAD_DIR),
    clock: options.clock ?? systemClock,
    log,
    coalescer: new Coalescer(100, (error) => log.error('coalesced publish failed', error)),
    rateLimits: createRateLimits(config.REDIS_URL, options.rateLimitScale ?? config.RATE_LIMIT_SCALE),
    subscriptionSlots: new SubscriptionSlots(config.API_TOKEN_MAX_SUBSCRIPTIONS),
  };

  const yoga = createYoga<{ req: http.IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: config.LOG_LEVEL === 'silent' ? false : log,
    // Unexpected errors reach clients as "Unexpected error." with no message or stack, in every mode.
    // Errors users cause that escape a typed result (e.g. bad arguments of a query field) keep their
    // message and code, so callers learn what to fix.
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        // PostgreSQL restarting is said plainly (503, Retry-After), so clients back off and retry.
        if (isDatabaseUnavailable(error)) return databaseUnavailable(error instanceof GraphQLError ? error : undefined);
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError) return domainGraphQLError(original, error);
        return maskError(error, message, false);
      },
    },
    landingPage: false,
    batching: false,
    graphiql: config.graphiql ? { title: 'Yishi GraphQL', credentials: 'same-origin', headers: '{"x-yishi-csrf": "1"}' } : false,
    renderGraphiQL,
    plugins: [useCookies(), csrfPlugin(sessionCookieName), armorPlugin(config), apiGuardsPlugin(), graphqlOverHttpPlugin()],
    context: async ({ request, req }) => {
      // In-process calls (yoga.fetch in tests) have no socket.
      const ip = clientIp(request.headers, req?.socket.remoteAddress ?? '127.0.0.1', config.TRUST_PROXY);
      const viewer = await resolveViewer(deps, {
        authorization: request.headers.get('authorization'),
        cookie: request.headers.get('cookie'),
      });
      await spendRequestBudget(deps, viewer, ip);
      return contextFor(deps, viewer, {
        ip,
        userAgent: request.headers.get('user-agent') ?? '',
        secure: new URL(request.url).protocol === 'https:' || (config.TRUST_PROXY && request.headers.get('x-forwarded-proto') === 'https'),
        cookies: cookieJarOf(request),
      });
    },
  });

  // Plain routes (health, photos, Open311, CSV exports) share the viewer and budget rules of GraphQL.
  const findRoute = (method: string, pathname: string) => {
    for (const route of httpRoutes) {
      const match = method === route.method ? pathname.match(route.pattern) : null;
      if (match) return { route, match };
    }
    return null;
  };
  const routes = createServerAdapter<{ req: http.IncomingMessage }>(async (request, serverContext) => {
    const found = findRoute(request.method, new URL(request.url).pathname);
    if (!found) return new Response('Not found', { status: 404 });
    const { route, match } = found;
    {
      const ip = clientIp(request.headers, serverContext.req.socket.remoteAddress, config.TRUST_PROXY);
      try {
        const viewer = await resolveViewer(deps, {
          authorization: request.headers.get('authorization'),
          cookie: request.headers.get('cookie'),
        });
        if (route.rateLimited) await spendRequestBudget(deps, viewer, ip);
        const ctx = contextFor(deps, viewer, { ip, userAgent: request.headers.get('user-agent') ?? '', secure: false });
        return await route.handle(request, ctx, match);
      } catch (error) {
        return errorResponse(error, route);
      }
    }
  });

  const staticFiles = existsSync(path.join(config.WEB_DIST, 'index.html'))
    ? sirv(config.WEB_DIST, {
        single: true,
        etag: true,
        gzip: true,
        setHeaders: (res, pathname) => {
          // Hashed assets never change; the HTML shell is always revalidated.
          res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      })
    : null;

  const armour = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Photos are embedded by our pages only, but Open311 clients fetch them from elsewhere.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: config.NODE_ENV === 'production',
  });
  const graphiqlArmour = helmet({ contentSecurityPolicy: false, strictTransportSecurity: config.NODE_ENV === 'production' });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isGraphql = url.pathname === '/graphql';
    (isGraphql ? graphiqlArmour : armour)(req, res, () => {
      if (isGraphql) {
        if (!withinBodyLimit(req, res, config.MAX_UPLOAD_BYTES)) return;
        void yoga(req, res);
        return;
      }
      void (async () => {
        if (findRoute(req.method ?? 'GET', url.pathname)) {
          return routes(req, res);
        }
        if (staticFiles) return staticFiles(req, res, () => notFound(res));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Yishi is running. The web client is not built: run `pnpm --filter @yishi/web build`.\nGraphQL: /graphql\n');
      })().catch((error) => {
        log.error('request failed', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });

  const sockets = createWebSocketServer(deps, yoga as unknown as YogaServerInstance<object, object>);
  server.on('upgrade', sockets.handleUpgrade);
  const scheduler = new Scheduler(deps, scheduledJobs, config.SCHEDULER_INTERVAL_MS);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await scheduler.stop();
      const drained = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      server.closeIdleConnections();
      await sockets.closeAll();
      // In-flight requests finish; a client that holds a connection open past 10 s is cut off.
      const cutoff = setTimeout(() => server.closeAllConnections(), 10_000);
      await drained;
      clearTimeout(cutoff);
      await deps.coalescer.close();
      await events.close();
      await deps.rateLimits.close();
      if (!options.database) await database.close();
    })());

  return { yoga, server, wss: sockets.wss, deps, scheduler, close };
}

function notFound(res: http.ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}

/** Refuses bodies over the limit before they are read: JSON is small, multipart carries photos. */
function withinBodyLimit(req: http.IncomingMessage, res: http.ServerResponse, maxUploadBytes: number): boolean {
  if (req.method !== 'POST') return true;
  const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  const limit = multipart ? maxUploadBytes * 4 + 64 * 1024 : jsonBodyLimit;
  const length = Number(req.headers['content-length']);
  if (!req.headers['content-length'] || Number.isNaN(length)) {
    res.writeHead(411, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'A Content-Length header is required', extensions: { code: 'LENGTH_REQUIRED' } }] }));
    return false;
  }
  if (length > limit) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: `Request body is over ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
    return false;
  }
  return true;
}

function errorResponse(error: unknown, route: HttpRoute): Response {
  const extensions = (error as { extensions?: { code?: string; http?: { status?: number; headers?: Record<string, string> } } })
    .extensions;
  const respond = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    route.errorResponse?.(status, code, message, headers) ??
    new Response(JSON.stringify({ error: code, message }), { status, headers: { 'content-type': 'application/json', ...headers } });
  if (extensions?.http?.status) {
    return respond(extensions.http.status, extensions.code ?? 'ERROR', (error as Error).message, extensions.http.headers);
  }
  if (isDatabaseUnavailable(error)) return respond(503, 'DATABASE_UNAVAILABLE', databaseUnavailableMessage, { 'retry-after': '5' });
  return respond(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}

function domainGraphQLError(original: DomainError, error: unknown): GraphQLError {
  const located = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(original.message, {
    ...(located?.nodes ? { nodes: located.nodes } : {}),
    ...(located?.path ? { path: located.path } : {}),
    extensions: {
      code: original.code === 'VALIDATION' ? 'BAD_USER_INPUT' : original.code,
      ...(original instanceof ValidationError ? { issues: original.issues } : {}),
    },
  });
}
