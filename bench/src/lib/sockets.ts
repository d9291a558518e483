// Many graphql-ws connections spread over child processes (socket-worker.ts), which share the load
// generator's core.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerCommand, WorkerReply } from './socket-worker.js';

const workerPath = fileURLToPath(new URL('./socket-worker.ts', import.meta.url));

class Worker {
  private readonly waiting: ((reply: WorkerReply) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => this.waiting.shift()?.(reply));
  }
  ask<T extends WorkerReply['type']>(command: WorkerCommand): Promise<Extract<WorkerReply, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting.push(resolve as (reply: WorkerReply) => void);
      this.child.send(command);
    });
  }
}

export interface FleetOptions {
  /** The cookie of each connection; their number is the number of connections. */
  cookies: string[];
  subscribe?: { query: string; variables: Record<string, unknown>; watch: string };
  workers?: number;
}

export class SocketFleet {
  private constructor(
    private readonly workers: Worker[],
    readonly ready: number,
    readonly failed: number,
    readonly firstFailure: string | undefined,
    readonly openSeconds: number,
  ) {}

  static async open(httpUrl: string, options: FleetOptions): Promise<SocketFleet> {
    const count = options.workers ?? Math.max(1, Math.min(4, Math.ceil(options.cookies.length / 2500)));
    const workers = Array.from({ length: count }, () => new Worker(fork(workerPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
    const url = `${httpUrl.replace(/^http/, 'ws')}/graphql`;
    const started = performance.now();
    const replies = await Promise.all(
      workers.map((worker, w) =>
        worker.ask<'opened'>({
          type: 'open',
          url,
          cookies: options.cookies.filter((_, i) => i % count === w),
          subscribe: options.subscribe,
          concurrency: 50,
        }),
      ),
    );
    const openSeconds = (performance.now() - started) / 1000;
    const sum = (pick: (reply: (typeof replies)[number]) => number) => replies.reduce((total, reply) => total + pick(reply), 0);
    return new SocketFleet(workers, sum((r) => r.ready), sum((r) => r.failed), replies.find((r) => r.firstFailure)?.firstFailure, openSeconds);
  }

  /** Drops what was received so far (e.g. after a warm-up). */
  async forget(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.ask<'forgotten'>({ type: 'forget' })));
  }

  async latencies(votes: { target: number; sentAt: number }[]) {
    const replies = await Promise.all(this.workers.map((worker) => worker.ask<'latencies'>({ type: 'latencies', votes })));
    return {
      samples: replies.flatMap((reply) => reply.samples),
      expected: replies.reduce((total, reply) => total + reply.expected, 0),
      delivered: replies.reduce((total, reply) => total + reply.delivered, 0),
    };
  }

  async close(): Promise<Record<string, number>> {
    const replies = await Promise.all(this.workers.map((worker) => worker.ask<'closed'>({ type: 'close' })));
    for (const worker of this.workers) worker.child.kill();
    const codes: Record<string, number> = {};
    for (const reply of replies) for (const [code, n] of Object.entries(reply.closeCodes)) codes[code] = (codes[code] ?? 0) + n;
    return codes;
  }
}
