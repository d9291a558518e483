import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Topics } from './topics.js';

export type AppPubSub = PubSub<Topics>;

export interface PubSubHandle {
  pubsub: AppPubSub;
  /** Whether events cross processes (Redis) or stay in this one. */
  kind: 'memory' | 'redis';
  /** Resolves when Redis answers; always true in memory. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * In memory when redisUrl is unset: one process alone. With Redis, yoga's Redis event target, so any
 * number of server processes share events. ioredis reconnects and re-subscribes by itself after a
 * Redis restart; publishes made while Redis is down are lost, which clients survive because every
 * event is a full snapshot and a reconnecting client re-queries.
 */
export function createAppPubSub(redisUrl: string | undefined): PubSubHandle {
  if (!redisUrl) {
    return { pubsub: createPubSub<Topics>(), kind: 'memory', healthy: async () => true, close: async () => {} };
  }
  // Publishing fails fast while Redis is down; subscribing waits in ioredis's queue for the reconnect.
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Without listeners ioredis reports every failed reconnect as an unhandled error event.
  publishClient.on('error', () => {});
  subscribeClient.on('error', () => {});
  // The event target fires publish() without awaiting it, so a publish during an outage would be an
  // unhandled rejection. It only ever calls publish on this client.
  const publisher = {
    publish: (channel: string, message: string) => publishClient.publish(channel, message).catch(() => 0),
  };
  const eventTarget = createRedisEventTarget<never>({
    publishClient: publisher as unknown as Redis,
    subscribeClient,
  });
  const pubsub = createPubSub<Topics>({ eventTarget });
  return {
    pubsub,
    kind: 'redis',
    healthy: async () => publishClient.status === 'ready' && (await publishClient.ping().catch(() => '')) === 'PONG',
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
