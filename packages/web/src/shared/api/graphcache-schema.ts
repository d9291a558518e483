// PLACEHOLDER written by `pnpm codegen` while packages/schema/schema.graphql does not exist yet.
// Without a schema Graphcache still works, but guesses fragment matches on unions and interfaces.
import type { CacheExchangeOpts } from '@urql/exchange-graphcache';

export const graphcacheSchema: NonNullable<CacheExchangeOpts['schema']> | undefined = undefined;
