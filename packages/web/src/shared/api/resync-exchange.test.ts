import { Client, fetchExchange, mapExchange, type Operation } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { createConnectionStore } from './connection.ts';
import { resyncExchange } from './resync-exchange.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function setUp() {
  const connection = createConnectionStore();
  const sent: Operation[] = [];
  const client = new Client({
    url: 'http://yishi.test/graphql',
    fetch: async () => new Response(JSON.stringify({ data: { __typename: 'Query' } }), { headers: { 'content-type': 'application/json' } }),
    exchanges: [
      resyncExchange(connection.onResync),
      mapExchange({
        onOperation: (operation) => {
          if (operation.kind === 'query') sent.push(operation);
        },
      }),
      fetchExchange,
    ],
  });
  return { connection, client, sent };
}

describe('resync exchange', () => {
  it('re-runs the queries on screen after the link comes back, keeping cached data visible', async () => {
    const { connection, client, sent } = setUp();
    const onScreen = client.query('query Board { __typename }', {}).subscribe(() => {});
    await settle();
    expect(sent).toHaveLength(1);

    connection.markLost();
    connection.markRestored();
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.context.requestPolicy).toBe('cache-and-network');
    expect(sent[1]?.key).toBe(sent[0]?.key);
    onScreen.unsubscribe();
  });

  it('forgets queries that left the screen', async () => {
    const { connection, client, sent } = setUp();
    const onScreen = client.query('query Board { __typename }', {}).subscribe(() => {});
    await settle();
    onScreen.unsubscribe();
    await settle();

    connection.markLost();
    connection.markRestored();
    await settle();
    expect(sent).toHaveLength(1);
  });
});
