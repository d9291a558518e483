// A GraphQL subscription over server-sent events, in process through yoga.fetch: the same path the
// authorization matrix tries subscriptions on, with each event handed to the test as it arrives.
import type { Caller, GraphQLResult, TestApp } from './harness.js';
import { callerHeaders } from './harness.js';

export interface SseSubscription {
  /** The next event's payload; rejects after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<Omit<GraphQLResult, 'status' | 'headers'>>;
  /** Resolves when the server ends the stream, with the events not yet taken. */
  ended(timeoutMs?: number): Promise<Omit<GraphQLResult, 'status' | 'headers'>[]>;
  close(): void;
}

export async function subscribeSse(t: TestApp, query: string, variables: Record<string, unknown>, as: Caller): Promise<SseSubscription> {
  const controller = new AbortController();
  const response = await t.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...callerHeaders(as) },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const queue: Omit<GraphQLResult, 'status' | 'headers'>[] = [];
  let buffer = '';
  let done = false;
  let wake: (() => void) | undefined;

  void (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = message.match(/^event: (.*)$/m)?.[1];
          const data = message.match(/^data: (.*)$/m)?.[1];
          if (event === 'complete') done = true;
          else if (data) queue.push(JSON.parse(data) as Omit<GraphQLResult, 'status' | 'headers'>);
          wake?.();
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      done = true;
      wake?.();
    }
  })();

  const waitFor = async (ready: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, left);
      });
    }
  };

  return {
    async next(timeoutMs = 3000) {
      await waitFor(() => queue.length > 0 || done, timeoutMs, 'event');
      const event = queue.shift();
      if (!event) throw new Error('the stream ended without another event');
      return event;
    },
    async ended(timeoutMs = 3000) {
      await waitFor(() => done, timeoutMs, 'end of stream');
      return queue.splice(0);
    },
    close() {
      controller.abort();
      void reader.cancel().catch(() => {});
    },
  };
}
