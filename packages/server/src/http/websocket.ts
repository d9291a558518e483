import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode } from 'graphql-ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { AppDeps, Viewer } from '../context.js';
import { clientIp, contextFor, resolveViewer } from '../graphql/context-factory.js';
import { isAllowedOrigin } from './origin.js';
import { sharedSubscribe } from './shared-subscriptions.js';

export const maxSubscriptionsPerConnection = 24;
export const maxWebSocketPayloadBytes = 64 * 1024;

interface ConnectionState {
  connectionId: string;
  viewer: Viewer;
  active: Set<string>;
}

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
  state?: ConnectionState;
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

  const credentials = (extra: Extra, params: Record<string, unknown> | undefined) => ({
    authorization: typeof params?.authorization === 'string' ? params.authorization : undefined,
    cookie: extra.request.headers.cookie,
  });

  useServer<Record<string, unknown> | undefined, Extra>(
    {
      connectionInitWaitTimeout: 10_000,
      execute: (args) => (args.rootValue as { execute: EnvelopedExecute }).execute(args) as never,
      subscribe: (args) => sharedSubscribe(args, (args.rootValue as { subscribe: EnvelopedExecute }).subscribe as never) as never,
      onConnect: async (ctx) => {
        try {
          const viewer = await resolveViewer(deps, credentials(ctx.extra, ctx.connectionParams));
          ctx.extra.state = { connectionId: randomUUID(), viewer, active: new Set() };
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = ctx.extra.state!;
        if (state.active.size >= maxSubscriptionsPerConnection) {
          ctx.extra.socket.close(CloseCode.TooManyInitialisationRequests, 'Too many subscriptions on one connection');
          return [];
        }
        // Re-read the session and memberships: rights may have changed since connection_init.
        let viewer: Viewer;
        try {
          viewer = await resolveViewer(deps, credentials(ctx.extra, ctx.connectionParams));
        } catch {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Credentials are no longer valid');
          return [];
        }
        state.viewer = viewer;
        const { schema, execute, subscribe, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        });
        const ip = clientIp(ctx.extra.request.headers, ctx.extra.request.socket.remoteAddress, deps.config.TRUST_PROXY);
        const contextValue = {
          ...contextFor(deps, viewer, { ip, userAgent: ctx.extra.request.headers['user-agent'] ?? '', secure: false }),
          connectionId: state.connectionId,
        };
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        state.active.add(id);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
      onComplete: (ctx, id) => {
        ctx.extra.state?.active.delete(id);
      },
    },
    wss,
  );

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

  /** Closes every socket with 1001 Going Away, so clients know to reconnect elsewhere. */
  async function closeAll(): Promise<void> {
    for (const client of wss.clients) client.close(1001, 'Server is shutting down');
    await new Promise<void>((resolve) => {
      if (wss.clients.size === 0) return resolve();
      const deadline = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        resolve();
      }, 3000);
      const check = setInterval(() => {
        if (wss.clients.size === 0) {
          clearInterval(check);
          clearTimeout(deadline);
          resolve();
        }
      }, 20);
    });
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { wss, handleUpgrade, closeAll };
}
