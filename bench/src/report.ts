// The one table `pnpm bench` prints (Markdown, so the README can carry it as it is) and the goals it
// compares against. Goals are targets for the table, not tests that fail CI.
import type { BoardFigures, FanoutFigures, IdleFigures, ThroughputFigures, VoteFigures } from './scenarios.js';

export interface Results {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds?: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; pinned: boolean; os: string };
  data: Record<string, number>;
  baselines?: { raw: ThroughputFigures; yoga: ThroughputFigures; yogaToRaw: number };
  s1?: BoardFigures & { ratioToYoga: number };
  s2?: VoteFigures;
  s3?: VoteFigures & { events: string };
  s4?: FanoutFigures[];
  s5?: IdleFigures;
  goals?: Goal[];
  notes: string[];
}

export interface Goal {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
const ms = (value: number) => `${n(value)} ms`;

export function goals(results: Results): Goal[] {
  const list: Goal[] = [];
  if (results.s1) {
    list.push({ name: 'S1 board vs bare yoga', goal: '≥ 0.5×', measured: `${results.s1.ratioToYoga}×`, met: results.s1.ratioToYoga >= 0.5 });
    list.push({ name: 'S1 SQL statements', goal: '≤ 5', measured: n(results.s1.statementsOneRequest), met: results.s1.statementsOneRequest <= 5 });
  }
  if (results.s2) list.push({ name: 'S2 castVote on SQLite', goal: '≥ 2,000 votes/s', measured: `${n(results.s2.maxPerSecond)} votes/s`, met: results.s2.maxPerSecond >= 2000 });
  for (const run of results.s4 ?? []) {
    const limit = run.subscribers >= 5000 ? 250 : 50;
    const delivered = run.delivered === 1;
    list.push({
      name: `S4 ${n(run.subscribers)} subscribers`,
      goal: `p99 ≤ ${limit} ms${run.subscribers >= 5000 ? ', 100% delivered' : ''}`,
      measured: `p99 ${ms(run.latency.p99Ms)}, ${pct(run.delivered)} delivered`,
      met: run.latency.p99Ms <= limit && (run.subscribers < 5000 || delivered),
    });
  }
  if (results.s5) list.push({ name: 'S5 10,000 idle sockets', goal: '< 500 MB RSS', measured: `${n(results.s5.rssMB)} MB`, met: results.s5.rssMB < 500 });
  return list;
}

const pct = (fraction: number) => `${Math.floor(fraction * 10000) / 100}%`;

export function table(results: Results): string {
  const rows: string[][] = [];
  const row = (scenario: string, figure: string, measured: string, target = '') => rows.push([scenario, figure, measured, target]);
  const { baselines, s1, s2, s3, s4, s5 } = results;
  const mark = (met: boolean) => (met ? '✅ ' : '❌ ');
  if (baselines) {
    row('Baseline: raw node:http, fixed JSON', 'requests/s · p50 · p99', `${n(baselines.raw.perSecond)} · ${ms(baselines.raw.p50Ms)} · ${ms(baselines.raw.p99Ms)}`);
    row('', 'server CPU per request', `${n(baselines.raw.cpuMicrosPerRequest)} µs`);
    row('Baseline: bare yoga, { hello }', 'requests/s · p50 · p99', `${n(baselines.yoga.perSecond)} · ${ms(baselines.yoga.p50Ms)} · ${ms(baselines.yoga.p99Ms)}`);
    row('', 'ratio to raw node:http', `${baselines.yogaToRaw}×`, 'anchor: Yoga 5 ≈ 0.42× raw (with graphql-jit)');
    row('', 'server CPU per request', `${n(baselines.yoga.cpuMicrosPerRequest)} µs`);
  }
  if (s1) {
    row('S1 board: 20 concerns + counts + reporter', 'requests/s · p50 · p99', `${n(s1.perSecond)} · ${ms(s1.p50Ms)} · ${ms(s1.p99Ms)}`);
    row('', 'ratio to bare yoga', `${s1.ratioToYoga}×`, `${mark(s1.ratioToYoga >= 0.5)}goal ≥ 0.5×`);
    row('', 'SQL statements per request', `${n(s1.statementsOneRequest)} (${n(s1.statementsPerRequest)} avg under load)`, `${mark(s1.statementsOneRequest <= 5)}goal ≤ 5`);
    row('', 'server CPU per request', `${n(s1.cpuMicrosPerRequest)} µs`);
  }
  const votes = (label: string, figures: VoteFigures, goal: string) => {
    row(label, 'max votes/s (closed loop) · p99', `${n(figures.maxPerSecond)} · ${ms(figures.maxP99Ms)}`, goal);
    row(
      '',
      `at 50% load (${n(figures.halfLoad.rate)}/s): p50 · p99 · max`,
      `${ms(figures.halfLoad.p50Ms)} · ${ms(figures.halfLoad.p99Ms)} · ${ms(figures.halfLoad.maxMs)}${figures.halfLoad.failed ? ` (${figures.halfLoad.failed} failed)` : ''}`,
    );
    row('', 'server CPU per vote', `${n(figures.cpuMicrosPerVote)} µs`);
  };
  if (s2) votes('S2 castVote, SQLite', s2, `${mark(s2.maxPerSecond >= 2000)}goal ≥ 2,000/s; anchor: better-sqlite3 WAL ≈ 60,000 inserts/s`);
  if (s3) votes(`S3 castVote, PostgreSQL${s3.events === 'redis' ? ' + Redis' : ''}`, s3, '');
  for (const run of s4 ?? []) {
    const limit = run.subscribers >= 5000 ? 250 : 50;
    const label = `S4 fan-out: ${n(run.subscribers)} subscribers, ${run.votesPerSecond} vote/s`;
    row(label, 'vote → every subscriber: p50 · p99 · max', `${ms(run.latency.p50Ms)} · ${ms(run.latency.p99Ms)} · ${ms(run.latency.maxMs)}`, `${mark(run.latency.p99Ms <= limit)}goal p99 ≤ ${limit} ms`);
    row('', 'delivered', `${pct(run.delivered)} of ${n(run.votes * run.connected)} (${n(run.connected)} connected)`, run.subscribers >= 5000 ? `${mark(run.delivered === 1)}goal 100%` : '');
    if (run.eventLoopDelayMs) row('', 'event-loop delay: p50 · p99 · max', `${ms(run.eventLoopDelayMs.p50)} · ${ms(run.eventLoopDelayMs.p99)} · ${ms(run.eventLoopDelayMs.max)}`);
    row('', 'memory per socket: RSS · heap', `${n(run.rssKiBPerSocket)} KiB · ${n(run.heapKiBPerSocket)} KiB`);
    row('', 'server CPU per vote · per delivery', `${n(run.cpuMicrosPerVote)} µs · ${n(run.cpuMicrosPerDelivery)} µs`, run.subscribers >= 5000 ? 'anchors: Hasura 5,000 live queries/vCPU, < 1 s avg (polls); Decidim polls every 5 s' : '');
  }
  if (s5) {
    row(`S5: ${n(s5.sockets)} idle sockets`, 'server RSS (before the sockets)', `${n(s5.rssMB)} MB (${n(s5.rssMBBefore)} MB)`, `${mark(s5.rssMB < 500)}goal < 500 MB`);
    row('', 'per socket: RSS', `${n(s5.rssKiBPerSocket)} KiB (${n(s5.connected)} connected in ${n(s5.connectSeconds)} s)`);
  }
  const header = ['Scenario', 'Figure', 'Measured', 'Goal / anchor'];
  const widths = header.map((title, i) => Math.max(width(title), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// East Asian wide characters and emoji take two columns in a terminal.
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u2705\u274c]/u.test(char) ? 2 : 1;
  return columns;
}
