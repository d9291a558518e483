// HTTP load: closed loop with autocannon (the most a server can do), and an open loop at a fixed
// rate whose latencies count from when each request was due, so a stalled server cannot hide its
// queue (no coordinated omission).
import http from 'node:http';
import autocannon from 'autocannon';
import { newHistogram, summarize, type LatencySummary } from './stats.js';

export interface GraphQLRequest {
  headers: Record<string, string>;
  body: string;
}

export interface ClosedLoopResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  durationSeconds: number;
}

/** As many requests as `connections` clients can send back to back; `next` shapes each one. */
export async function closedLoop(url: string, options: { connections: number; seconds: number; next: () => GraphQLRequest }): Promise<ClosedLoopResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { headers, body } = options.next();
          return { ...request, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
        },
      },
    ],
  });
  const served = result['2xx'];
  return {
    requests: served,
    perSecond: served / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    durationSeconds: result.duration,
  };
}

export interface OpenLoopResult {
  sent: number;
  ok: number;
  failed: number;
  perSecond: number;
  latency: LatencySummary;
  firstFailure?: string;
}

/**
 * `rate` requests a second for `seconds`, whatever the server does. A response counts as ok when
 * `accept` says so (e.g. the mutation's success type); latency runs from the due time to the last byte.
 */
export async function openLoop(
  url: string,
  options: { rate: number; seconds: number; next: () => GraphQLRequest; accept: (status: number, body: string) => boolean },
): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const histogram = newHistogram();
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  let sent = 0;
  let ok = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let finished = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const done = () => {
      if (++finished === total) resolve();
    };
    const send = (dueAt: number) => {
      const { headers, body } = options.next();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => {
            histogram.recordValue(Math.max(1, Math.round((performance.now() - dueAt) * 1000)));
            if (options.accept(response.statusCode ?? 0, text)) ok++;
            else {
              failed++;
              firstFailure ??= `${response.statusCode}: ${text.slice(0, 300)}`;
            }
            done();
          });
        },
      );
      request.on('error', (error) => {
        failed++;
        firstFailure ??= error.message;
        done();
      });
      request.end(body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
      while (sent < due) {
        send(started + sent * interval);
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { sent, ok, failed, perSecond: ok / elapsed, latency: summarize(histogram), firstFailure };
}

/** One request, for checking that a scenario's request does what it should before loading it. */
export async function postOnce(url: string, request: GraphQLRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
  return { status: response.status, body: await response.text() };
}
