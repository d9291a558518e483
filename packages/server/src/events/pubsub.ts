import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Topics } from './topics.js';

export type TopicPayload<K extends keyof Topics> = Topics[K][1];

export interface Listening {
  /**
   * Resolves once events published by any process reach this listener: at once in memory, when Redis
   * has confirmed the channel otherwise. A Redis outage does not hold it for more than a few seconds.
   */
  ready: Promise<void>;
  close(): void;
}

export interface AppPubSub extends PubSub<Topics> {
  /**
   * Hears every event on (topic, id) from this call on. Unlike `subscribe`, whose iterator listens only
   * once it is first read, this listens at once, so a caller can read the current state after `ready`
   * and miss nothing in between.
   */
  listen<K extends keyof Topics>(topic: K, id: Topics[K][0], onEvent: (payload: TopicPayload<K>) => void): Listening;
}

export interface PubSubHandle {
  pubsub: AppPubSub;
  /** Whether events cross processes (Redis) or stay in this one. */
  kind: 'memory' | 'redis';
  /** Resolves when Redis answers; always true in memory. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

const readyTimeoutMs = 3000;

/** The channel createPubSub uses for a topic and id. */
const channelOf = (topic: string, id: unknown) => `${topic}:${String(id)}`;

/**
 * Redis channels are shared by everything that uses the Redis server, and ids restart in every
 * database: processes serve the same events only when they serve the same database, so its name
 * scopes the channels (two test databases, or two deployments on one Redis, never cross).
 */
export function channelNamespace(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return `yishi:${new URL(databaseUrl).pathname.slice(1)}:`;
  return `yishi:${databaseUrl.replace(/^file:/, '')}:`;
}

interface EventTargetLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  dispatchEvent(event: Event): boolean;
}

function withListen(
  eventTarget: EventTargetLike,
  confirmed: (channel: string) => Promise<unknown>,
): AppPubSub {
  const pubsub = createPubSub<Topics>({ eventTarget: eventTarget as EventTarget });
  return {
    publish: pubsub.publish,
    subscribe: pubsub.subscribe,
    listen(topic, id, onEvent) {
      const channel = channelOf(topic, id);
      const listener = (event: Event) => onEvent((event as CustomEvent).detail);
      eventTarget.addEventListener(channel, listener);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, readyTimeoutMs);
        timer.unref();
      });
      const ready = Promise.race([confirmed(channel).then(() => undefined), timeout]).finally(() => clearTimeout(timer));
      return { ready, close: () => eventTarget.removeEventListener(channel, listener) };
    },
  };
}

/**
 * In memory when redisUrl is unset: one process alone. With Redis, yoga's Redis event target, so any
 * number of server processes share events; payloads cross as JSON, so snapshots hold no Date or Map.
 * ioredis reconnects and re-subscribes by itself after a Redis restart; publishes made while Redis is
 * down are lost, which clients survive because every event is a full snapshot and a reconnecting client
 * re-queries.
 */
export function createAppPubSub(redisUrl: string | undefined, namespace = 'yishi:'): PubSubHandle {
  if (!redisUrl) {
    return {
      pubsub: withListen(new EventTarget(), async () => {}),
      kind: 'memory',
      healthy: async () => true,
      close: async () => {},
    };
  }
  // Publishing fails fast while Redis is down; subscribing waits in ioredis's queue for the reconnect.
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Without listeners ioredis reports every failed reconnect as an unhandled error event.
  publishClient.on('error', () => {});
  subscribeClient.on('error', () => {});

  // The event target calls these three methods only. They add the namespace, catch what the target
  // leaves unawaited (a publish or subscribe during an outage would be an unhandled rejection), and
  // remember when Redis confirmed each channel, for `listen`'s `ready`.
  const confirmations = new Map<string, Promise<unknown>>();
  const publisher = {
    publish: (channel: string, message: string) => publishClient.publish(namespace + channel, message).catch(() => 0),
  };
  const subscriber = {
    on: (event: 'message', handle: (channel: string, message: string) => void) =>
      subscribeClient.on(event, (channel: string, message: string) => {
        if (channel.startsWith(namespace)) handle(channel.slice(namespace.length), message);
      }),
    subscribe: (channel: string) => {
      const confirmed = subscribeClient.subscribe(namespace + channel).catch(() => 0);
      confirmations.set(channel, confirmed);
      return confirmed;
    },
    unsubscribe: (channel: string) => {
      confirmations.delete(channel);
      return subscribeClient.unsubscribe(namespace + channel).catch(() => 0);
    },
  };
  const eventTarget = createRedisEventTarget<never>({
    publishClient: publisher as unknown as Redis,
    subscribeClient: subscriber as unknown as Redis,
  });
  return {
    pubsub: withListen(eventTarget as EventTargetLike, async (channel) => confirmations.get(channel)),
    kind: 'redis',
    healthy: async () => publishClient.status === 'ready' && (await publishClient.ping().catch(() => '')) === 'PONG',
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
