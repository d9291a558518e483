import type {
  KeyingConfig,
  OptimisticMutationConfig,
  ResolverConfig,
  UpdateResolver,
  UpdatesConfig,
} from '@urql/exchange-graphcache';

/**
 * What one feature tells Graphcache: keys for types without an `id`, local resolvers (for example
 * pagination), updaters that patch lists after a mutation or a subscription event, and optimistic
 * results. A feature exports one of these from `src/features/<feature>/<feature>.cache.ts`; the app
 * registers it in src/app/api.ts. Features never import each other's cache configs.
 */
export interface FeatureCacheConfig {
  keys?: KeyingConfig;
  resolvers?: ResolverConfig;
  updates?: UpdatesConfig;
  optimistic?: OptimisticMutationConfig;
}

export interface MergedCacheConfig {
  keys: KeyingConfig;
  resolvers: ResolverConfig;
  updates: UpdatesConfig;
  optimistic: OptimisticMutationConfig;
}

/**
 * Merges the features' cache configs, by feature name (used in error messages).
 *
 * Two features may both react to the same mutation or subscription field: Graphcache takes one updater
 * per field, so theirs run one after the other. Two different keys, resolvers or optimistic results
 * for the same thing cannot both be right, so that throws at start-up instead of failing silently.
 */
export function mergeCacheConfigs(byFeature: Record<string, FeatureCacheConfig>): MergedCacheConfig {
  const merged: MergedCacheConfig = { keys: {}, resolvers: {}, updates: {}, optimistic: {} };
  const owners = new Map<string, string>();

  const claim = (what: string, feature: string) => {
    const owner = owners.get(what);
    if (owner) throw new Error(`Cache config conflict: ${what} is defined by both "${owner}" and "${feature}".`);
    owners.set(what, feature);
  };

  for (const [feature, config] of Object.entries(byFeature)) {
    for (const [typename, key] of Object.entries(config.keys ?? {})) {
      claim(`keys.${typename}`, feature);
      merged.keys[typename] = key;
    }
    for (const [typename, fields] of Object.entries(config.resolvers ?? {})) {
      const target = (merged.resolvers[typename] ??= {});
      for (const [field, resolver] of Object.entries(fields ?? {})) {
        claim(`resolvers.${typename}.${field}`, feature);
        target[field] = resolver;
      }
    }
    for (const [field, optimistic] of Object.entries(config.optimistic ?? {})) {
      claim(`optimistic.${field}`, feature);
      merged.optimistic[field] = optimistic;
    }
    for (const [typename, fields] of Object.entries(config.updates ?? {})) {
      const target: Record<string, UpdateResolver | void> = (merged.updates[typename] ??= {});
      for (const [field, updater] of Object.entries(fields ?? {})) {
        if (!updater) continue;
        const earlier = target[field];
        target[field] = earlier
          ? (result, args, cache, info) => {
              earlier(result, args, cache, info);
              updater(result, args, cache, info);
            }
          : updater;
      }
    }
  }
  return merged;
}
