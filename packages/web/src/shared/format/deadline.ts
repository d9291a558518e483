// How long is left to answer a concern, or how long it is overdue, in the units people count in:
// hours within the last day, whole days otherwise. "还剩 2 天" reads better than a date to most residents;
// the exact date goes in the tooltip.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DeadlineState =
  | { kind: 'left'; unit: 'day' | 'hour'; count: number }
  | { kind: 'overdue'; unit: 'day' | 'hour'; count: number };

export function deadlineState(deadlineAt: string | number | Date, now: Date = new Date()): DeadlineState | null {
  const deadline = new Date(deadlineAt).getTime();
  if (Number.isNaN(deadline)) return null;
  const difference = deadline - now.getTime();
  if (difference >= 0) {
    // Round up: with 30 hours left, "2 days left" is truer than "1 day left".
    if (difference < DAY) return { kind: 'left', unit: 'hour', count: Math.max(1, Math.ceil(difference / HOUR)) };
    return { kind: 'left', unit: 'day', count: Math.ceil(difference / DAY) };
  }
  const late = -difference;
  // Round down: a concern 30 hours late is "1 day overdue", as people say.
  if (late < DAY) return { kind: 'overdue', unit: 'hour', count: Math.max(1, Math.floor(late / HOUR)) };
  return { kind: 'overdue', unit: 'day', count: Math.floor(late / DAY) };
}
