// One execution per event for every subscriber who would get the same answer. A live session has
// thousands of members watching one tally: executing the selection once per subscriber per event cost
// about 150 µs each, so one vote kept the process busy for most of a second. Subscribers to the same
// operation (same document and variables) with the same standing (kind of caller, and roles in each
// community) share one "hub": the first one's stream is executed, and its results go to all of them.
import { getOperationAST, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Viewer } from '../context.js';

/** Root subscription fields whose events read the same for everyone of the same standing. */
export const sharedSubscriptionFields = new Set(['tally']);

type Stream = AsyncIterableIterator<ExecutionResult>;
type Subscribe = (args: ExecutionArgs) => Promise<Stream | ExecutionResult> | Stream | ExecutionResult;

interface Listener {
  push(result: ExecutionResult): void;
  end(error?: unknown): void;
}

class Hub {
  readonly listeners = new Set<Listener>();

  constructor(
    private readonly key: string,
    private readonly source: Stream,
  ) {
    void this.pump();
  }

  private async pump() {
    let failure: unknown;
    try {
      for (let next = await this.source.next(); !next.done; next = await this.source.next()) {
        for (const listener of this.listeners) listener.push(next.value);
      }
    } catch (error) {
      failure = error;
    }
    if (hubs.get(this.key) === this) hubs.delete(this.key);
    for (const listener of this.listeners) listener.end(failure);
  }

  detach(listener: Listener) {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) {
      if (hubs.get(this.key) === this) hubs.delete(this.key);
      void this.source.return?.();
    }
  }
}

const hubs = new Map<string, Hub>();

/** What a subscriber may see depends on this and nothing else about them (not their user id). */
function standingOf(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'user':
      return `user:${[...viewer.memberships.values()].map((m) => `${m.communityId}/${m.role}/${m.groupId ?? ''}`).sort().join(',')}`;
    case 'token':
      return `token:${viewer.communityId}:${[...viewer.scopes].sort().join(',')}`;
    default:
      return viewer.kind;
  }
}

function shareKey(args: ExecutionArgs): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  const fields = operation?.operation === 'subscription' ? operation.selectionSet.selections : [];
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only?.kind !== 'Field' || !sharedSubscriptionFields.has(only.name.value)) return null;
  const viewer = (args.contextValue as { viewer?: Viewer } | undefined)?.viewer;
  if (!viewer) return null;
  return JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? {}, standingOf(viewer)]);
}

const isStream = (value: unknown): value is Stream => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Subscribes as `subscribe` would; for a shared field, every subscriber still runs its own subscribe
 * (so authorization and the first, current snapshot are its own), then follows the hub of its kind.
 */
export async function sharedSubscribe(args: ExecutionArgs, subscribe: Subscribe): Promise<Stream | ExecutionResult> {
  const key = shareKey(args);
  const own = await subscribe(args);
  if (key === null || !isStream(own)) return own;
  const existing = hubs.get(key);
  const hub = existing ?? new Hub(key, own);
  if (!existing) hubs.set(key, hub);
  const feed = new Feed(() => hub.detach(listener));
  // A follower hears the hub from now on, but says its own first snapshot before anything it heard.
  let heard: ExecutionResult[] | null = existing ? [] : null;
  const listener: Listener = {
    push: (result) => (heard ? heard.push(result) : feed.push(result)),
    end: (error) => feed.end(error),
  };
  hub.listeners.add(listener);
  if (existing) {
    own.next().then(
      (first) => {
        void own.return?.();
        if (first.done) return feed.end();
        feed.push(first.value);
        for (const result of heard!) feed.push(result);
        heard = null;
      },
      (error: unknown) => feed.end(error),
    );
  }
  return feed;
}

/**
 * One subscriber's queue of results. Every event passes through one of these per socket, so it is a
 * plain queue and one pending promise: a Repeater cost about 9% of the fan-out's CPU in the profile.
 * Like a Repeater, it hands over what was queued before it ends (with the error, if any).
 */
const maxQueuedResults = 256;

class Feed implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private waiting: { resolve(result: IteratorResult<ExecutionResult>): void; reject(error: unknown): void } | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;

  constructor(private readonly onEnd: () => void) {}

  push(value: ExecutionResult): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting.resolve({ done: false, value });
      return;
    }
    // A socket that stopped reading must not hold results forever. Shared fields publish whole
    // snapshots, so when one falls this far behind, the newest supersede the oldest.
    if (this.queue.length >= maxQueuedResults) this.queue.shift();
    this.queue.push(value);
  }

  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) this.settleEnded(waiting);
    this.onEnd();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.queue.length > 0) return Promise.resolve({ done: false, value: this.queue.shift()! });
    return new Promise((resolve, reject) => {
      if (this.ended) this.settleEnded({ resolve, reject });
      else this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.queue.length = 0;
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** The error once, then done for good. */
  private settleEnded(waiting: { resolve(result: IteratorResult<ExecutionResult>): void; reject(error: unknown): void }) {
    const failure = this.failure;
    this.failure = null;
    if (failure) waiting.reject(failure.error);
    else waiting.resolve({ done: true, value: undefined });
  }
}
