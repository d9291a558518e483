// Calendar months in a community's time zone, as instants: a concern reported at 23:30 on 31 October in
// Shanghai belongs to October there, though it is still October only until 16:00 UTC.

export interface MonthSpan {
  /** "2026-11" */
  key: string;
  start: Date;
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant the given month (1–12) begins in the zone. */
export function monthStart(year: number, month: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, 1);
  // Twice: the offset at the guessed instant may differ from the offset at the true one (DST).
  let at = wall - offsetAt(new Date(wall), timeZone);
  at = wall - offsetAt(new Date(at), timeZone);
  return new Date(at);
}

export function monthKey(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The months that [from, to) touches, each clipped to [from, to). */
export function monthsBetween(from: Date, to: Date, timeZone: string): MonthSpan[] {
  const spans: MonthSpan[] = [];
  const first = partsIn(from, timeZone);
  let year = first.year;
  let month = first.month;
  for (;;) {
    const start = monthStart(year, month, timeZone);
    if (start.getTime() >= to.getTime()) break;
    const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const end = monthStart(nextYear, nextMonth, timeZone);
    spans.push({
      key: `${year}-${String(month).padStart(2, '0')}`,
      start: new Date(Math.max(start.getTime(), from.getTime())),
      end: new Date(Math.min(end.getTime(), to.getTime())),
    });
    [year, month] = [nextYear, nextMonth];
  }
  return spans;
}

/** "2026-11-28 17:05:09": a wall-clock time in the zone, as spreadsheets read it. */
export function localDateTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** "2026-11-28T17:05:09+08:00": ISO 8601 with the zone's offset at that instant (Open311, feeds). */
export function isoWithOffset(date: Date, timeZone: string): string {
  const offsetMinutes = Math.round(offsetAt(date, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const two = (n: number) => String(n).padStart(2, '0');
  const zone = `${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  return `${localDateTime(date, timeZone).replace(' ', 'T')}${zone}`;
}
