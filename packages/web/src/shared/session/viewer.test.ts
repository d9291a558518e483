import { describe, expect, it, vi } from 'vitest';
import { createViewerStore, type ViewerState } from './viewer.ts';

describe('viewer store', () => {
  it('starts unknown and takes what the loader says', async () => {
    const store = createViewerStore(async () => ({ status: 'signedIn', viewer: { displayName: '李阿姨' } }));
    expect(store.getState()).toEqual({ status: 'unknown' });
    await store.refresh();
    expect(store.getState()).toEqual({ status: 'signedIn', viewer: { displayName: '李阿姨' } });
  });

  it('shares one request between overlapping refreshes', async () => {
    let resolve: (state: ViewerState) => void = () => {};
    const load = vi.fn(() => new Promise<ViewerState>((done) => (resolve = done)));
    const store = createViewerStore(load);
    const first = store.refresh();
    const second = store.refresh();
    resolve({ status: 'signedOut' });
    await Promise.all([first, second]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(store.getState()).toEqual({ status: 'signedOut' });
  });

  it('keeps the last state when the server cannot be reached', async () => {
    const load = vi.fn<() => Promise<ViewerState>>().mockResolvedValueOnce({ status: 'signedOut' }).mockRejectedValueOnce(new Error('offline'));
    const store = createViewerStore(load);
    await store.refresh();
    await store.refresh();
    expect(store.getState()).toEqual({ status: 'signedOut' });
  });
});
