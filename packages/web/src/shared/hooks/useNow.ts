import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` (a minute by default), so "还剩 2 小时" and "已超期"
 * stay true on a page left open. One timer per component that asks.
 */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
