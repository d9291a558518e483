import type { i18n as I18n } from 'i18next';
import { common } from './locales/zh-CN/common.ts';
import { errors } from './locales/zh-CN/errors.ts';

// Some keys are picked by data from the server: a ForbiddenError's `reason`, an entity's status. They
// cannot be checked by the compiler, so this checks them against the source catalogue at run time and
// returns null for a key that does not exist, letting the caller fall back to a general sentence
// instead of showing a raw key such as "status.Concern.ARCHIVED".
const bundledSources = { common, errors } as const;

export function translateDataKey(
  i18n: Pick<I18n, 't'>,
  namespace: keyof typeof bundledSources,
  path: readonly string[],
  values?: Record<string, unknown>,
): string | null {
  let node: unknown = bundledSources[namespace];
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  if (typeof node !== 'string') return null;
  // The key was just checked; the cast only tells the typed t() what it cannot infer from data.
  return String(i18n.t(`${namespace}:${path.join('.')}` as 'common:appName', values as never));
}

/** The status label of an entity ("Concern", "REPORTED" → 已反映), or null if the pair is unknown. */
export function statusLabel(i18n: Pick<I18n, 't'>, entity: string, state: string): string | null {
  return translateDataKey(i18n, 'common', ['status', entity, state]);
}

/** The name of an entity type ("Concern" → 诉求), or null if unknown. */
export function entityName(i18n: Pick<I18n, 't'>, entity: string): string | null {
  return translateDataKey(i18n, 'common', ['entity', entity]);
}
