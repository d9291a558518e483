import type { UpdateResolver } from '@urql/exchange-graphcache';
import { describe, expect, it, vi } from 'vitest';
import { mergeCacheConfigs } from './cache-config.ts';

const call = (updater: UpdateResolver | void | undefined) =>
  (updater as (...args: unknown[]) => void)({}, {}, {}, {});

describe('mergeCacheConfigs', () => {
  it('combines the features’ configs', () => {
    const merged = mergeCacheConfigs({
      board: { keys: { ConcernEdge: () => null }, resolvers: { Query: { concerns: () => null } } },
      rules: { keys: { RuleVersion: (rule) => String(rule.number) } },
    });
    expect(Object.keys(merged.keys)).toEqual(['ConcernEdge', 'RuleVersion']);
    expect(Object.keys(merged.resolvers.Query ?? {})).toEqual(['concerns']);
  });

  it('runs every feature’s updater for the same field, in order', () => {
    const order: string[] = [];
    const merged = mergeCacheConfigs({
      board: { updates: { Mutation: { secondConcern: () => void order.push('board') } } },
      concern: { updates: { Mutation: { secondConcern: () => void order.push('concern') } } },
    });
    call(merged.updates.Mutation?.secondConcern);
    expect(order).toEqual(['board', 'concern']);
  });

  it('refuses two keys, resolvers or optimistic results for the same thing', () => {
    expect(() => mergeCacheConfigs({ board: { keys: { Concern: () => 'a' } }, concern: { keys: { Concern: () => 'b' } } })).toThrow(
      'Cache config conflict: keys.Concern is defined by both "board" and "concern".',
    );
    expect(() =>
      mergeCacheConfigs({
        board: { resolvers: { Query: { concerns: () => null } } },
        figures: { resolvers: { Query: { concerns: () => null } } },
      }),
    ).toThrow(/resolvers\.Query\.concerns/);
    const optimistic = vi.fn();
    expect(() => mergeCacheConfigs({ a: { optimistic: { castVote: optimistic } }, b: { optimistic: { castVote: optimistic } } })).toThrow(
      /optimistic\.castVote/,
    );
  });
});
