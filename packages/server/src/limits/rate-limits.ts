import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import { RateLimitedError } from '../errors.js';

/** Each kind of limit: how many points a key may spend per window. */
export const limitPolicies = {
  loginPerIp: { points: 30, duration: 10 * 60 },
  loginPerName: { points: 10, duration: 15 * 60 },
  registerPerIp: { points: 10, duration: 60 * 60 },
  uploadPerUser: { points: 60, duration: 60 * 60 },
  // GraphQL requests by kind of caller (issue: third parties get tighter limits than our own app).
  anonymousPerIp: { points: 120, duration: 60 },
  memberPerUser: { points: 1200, duration: 60 },
  tokenPerToken: { points: 600, duration: 60 },
  tokenPerIp: { points: 1200, duration: 60 },
} as const;

export type LimitKind = keyof typeof limitPolicies;

export interface RateLimits {
  /** Spends one point of `kind` for `key`; throws RateLimitedError, with the wait, when none are left. */
  consume(kind: LimitKind, key: string): Promise<void>;
  /** Gives back everything `key` spent on `kind`, e.g. after a successful login. */
  reset(kind: LimitKind, key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Memory when redisUrl is unset. With Redis the counts are shared by every server process; should Redis
 * fail, each process falls back to counting in its own memory rather than refusing everyone.
 */
export function createRateLimits(redisUrl: string | undefined, scale = 1): RateLimits {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on('error', () => {});
  const limiters = new Map<LimitKind, RateLimiterAbstract>();
  for (const [kind, policy] of Object.entries(limitPolicies) as [LimitKind, (typeof limitPolicies)[LimitKind]][]) {
    const options = { keyPrefix: `yishi:rl:${kind}`, points: Math.max(1, Math.round(policy.points * scale)), duration: policy.duration };
    limiters.set(
      kind,
      redis
        ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options),
    );
  }
  return {
    async consume(kind, key) {
      try {
        await limiters.get(kind)!.consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        }
        throw rejection;
      }
    },
    async reset(kind, key) {
      await limiters.get(kind)!.delete(key);
    },
    async close() {
      redis?.disconnect();
    },
  };
}
