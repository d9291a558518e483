import type { HttpRoute } from './routes.js';
import { json } from './routes.js';

const photoTypes: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const healthRoute: HttpRoute = {
  method: 'GET',
  pattern: /^\/health$/,
  rateLimited: false,
  async handle(_request, ctx) {
    const database = await ctx.db.$queryRawUnsafe('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const events = (await ctx.eventBus.healthy()) ? 'up' : 'down';
    const ok = database === 'up';
    return json(
      { status: ok ? 'ok' : 'degraded', database, databaseProvider: ctx.provider, events, eventsKind: ctx.eventBus.kind },
      { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
    );
  },
};

// Photo keys are 128-bit random names, so a photo's address is its permission to see it.
export const photoRoute: HttpRoute = {
  method: 'GET',
  pattern: /^\/uploads\/([a-f0-9]{32}\.(jpg|png|webp))$/,
  rateLimited: true,
  async handle(_request, ctx, match) {
    const bytes = await ctx.storage.read(match[1]!);
    if (!bytes) return new Response('Not found', { status: 404 });
    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': photoTypes[match[2]!]!,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
    });
  },
};
