import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Viewer } from '../context.js';

type Stream = AsyncIterableIterator<ExecutionResult>;

/**
 * How many subscriptions each API token holds open, over all its connections (WebSocket and SSE) to
 * this process. A third party that opens subscriptions in a loop hits the cap instead of our memory.
 * Counted per process: behind a load balancer each process allows the cap.
 */
export class SubscriptionSlots {
  private readonly held = new Map<number, number>();

  constructor(readonly perToken: number) {}

  heldBy(tokenId: number): number {
    return this.held.get(tokenId) ?? 0;
  }

  /** A release function, or null when the token already holds its cap. */
  acquire(tokenId: number): (() => void) | null {
    const count = this.heldBy(tokenId);
    if (count >= this.perToken) return null;
    this.held.set(tokenId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.heldBy(tokenId) - 1;
      if (left > 0) this.held.set(tokenId, left);
      else this.held.delete(tokenId);
    };
  }

  /**
   * Runs `subscribe` holding one of the token's slots for as long as the stream it returns is open.
   * Members and the system are not counted here (members have the per-connection cap).
   */
  async hold(viewer: Viewer, subscribe: () => Promise<Stream | ExecutionResult> | Stream | ExecutionResult): Promise<Stream | ExecutionResult> {
    if (viewer.kind !== 'token') return subscribe();
    const release = this.acquire(viewer.tokenId);
    if (!release) {
      return {
        errors: [
          new GraphQLError(`This API token already holds ${this.perToken} subscriptions; end one before starting another`, {
            extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: this.perToken },
          }),
        ],
      };
    }
    let result: Stream | ExecutionResult;
    try {
      result = await subscribe();
    } catch (error) {
      release();
      throw error;
    }
    if (!isStream(result)) {
      release();
      return result;
    }
    return releasing(result, release);
  }
}

const isStream = (value: unknown): value is Stream => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** The same stream, calling `release` once when it ends, fails, or its consumer stops it. */
function releasing(stream: Stream, release: () => void): Stream {
  const wrapped: Stream = {
    [Symbol.asyncIterator]: () => wrapped,
    async next() {
      try {
        const step = await stream.next();
        if (step.done) release();
        return step;
      } catch (error) {
        release();
        throw error;
      }
    },
    async return(value?: unknown) {
      release();
      return (await stream.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      release();
      if (stream.throw) return stream.throw(error);
      throw error;
    },
  };
  return wrapped;
}
