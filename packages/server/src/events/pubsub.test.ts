import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createAppPubSub, channelNamespace, type PubSubHandle } from './pubsub.js';
import { liveSnapshots } from './live.js';
import type { SessionSnapshot } from './topics.js';

const redisUrl = 'redis://127.0.0.1:6379';

const snapshot = (version: number): SessionSnapshot => ({
  sessionId: 7,
  communityId: 1,
  version,
  status: 'LIVE',
  title: '议事会',
  scheduledAt: '2026-11-28T09:00:00.000Z',
  currentItemId: null,
  startedAt: '2026-11-28T09:00:00.000Z',
  endedAt: null,
  rules: { quorumPercent: 20, thresholdPercent: 50, talliesHidden: false, phaseSeconds: 600, frozenAt: null },
  agenda: [{ itemId: 3, concernId: 4, position: 1, phase: 'VOTING', phaseStartedAt: '2026-11-28T09:10:00.000Z', phaseEndsAt: null }],
});

const handles: PubSubHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});
function open(kind: 'memory' | 'redis', namespace = `yishi:test-${randomBytes(4).toString('hex')}:`) {
  const handle = createAppPubSub(kind === 'redis' ? redisUrl : undefined, namespace);
  handles.push(handle);
  return handle;
}

describe.each(['memory', 'redis'] as const)('events in %s', (kind) => {
  it('delivers a snapshot published right after `ready` to a listener, whole', async () => {
    const namespace = `yishi:test-${randomBytes(4).toString('hex')}:`;
    const listener = open(kind, namespace);
    // With Redis, another connection publishes, as another process would.
    const publisher = kind === 'redis' ? open(kind, namespace) : listener;
    const received: SessionSnapshot[] = [];
    const listening = listener.pubsub.listen('session', 7, (payload) => received.push(payload));
    await listening.ready;
    publisher.pubsub.publish('session', 7, snapshot(3));
    publisher.pubsub.publish('session', 8, snapshot(4)); // another session: not heard
    await expect.poll(() => received.length).toBe(1);
    expect(received).toEqual([snapshot(3)]);
    listening.close();
    publisher.pubsub.publish('session', 7, snapshot(5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
  });

  it('yields the current snapshot first, then newer ones, dropping any older than what was sent', async () => {
    const { pubsub } = open(kind);
    let left = 0;
    const live = liveSnapshots(pubsub, 'session', 7, async () => snapshot(5), { leave: async () => void left++ });
    expect((await live.next()).value).toEqual(snapshot(5));
    pubsub.publish('session', 7, snapshot(4));
    pubsub.publish('session', 7, snapshot(6));
    expect((await live.next()).value?.version).toBe(6);
    await live.return(undefined);
    expect(left).toBe(0); // `leave` runs only after `enter`
  });

  it('lets a subscriber go at once when it leaves while nothing is published', async () => {
    const { pubsub } = open(kind);
    const left: string[] = [];
    const live = liveSnapshots(pubsub, 'session', 7, async () => snapshot(1), {
      enter: async () => void left.push('entered'),
      leave: async () => void left.push('left'),
    });
    await live.next();
    const waiting = live.next(); // nothing will come
    const started = Date.now();
    await live.return(undefined);
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(Date.now() - started).toBeLessThan(500);
    expect(left).toEqual(['entered', 'left']);
  });

  it('ends after the last snapshot when told which one is last', async () => {
    const { pubsub } = open(kind);
    const live = liveSnapshots(pubsub, 'session', 7, async () => snapshot(1), { isLast: (s) => s.status === 'ENDED' });
    await live.next();
    pubsub.publish('session', 7, { ...snapshot(2), status: 'ENDED' });
    expect((await live.next()).value?.status).toBe('ENDED');
    expect(await live.next()).toEqual({ done: true, value: undefined });
  });
});

describe('Redis channels', () => {
  it('are scoped by database, so two databases on one Redis never hear each other', async () => {
    expect(channelNamespace('postgres://u@db:5432/yishi_a')).toBe('yishi:yishi_a:');
    expect(channelNamespace('postgres://u@db:5432/yishi_a')).not.toBe(channelNamespace('postgres://u@db:5432/yishi_b'));
    const a = open('redis', channelNamespace(`postgres://u@db/a_${randomBytes(4).toString('hex')}`));
    const b = open('redis', channelNamespace(`postgres://u@db/b_${randomBytes(4).toString('hex')}`));
    const heard: number[] = [];
    const listening = a.pubsub.listen('session', 7, (payload) => heard.push(payload.version));
    await listening.ready;
    b.pubsub.publish('session', 7, snapshot(1));
    a.pubsub.publish('session', 7, snapshot(2));
    await expect.poll(() => heard).toEqual([2]);
    listening.close();
  });

  it('report the bus healthy while Redis answers', async () => {
    const handle = open('redis');
    await expect.poll(() => handle.healthy()).toBe(true);
    expect(handle.kind).toBe('redis');
  });
});
