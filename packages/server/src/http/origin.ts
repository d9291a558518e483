/**
 * Browsers always send Origin on WebSocket upgrades and cross-site requests. A page may talk to us only
 * from our own origin or one the operator listed; clients that send no Origin (servers, scripts) are not
 * browsers, so no other site's page can be riding on their cookies.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
