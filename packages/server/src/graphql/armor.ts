import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Config } from '../config.js';

/**
 * Limits on the document itself, checked before any resolver (so before the database) runs. The
 * per-caller budget on cost comes after, from the complexity plugin (graphql/builder.ts).
 * In production the errors do not say what the limits are, and unknown fields get no suggestions.
 */
export function armorPlugin(config: Config) {
  const exposeLimits = config.NODE_ENV !== 'production';
  return EnvelopArmorPlugin({
    maxDepth: { n: 14, exposeLimits, flattenFragments: true },
    maxAliases: { n: 15, exposeLimits },
    maxTokens: { n: 3000, exposeLimits },
    maxDirectives: { n: 20, exposeLimits },
    // A crude static count of the document's fields (linear in depth). The budget that knows about list
    // sizes and the caller is the complexity plugin's; this only stops absurdly wide documents.
    costLimit: { maxCost: 100_000, depthCostFactor: 1, exposeLimits },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
}
