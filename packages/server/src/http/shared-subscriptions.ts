// One execution per event for every subscriber who would get the same answer. A live session has
// thousands of members watching one tally: executing the selection once per subscriber per event cost
// about 150 µs each, so one vote kept the process busy for most of a second. Subscribers to the same
// operation (same document and variables) with the same standing (kind of caller, and roles in each
// community) share one "hub": the first one's stream is executed, and its results go to all of them.
import { getOperationAST, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { Repeater } from 'graphql-yoga';
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
  return new Repeater<ExecutionResult>(async (push, stop) => {
    // A follower hears the hub from now on, but says its own first snapshot before anything it heard.
    let heard: ExecutionResult[] | null = existing ? [] : null;
    const listener: Listener = {
      push: (result) => (heard ? heard.push(result) : void push(result)),
      end: (error) => stop(error),
    };
    hub.listeners.add(listener);
    try {
      if (existing) {
        const first = await own.next();
        void own.return?.();
        if (first.done) return;
        await push(first.value);
        for (const result of heard!) await push(result);
        heard = null;
      }
      await stop;
    } finally {
      hub.detach(listener);
    }
  });
}
