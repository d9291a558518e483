import type { Cache } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { writeAgendaItemSnapshot, writeSessionSnapshot } from './session.cache.ts';

// A small stand-in for Graphcache's Cache: entities by key, links as keys, invalidation as deletion.
// It checks what the updaters decide (which version wins, what is linked, what must be fetched again).
type Ref = { __typename: string; id: string };
function fakeCache(seed: Record<string, Record<string, unknown>>) {
  const entities = new Map(Object.entries(seed).map(([key, fields]) => [key, { ...fields }]));
  const keyOf = (ref: Ref | string) => (typeof ref === 'string' ? ref : `${ref.__typename}:${ref.id}`);
  const cache = {
    keyOfEntity: (ref: Ref) => keyOf(ref),
    readFragment: (_fragment: unknown, ref: Ref | string) => {
      const fields = entities.get(keyOf(ref));
      if (!fields) return null;
      const window = typeof fields.votingWindow === 'string' ? { id: fields.votingWindow.split(':')[1] } : null;
      return { ...fields, votingWindow: window };
    },
    writeFragment: (_fragment: unknown, data: Ref & Record<string, unknown>) => {
      const key = keyOf(data);
      const { __typename: _type, ...fields } = data;
      entities.set(key, { ...entities.get(key), ...fields });
    },
    link: (ref: Ref | string, field: string, to: Ref | Ref[] | null) => {
      const key = keyOf(ref);
      const value = to === null ? null : Array.isArray(to) ? to.map(keyOf) : keyOf(to);
      entities.set(key, { ...entities.get(key), [field]: value });
    },
    invalidate: (ref: Ref | string, field?: string) => {
      const key = keyOf(ref);
      if (!field) entities.delete(key);
      else delete entities.get(key)?.[field];
    },
  };
  return { cache: cache as unknown as Cache, entities };
}

const seeded = () =>
  fakeCache({
    'LiveSession:S1': { id: 'S1', version: 3, status: 'LIVE', currentItem: 'AgendaItem:I1', minutes: null },
    'AgendaItem:I1': { id: 'I1', version: 2, phase: 'VOTING', phaseEndsAt: '2026-11-28T10:15:00Z', proposals: ['Proposal:P1'], votingWindow: 'VotingWindow:W1' },
    'AgendaItem:I2': { id: 'I2', version: 1, phase: 'PENDING', phaseEndsAt: null },
    'VotingWindow:W1': { id: 'W1', status: 'OPEN' },
  });

describe('writeSessionSnapshot', () => {
  const snapshot = {
    sessionId: 'S1',
    version: 4,
    status: 'LIVE',
    startedAt: '2026-11-28T10:00:00Z',
    endedAt: null,
    currentItem: { itemId: 'I2' },
    agenda: [
      { itemId: 'I1', phase: 'DECIDED', phaseStartedAt: '2026-11-28T10:20:00Z', phaseEndsAt: null },
      { itemId: 'I2', phase: 'PROPOSING', phaseStartedAt: '2026-11-28T10:21:00Z', phaseEndsAt: '2026-11-28T10:31:00Z' },
    ],
  };

  it("writes the session's version, each agenda line's phase and timer, and the item in play", () => {
    const { cache, entities } = seeded();
    writeSessionSnapshot(cache, snapshot);
    expect(entities.get('LiveSession:S1')).toMatchObject({ version: 4, status: 'LIVE', currentItem: 'AgendaItem:I2' });
    expect(entities.get('AgendaItem:I1')).toMatchObject({ phase: 'DECIDED', phaseEndsAt: null });
    expect(entities.get('AgendaItem:I2')).toMatchObject({ phase: 'PROPOSING', phaseEndsAt: '2026-11-28T10:31:00Z' });
  });

  it('ignores a snapshot older than what is cached', () => {
    const { cache, entities } = seeded();
    writeSessionSnapshot(cache, { ...snapshot, version: 2, status: 'ENDED' });
    expect(entities.get('LiveSession:S1')).toMatchObject({ version: 3, status: 'LIVE', currentItem: 'AgendaItem:I1' });
  });

  it('drops the cached minutes when the session ends, so the room fetches them', () => {
    const { cache, entities } = seeded();
    writeSessionSnapshot(cache, { ...snapshot, status: 'ENDED', currentItem: null, endedAt: '2026-11-28T11:00:00Z' });
    const ended = entities.get('LiveSession:S1');
    expect(ended).toMatchObject({ status: 'ENDED', currentItem: null });
    expect(ended && 'minutes' in ended).toBe(false);
  });
});

describe('writeAgendaItemSnapshot', () => {
  const snapshot = {
    itemId: 'I1',
    version: 3,
    phase: 'VOTING',
    phaseStartedAt: '2026-11-28T10:05:00Z',
    phaseEndsAt: '2026-11-28T10:15:00Z',
    votingWindowId: 'W1',
    proposals: [{ id: 'P2' }, { id: 'P1' }],
  };

  it('puts the proposals on the table in the order the room shows them', () => {
    const { cache, entities } = seeded();
    writeAgendaItemSnapshot(cache, snapshot);
    expect(entities.get('AgendaItem:I1')).toMatchObject({ version: 3, proposals: ['Proposal:P2', 'Proposal:P1'], votingWindow: 'VotingWindow:W1' });
    expect(entities.has('VotingWindow:W1')).toBe(true);
  });

  it('drops an open vote once the item has moved past VOTING, so its decision is fetched', () => {
    const { cache, entities } = seeded();
    writeAgendaItemSnapshot(cache, { ...snapshot, phase: 'DECIDED', phaseEndsAt: null });
    expect(entities.get('AgendaItem:I1')).toMatchObject({ phase: 'DECIDED' });
    expect(entities.has('VotingWindow:W1')).toBe(false);
  });

  it('links a vote that has just opened', () => {
    const { cache, entities } = seeded();
    writeAgendaItemSnapshot(cache, { ...snapshot, itemId: 'I2', version: 2, votingWindowId: 'W2' });
    expect(entities.get('AgendaItem:I2')).toMatchObject({ phase: 'VOTING', votingWindow: 'VotingWindow:W2' });
  });

  it('ignores an older snapshot', () => {
    const { cache, entities } = seeded();
    writeAgendaItemSnapshot(cache, { ...snapshot, version: 1, phase: 'PROPOSING', proposals: [] });
    expect(entities.get('AgendaItem:I1')).toMatchObject({ phase: 'VOTING', proposals: ['Proposal:P1'] });
  });
});
