import { makeOperation, mapExchange, type Exchange, type Operation } from '@urql/core';

/**
 * Remembers the queries that are on screen and, each time `onResync` fires (the link came back after
 * an outage), runs them again with `cache-and-network`: cached data stays visible (marked `stale`)
 * while fresh data loads, so the page updates silently instead of flashing a spinner.
 *
 * Queries need nothing to take part; a query torn down (its component unmounted) is forgotten.
 */
export function resyncExchange(onResync: (listener: () => void) => () => void): Exchange {
  return (input) => {
    const activeQueries = new Map<number, Operation>();

    onResync(() => {
      for (const operation of activeQueries.values()) {
        input.client.reexecuteOperation(
          makeOperation('query', operation, { ...operation.context, requestPolicy: 'cache-and-network' }),
        );
      }
    });

    return mapExchange({
      onOperation(operation) {
        if (operation.kind === 'query') activeQueries.set(operation.key, operation);
        else if (operation.kind === 'teardown') activeQueries.delete(operation.key);
      },
    })(input);
  };
}
