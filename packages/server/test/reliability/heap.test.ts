// 5,000 WebSocket connections come and go (init, subscribe, first snapshot, close); the server's heap
// after a full collection is the same at the end as after the warm-up, so nothing per connection stays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';
import { createWorld, type World } from '../../src/test-support/fixtures.js';
import { votingScene } from '../../src/test-support/deliberation-fixtures.js';
import { startServerProcess, type ServerProcess } from '../../src/test-support/server-process.js';
import { rawSocket, seed } from './support.js';

const tally = 'subscription ($windowId: ID!) { tally(windowId: $windowId) { version voterCount } }';
const cycles = 5000;
// Caches (parsed documents, prepared plans) fill up during the first few hundred connections.
const warmUp = 1000;
const parallel = 20;
// Heap readings after a full collection still vary by a megabyte or two. A leak of 1 KiB per connection
// would show as 5 MiB over the 5,000 cycles; a leaked subscription costs about 25 KiB (an async generator
// waiting on a quiet topic did, before the tally used a Repeater), or 120 MiB.
const toleranceBytes = 5 * 1024 * 1024;

describe('heap across WebSocket connect/disconnect cycles', () => {
  let dir: string;
  let server: ServerProcess;
  let world: World;
  let windowId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yishi-heap-'));
    const databaseUrl = `file:${path.join(dir, 'heap.db')}`;
    await applyMigrations(databaseUrl);
    ({ world, windowId } = await seed(databaseUrl, async (db) => {
      const cast = await createWorld(db);
      const scene = await votingScene(db, { community: cast.community, reporterId: cast.resident.id, openedById: cast.cadre.id });
      return { world: cast, windowId: encodeGlobalID('VotingWindow', scene.window.id) };
    }));
    server = await startServerProcess({ DATABASE_URL: databaseUrl, DEMO_SEED: 'off', RATE_LIMIT_SCALE: '10000', BENCH_METRICS: 'true', SCHEDULER: 'false' });
  });

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  async function cycle(cookie: string) {
    const socket = await rawSocket(server.url, cookie);
    socket.send({ type: 'connection_init', payload: {} });
    expect((await socket.next()).type).toBe('connection_ack');
    socket.send({ id: '1', type: 'subscribe', payload: { query: tally, variables: { windowId } } });
    expect((await socket.next()).type).toBe('next');
    socket.send({ id: '1', type: 'complete' });
    socket.ws.close(1000);
    await socket.closed;
  }

  async function run(count: number) {
    const cookies = [world.resident.cookie, world.resident2.cookie, world.cadre.cookie, world.admin.cookie];
    let started = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (started < count) await cycle(cookies[started++ % cookies.length]!);
      }),
    );
  }

  /** Heap used after a full collection, read from the server's bench metrics. */
  async function heapUsed(): Promise<number> {
    // Closed sockets finish their teardown on the next turns of the server's loop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const response = await fetch(`${server.url}/__bench?gc=1`);
    return ((await response.json()) as { memory: { heapUsed: number } }).memory.heapUsed;
  }

  it(`stays flat over ${cycles.toLocaleString('en-US')} cycles`, async () => {
    await run(warmUp);
    const after = [await heapUsed()];
    await run(cycles);
    after.push(await heapUsed());
    const growth = after[1]! - after[0]!;
    console.log(`heap after warm-up ${(after[0]! / 2 ** 20).toFixed(1)} MB, after ${cycles} more cycles ${(after[1]! / 2 ** 20).toFixed(1)} MB (${(growth / 1024).toFixed(0)} KiB)`);
    expect(growth).toBeLessThan(toleranceBytes);
    expect(server.child.exitCode).toBeNull();
  });
});
