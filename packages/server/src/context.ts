import type { YogaInitialContext } from 'graphql-yoga';
import type { YogaLogger } from '@graphql-yoga/logger';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Provider } from './db/schema-source.js';
import type { AppPubSub } from './events/pubsub.js';
import type { PhotoStorage } from './storage/photo-storage.js';
import type { Role } from './generated/sqlite/enums.js';
import type { Coalescer } from './events/coalescer.js';
import type { RateLimits } from './limits/rate-limits.js';
import type { SubscriptionSlots } from './limits/subscription-slots.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every command needs, whoever asks: the GraphQL layer, HTTP routes, the scheduler and tests. */
export interface AppDeps {
  config: Config;
  db: Db;
  provider: Provider;
  pubsub: AppPubSub;
  /** Where events travel (this process, or Redis) and whether that path is up, for /health. */
  eventBus: { kind: 'memory' | 'redis'; healthy(): Promise<boolean> };
  storage: PhotoStorage;
  clock: Clock;
  log: YogaLogger;
  /** Spaces out bursts of publishes for one key, e.g. a tally under heavy voting. */
  coalescer: Coalescer;
  rateLimits: RateLimits;
  /** Subscriptions each API token holds open in this process. */
  subscriptionSlots: SubscriptionSlots;
}

export type ApiScope = 'BOARD' | 'SESSIONS' | 'FIGURES' | 'RULES';

export interface MembershipGrant {
  communityId: number;
  role: Role;
  groupId: number | null;
}

/** Who is asking. Everything a policy decides, it decides from this. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      displayName: string;
      /** The login session, so logout can end exactly this one. */
      authSessionId: number;
      /** Active memberships only, by community id. */
      memberships: ReadonlyMap<number, MembershipGrant>;
    }
  | { kind: 'token'; tokenId: number; communityId: number; scopes: ReadonlySet<ApiScope> }
  | { kind: 'system' };

export interface RequestInfo {
  ip: string;
  userAgent: string;
  /** Whether the client reached us over TLS (directly, or per X-Forwarded-Proto behind a trusted proxy). */
  secure: boolean;
  /** Present over HTTP; login and logout set the session cookie through it. */
  cookies?: CookieJar;
}

export interface CookieJar {
  get(name: string): Promise<string | undefined>;
  set(cookie: { name: string; value: string; expires: Date; httpOnly: boolean; sameSite: 'lax' | 'strict'; secure: boolean; path: string }): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface Context extends AppDeps {
  viewer: Viewer;
  requestInfo: RequestInfo;
  /** Limits chosen for this caller (anonymous, member, token); the complexity plugin reads them. */
  limits: RequestLimits;
  /** Set on WebSocket operations: one id per open connection, e.g. for presence in a session room. */
  connectionId?: string;
}

export interface RequestLimits {
  complexity: number;
  depth: number;
  breadth: number;
  maxPageSize: number;
}

export type GraphQLContext = Context & YogaInitialContext;
