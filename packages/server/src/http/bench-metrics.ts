// Measurements of this process for `pnpm bench` and the reliability tests, on when BENCH_METRICS=true
// and answering 404 otherwise: CPU time, memory, event-loop delay and the number of SQL statements.
// GET /__bench reads them; ?gc=1 collects garbage first (for heap comparisons), ?reset=1 starts the
// event-loop histogram and the statement count afresh after the reading.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { HttpRoute } from './routes.js';
import { json } from './routes.js';

let statements = 0;
let loopDelay: IntervalHistogram | undefined;
let collectGarbage: (() => void) | undefined;

/** Counts one SQL statement; main.ts passes it to openDatabase when bench metrics are on. */
export function countStatement(): void {
  statements++;
}

/** Starts the event-loop delay histogram; called once at start-up when bench metrics are on. */
export function startBenchMetrics(): void {
  loopDelay ??= monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
}

function gc(): void {
  if (!collectGarbage) {
    // The flag may be set at run time; gc() then exists in contexts created afterwards.
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
  }
  collectGarbage();
  collectGarbage();
}

const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;

export const benchMetricsRoute: HttpRoute = {
  method: 'GET',
  pattern: /^\/__bench$/,
  rateLimited: false,
  async handle(request, ctx) {
    if (!ctx.config.BENCH_METRICS) return new Response('Not found', { status: 404 });
    const params = new URL(request.url).searchParams;
    if (params.get('gc') === '1') gc();
    const histogram = loopDelay;
    const reading = {
      pid: process.pid,
      uptimeSeconds: process.uptime(),
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      eventLoopDelayMs: histogram
        ? {
            p50: ms(histogram.percentile(50)),
            p99: ms(histogram.percentile(99)),
            max: ms(histogram.max),
            mean: ms(histogram.mean),
          }
        : null,
      statements,
    };
    if (params.get('reset') === '1') {
      histogram?.reset();
      statements = 0;
    }
    return json(reading, { headers: { 'cache-control': 'no-store' } });
  },
};
