import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from './connection.ts';
import { createLiveLink, type LiveLink } from './live-link.ts';

/**
 * Just enough of a WebSocket and of a graphql-transport-ws server for graphql-ws's client: it opens,
 * acknowledges connection_init, records what it was sent, and can be dropped like a lost network.
 */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  received: { type: string; id?: string }[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    });
  }

  send(data: string) {
    const message = JSON.parse(data) as { type: string; id?: string };
    this.received.push(message);
    if (message.type === 'connection_init') this.reply({ type: 'connection_ack' });
  }

  close(code = 1000, reason = '') {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }));
  }

  /** The network goes away under the socket. */
  drop() {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code: 1006, reason: '', wasClean: false });
  }

  reply(message: object) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }
}

const sink = () => ({ next: vi.fn(), error: vi.fn(), complete: vi.fn() });
const subscription = { query: 'subscription Tally { tallyChanged { support } }' };

let link: LiveLink | undefined;
afterEach(() => {
  link?.dispose();
  link = undefined;
  FakeSocket.opened = [];
});

function setUp() {
  const connection = createConnectionStore();
  const network = new EventTarget();
  const resyncs = vi.fn();
  connection.onResync(resyncs);
  link = createLiveLink(connection, {
    url: 'ws://yishi.test/graphql',
    webSocketImpl: FakeSocket,
    retryWait: () => Promise.resolve(),
    networkEvents: network,
  });
  return { connection, network, resyncs, link };
}

describe('live link', () => {
  it('opens no socket until something subscribes', async () => {
    setUp();
    await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(0));
  });

  it('reports an outage while subscribed, reconnects, resubscribes and resyncs once', async () => {
    const { connection, resyncs, link } = setUp();
    link.subscribe(subscription, sink());
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.received.map((message) => message.type)).toContain('subscribe'));
    expect(connection.getStatus()).toEqual({ state: 'connected', resyncs: 0 });

    FakeSocket.opened[0]?.drop();
    expect(connection.getStatus().state).toBe('reconnecting');

    await vi.waitFor(() => expect(connection.getStatus()).toEqual({ state: 'connected', resyncs: 1 }));
    expect(resyncs).toHaveBeenCalledTimes(1);
    // The subscription carries on over the new socket.
    await vi.waitFor(() => expect(FakeSocket.opened[1]?.received.map((message) => message.type)).toContain('subscribe'));
  });

  it('does not call a close with nothing subscribed an outage', async () => {
    const { connection, link } = setUp();
    const stop = link.subscribe(subscription, sink());
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.received.map((message) => message.type)).toContain('subscribe'));
    stop();
    FakeSocket.opened[0]?.drop();
    expect(connection.getStatus().state).toBe('connected');
  });

  it('follows the browser offline and online events when nothing is subscribed', () => {
    const { connection, network, resyncs } = setUp();
    network.dispatchEvent(new Event('offline'));
    expect(connection.getStatus().state).toBe('reconnecting');
    network.dispatchEvent(new Event('online'));
    expect(connection.getStatus()).toEqual({ state: 'connected', resyncs: 1 });
    expect(resyncs).toHaveBeenCalledTimes(1);
  });

  it('when the socket survived a short offline spell, counts the online event as the recovery', async () => {
    const { connection, network, link } = setUp();
    link.subscribe(subscription, sink());
    await vi.waitFor(() => expect(connection.getStatus().state).toBe('connected'));
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.received.map((message) => message.type)).toContain('subscribe'));
    network.dispatchEvent(new Event('offline'));
    expect(connection.getStatus().state).toBe('reconnecting');
    network.dispatchEvent(new Event('online'));
    expect(connection.getStatus()).toEqual({ state: 'connected', resyncs: 1 });
  });
});
