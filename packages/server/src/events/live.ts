import { Repeater } from 'graphql-yoga';
import type { AppPubSub, TopicPayload } from './pubsub.js';
import type { Topics } from './topics.js';

let lastVersion = 0;

/**
 * A version for snapshots that have no row version of their own (presence, hands, counters): it
 * increases within a process, and across processes as far as their clocks agree.
 */
export function clockVersion(): number {
  lastVersion = Math.max(Date.now(), lastVersion + 1);
  return lastVersion;
}

/** Events on another topic that mean the snapshot changed, e.g. a new proposal on an agenda item's concern. */
export type ChangeSignal = {
  [T in keyof Topics]: { topic: T; id: Topics[T][0]; matches(payload: TopicPayload<T>): boolean };
}[keyof Topics];

export interface LiveOptions<Snapshot> {
  /** Runs once the subscriber listens, before the first snapshot: e.g. entering a session room. */
  enter?(): Promise<void>;
  /** Runs when the subscriber leaves for any reason: it completed, or its socket closed. */
  leave?(): Promise<void>;
  /** On a matching event there, the current snapshot is read again and sent when it is newer. */
  alsoOn?: ChangeSignal;
  /** The events are about different things (the concerns of a board), so none is dropped as older. */
  unordered?: boolean;
  /** Whether a snapshot is the last there will be (a closed vote): the subscription completes after it. */
  isLast?(snapshot: Snapshot): boolean;
}

/**
 * What a subscription yields: first the current snapshot (when `current` has one), then every newer
 * snapshot published on (topic, id). It listens before reading the current state, so no event falls in
 * between; a snapshot older than one already sent is dropped. A Repeater, not an async generator,
 * so a subscriber that leaves while nothing is published is let go at once.
 */
export function liveSnapshots<K extends keyof Topics>(
  pubsub: AppPubSub,
  topic: K,
  id: Topics[K][0],
  current: () => Promise<TopicPayload<K> | null>,
  options: LiveOptions<TopicPayload<K>> = {},
): AsyncGenerator<TopicPayload<K>> {
  return new Repeater<TopicPayload<K>>(async (push, stop) => {
    // A subscriber may leave while the first snapshot is still being read (or the server is closing):
    // what happens after that is nobody's business.
    let stopped = false;
    void stop.then(() => (stopped = true));
    let sent: number | undefined;
    const offer = (snapshot: TopicPayload<K>) => {
      if (!options.unordered && sent !== undefined && snapshot.version < sent) return;
      sent = snapshot.version;
      void push(snapshot);
      if (options.isLast?.(snapshot)) stop();
    };
    const listening = [pubsub.listen(topic, id, offer)];
    const signal = options.alsoOn as { topic: K; id: Topics[K][0]; matches(payload: TopicPayload<K>): boolean } | undefined;
    if (signal) {
      const reread = (payload: TopicPayload<K>) => {
        if (!signal.matches(payload)) return;
        current().then(
          (snapshot) => snapshot && offer(snapshot),
          (error: unknown) => stopped || stop(error),
        );
      };
      listening.push(pubsub.listen(signal.topic, signal.id, reread));
    }
    let entered = false;
    try {
      await Promise.all(listening.map((one) => one.ready));
      if (stopped) return;
      if (options.enter) {
        await options.enter();
        entered = true;
      }
      const now = await current();
      if (now) offer(now);
      await stop;
    } catch (error) {
      if (!stopped) throw error;
    } finally {
      for (const one of listening) one.close();
      if (entered) await options.leave?.();
    }
  });
}
