import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode } from 'graphql-ws';
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { AppDeps, Context, Viewer } from '../context.js';
import { clientIp, contextFor, resolveViewer, spendRequestBudget } from '../graphql/context-factory.js';
import { anonymousSubscriptionRefusal } from '../graphql/api-guards.js';
import { isAllowedOrigin } from './origin.js';
import { sharedSubscribe } from './shared-subscriptions.js';

export const maxSubscriptionsPerConnection = 24;
export const maxWebSocketPayloadBytes = 64 * 1024;

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  /** Set once the connection is accepted: names it for presence in a session room. */
  connectionId?: string;
}

type EnvelopedExecute = (args: ExecutionArgs) => unknown;

/**
 * GraphQL subscriptions over graphql-ws on /graphql, through yoga's envelop, so they pass the same
 * plugins (armor limits, masking) and the same Pothos auth as HTTP. The caller is authenticated at
 * connection_init (session cookie on the upgrade, or `authorization` in the init payload), and again
 * at every subscribe, so a membership revoked since the connection opened is honoured.
 */
export function createWebSocketServer(deps: AppDeps, yoga: YogaServerInstance<object, object>) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxWebSocketPayloadBytes });

  // An API token travels only in the connection_init payload ("authorization": "Bearer ysk_…"); the
  // cookie is read for the session cookie alone, so a token placed in a cookie is never honoured.
  const credentials = (extra: Extra, params: Record<string, unknown> | undefined) => {
    const authorization = params?.authorization ?? params?.Authorization;
    return { authorization: typeof authorization === 'string' ? authorization : undefined, cookie: extra.request.headers.cookie };
  };

  useServer<Record<string, unknown> | undefined, Extra>(
    {
      connectionInitWaitTimeout: 10_000,
      execute: (args) => (args.rootValue as { execute: EnvelopedExecute }).execute(args) as never,
      // A token's slot is held around the whole stream it receives, shared or its own.
      subscribe: (args) =>
        deps.subscriptionSlots.hold((args.contextValue as Context).viewer, () =>
          sharedSubscribe(args, (args.rootValue as { subscribe: EnvelopedExecute }).subscribe as never),
        ) as never,
      onConnect: async (ctx) => {
        try {
          await resolveViewer(deps, credentials(ctx.extra, ctx.connectionParams));
          ctx.extra.connectionId = randomUUID();
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws keeps every running operation here, this one included, and drops each as it ends.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
          ctx.extra.socket.close(CloseCode.TooManyInitialisationRequests, 'Too many subscriptions on one connection');
          return [new GraphQLError('Too many subscriptions on one connection', { extensions: { code: 'RATE_LIMITED' } })];
        }
        // Re-read the session and memberships: rights may have changed since connection_init.
        let viewer: Viewer;
        try {
          viewer = await resolveViewer(deps, credentials(ctx.extra, ctx.connectionParams));
        } catch {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Credentials are no longer valid');
          return [new GraphQLError('Credentials are no longer valid', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const { schema, execute, subscribe, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        });
        const ip = clientIp(ctx.extra.request.headers, ctx.extra.request.socket.remoteAddress, deps.config.TRUST_PROXY);
        // Every operation over the socket spends the same request budget as one over HTTP.
        try {
          await spendRequestBudget(deps, viewer, ip);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const contextValue = {
          ...contextFor(deps, viewer, { ip, userAgent: ctx.extra.request.headers['user-agent'] ?? '', secure: false }),
          connectionId: ctx.extra.connectionId,
        };
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const refusal = getOperationAST(document, payload.operationName)?.operation === 'subscription' ? anonymousSubscriptionRefusal(contextValue) : null;
        if (refusal) return [refusal];
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
      // Runs after every subscription of the connection has been let go (presence left the room, say).
      onClose: (ctx) => {
        connections.get(ctx.extra.socket)?.settle();
        connections.delete(ctx.extra.socket);
      },
    },
    wss,
  );

  // Each open socket, with a promise that settles once graphql-ws has cleaned up after it.
  const connections = new Map<WebSocket, { cleanedUp: Promise<void>; settle(): void }>();
  wss.on('connection', (socket: WebSocket) => {
    let settle = () => {};
    const cleanedUp = new Promise<void>((resolve) => (settle = resolve));
    connections.set(socket, { cleanedUp, settle });
  });

  /** Hands an HTTP upgrade on /graphql to graphql-ws, after the Origin check. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, request.headers.host, deps.config.ALLOWED_ORIGINS)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nOrigin not allowed');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  }

  /**
   * Closes every socket with 1001 Going Away, so clients know to reconnect elsewhere, and waits until
   * their subscriptions have cleaned up (while the database is still open). A client that does not
   * answer the close within 3 s is cut off.
   */
  async function closeAll(): Promise<void> {
    for (const client of wss.clients) client.close(1001, 'Server is shutting down');
    const deadline = setTimeout(() => {
      for (const client of wss.clients) client.terminate();
    }, 3000);
    // A cleanup that never ends (a hung database, say) must not hold the shutdown forever.
    let giveUp: NodeJS.Timeout | undefined;
    const cleanups = [...connections.values()].map((connection) => connection.cleanedUp);
    await Promise.race([Promise.all(cleanups), new Promise((resolve) => (giveUp = setTimeout(resolve, 6000)))]);
    clearTimeout(deadline);
    clearTimeout(giveUp);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { wss, handleUpgrade, closeAll };
}
