// <input type="date"> speaks "2026-11-28" in the reader's own time zone; the API speaks instants.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant, as a date input's value. */
export function toDateInputValue(input: string | Date): string {
  const date = new Date(input);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of that local day as an ISO instant, or null for an empty or malformed value. */
export function fromDateInputValue(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3]) ? null : date.toISOString();
}

/** A day `days` after the given one, for sensible defaults (e.g. a review a year on). */
export function addDays(input: string | Date, days: number): Date {
  const date = new Date(input);
  date.setDate(date.getDate() + days);
  return date;
}
