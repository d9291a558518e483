import type { Plugin } from 'graphql-yoga';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  getOperationAST,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type ExecutionArgs,
} from 'graphql';
import type { Context } from '../context.js';

/**
 * Rules for callers other than our own signed-in app, checked on the whole operation before any
 * resolver runs, over HTTP, SSE and WebSocket alike:
 * - API tokens only read: any mutation is refused, whatever its service would say.
 * - Anonymous callers may not subscribe (live data is for members and tokens).
 * - No connection page (`first`/`last`) over the caller's maximum: an error, not a silent clamp, so a
 *   client never mistakes a short page for the end of the list.
 * - Each API token holds at most a few subscriptions at once (limits/subscription-slots.ts). Over
 *   WebSocket, websocket.ts holds the slot around the whole stream instead.
 */
export function apiGuardsPlugin(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      const refusal = readOnlyTokenRefusal(args, ctx) ?? pageSizeRefusal(args, ctx);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      const refusal = anonymousSubscriptionRefusal(ctx) ?? pageSizeRefusal(args, ctx);
      if (refusal) {
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      if (ctx.connectionId === undefined) setSubscribeFn((subscribeArgs) => ctx.subscriptionSlots.hold(ctx.viewer, () => subscribeFn(subscribeArgs)) as never);
    },
  };
}

function readOnlyTokenRefusal(args: ExecutionArgs, ctx: Context): GraphQLError | null {
  if (ctx.viewer.kind !== 'token') return null;
  if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return null;
  return new GraphQLError('API tokens are read-only; changes are made by signed-in members', {
    extensions: { code: 'FORBIDDEN', reason: 'READ_ONLY_TOKEN' },
  });
}

export function anonymousSubscriptionRefusal(ctx: Context): GraphQLError | null {
  if (ctx.viewer.kind !== 'anonymous') return null;
  return new GraphQLError('Subscriptions need a signed-in member or an API token', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' },
  });
}

/** The first `first`/`last` on a connection field that asks for more than the caller may have at once. */
function pageSizeRefusal(args: ExecutionArgs, ctx: Context): GraphQLError | null {
  if (ctx.viewer.kind === 'system') return null;
  const max = ctx.limits.maxPageSize;
  const typeInfo = new TypeInfo(args.schema);
  let refusal: GraphQLError | null = null;
  visit(
    args.document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (refusal || !field || !getNamedType(field.type).name.endsWith('Connection')) return;
        for (const argument of node.arguments ?? []) {
          const name = argument.name.value;
          const definition = field.args.find((arg) => arg.name === name);
          if ((name !== 'first' && name !== 'last') || !definition) continue;
          const requested: unknown = valueFromAST(argument.value, definition.type, args.variableValues ?? undefined);
          if (typeof requested === 'number' && requested > max) {
            refusal = new GraphQLError(`${field.name}(${name}: ${requested}) asks for more than ${max} items; page through with after/before`, {
              nodes: [argument],
              extensions: { code: 'PAGE_SIZE_TOO_LARGE', argument: name, requested, limit: max },
            });
          }
        }
      },
    }),
  );
  return refusal;
}
