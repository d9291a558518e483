import { describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from './connection.ts';

describe('connection store', () => {
  it('starts connected and resyncs only after a recovery', () => {
    const store = createConnectionStore();
    const onResync = vi.fn();
    store.onResync(onResync);
    expect(store.getStatus()).toEqual({ state: 'connected', resyncs: 0 });

    store.markRestored(); // already connected: nothing to catch up on
    expect(onResync).not.toHaveBeenCalled();

    store.markLost();
    store.markLost();
    expect(store.getStatus()).toEqual({ state: 'reconnecting', resyncs: 0 });

    store.markRestored();
    expect(store.getStatus()).toEqual({ state: 'connected', resyncs: 1 });
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('tells subscribers about every change, and only then', () => {
    const store = createConnectionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.markLost();
    store.markLost();
    store.markRestored();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.markLost();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
