// Abusive WebSocket clients are closed with graphql-ws's codes (and WebSocket's own for oversized
// frames), and the server goes on serving everyone else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CloseCode } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { createWorld, type World } from '../../src/test-support/fixtures.js';
import { votingScene } from '../../src/test-support/deliberation-fixtures.js';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { maxSubscriptionsPerConnection, maxWebSocketPayloadBytes } from '../../src/http/websocket.js';
import { rawSocket, seed, type RawSocket } from './support.js';

const tally = 'subscription ($windowId: ID!) { tally(windowId: $windowId) { version voterCount } }';

describe('socket abuse', () => {
  let dir: string;
  let server: ServerProcess;
  let world: World;
  let windowId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yishi-sockets-'));
    const databaseUrl = `file:${path.join(dir, 'sockets.db')}`;
    await applyMigrations(databaseUrl);
    ({ world, windowId } = await seed(databaseUrl, async (db) => {
      const cast = await createWorld(db);
      const scene = await votingScene(db, { community: cast.community, reporterId: cast.resident.id, openedById: cast.cadre.id });
      return { world: cast, windowId: encodeGlobalID('VotingWindow', scene.window.id) };
    }));
    server = await startServerProcess({ DATABASE_URL: databaseUrl, DEMO_SEED: 'off', RATE_LIMIT_SCALE: '1000' });
  });

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  async function initialised(): Promise<RawSocket> {
    const socket = await rawSocket(server.url, world.resident.cookie);
    socket.send({ type: 'connection_init', payload: {} });
    expect((await socket.next()).type).toBe('connection_ack');
    return socket;
  }

  const subscribe = (socket: RawSocket, id: string) => socket.send({ id, type: 'subscribe', payload: { query: tally, variables: { windowId } } });

  it('closes a connection that sends a message over the size limit with 1009', async () => {
    const socket = await initialised();
    socket.send({ id: '1', type: 'subscribe', payload: { query: `{ __typename }`, variables: { padding: 'x'.repeat(maxWebSocketPayloadBytes) } } });
    expect((await socket.closed).code).toBe(1009);
  });

  it(`closes a connection that opens more than ${maxSubscriptionsPerConnection} subscriptions with 4429`, async () => {
    const socket = await initialised();
    for (let i = 1; i <= maxSubscriptionsPerConnection; i++) {
      subscribe(socket, String(i));
      expect(await socket.next()).toMatchObject({ type: 'next', id: String(i) });
    }
    subscribe(socket, 'one-too-many');
    expect((await socket.closed).code).toBe(CloseCode.TooManyInitialisationRequests);
  });

  it('closes a connection that never sends connection_init with 4408', async () => {
    const socket = await rawSocket(server.url, world.resident.cookie);
    const started = Date.now();
    expect((await socket.closed).code).toBe(CloseCode.ConnectionInitialisationTimeout);
    expect(Date.now() - started).toBeGreaterThan(9_000);
  }, 30_000);

  it('closes a connection that subscribes before connection_init with 4401', async () => {
    const socket = await rawSocket(server.url, world.resident.cookie);
    subscribe(socket, '1');
    expect((await socket.closed).code).toBe(CloseCode.Unauthorized);
  });

  it('closes a connection that reuses the id of a running subscription with 4409', async () => {
    const socket = await initialised();
    subscribe(socket, 'same');
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'same' });
    subscribe(socket, 'same');
    expect((await socket.closed).code).toBe(CloseCode.SubscriberAlreadyExists);
  });

  it('closes a connection that sends what is not a graphql-ws message with 4400', async () => {
    const socket = await initialised();
    socket.send('{"type":"no-such-type"}');
    expect((await socket.closed).code).toBe(CloseCode.BadRequest);
  });

  it('serves well-behaved clients after all that, and is still running', async () => {
    const socket = await initialised();
    subscribe(socket, '1');
    expect(await socket.next()).toMatchObject({ type: 'next', id: '1', payload: { data: { tally: { voterCount: 0 } } } });
    socket.ws.close(1000);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
