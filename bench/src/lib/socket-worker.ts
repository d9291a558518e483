// A child process holding many graphql-ws connections (the graphql-transport-ws protocol over `ws`,
// spoken directly so that each message costs the client as little as possible). It opens them,
// optionally subscribes each to one operation, and records when every `next` arrived and the number
// the parent asked it to watch (e.g. the tally's voterCount). Driven by IPC from sockets.ts.
import WebSocket from 'ws';

export type WorkerCommand =
  | { type: 'open'; url: string; cookies: string[]; subscribe?: { query: string; variables: Record<string, unknown>; watch: string }; concurrency: number }
  | { type: 'latencies'; votes: { target: number; sentAt: number }[] }
  | { type: 'forget' }
  | { type: 'close' };

export type WorkerReply =
  | { type: 'opened'; ready: number; failed: number; firstFailure?: string }
  | { type: 'latencies'; samples: number[]; expected: number; delivered: number }
  | { type: 'forgotten' }
  | { type: 'closed'; closeCodes: Record<string, number> };

interface Connection {
  ws: WebSocket;
  ready: boolean;
  /** Pairs of (watched number, arrival time in ms since the epoch, sub-millisecond). */
  arrivals: number[];
}

const now = () => performance.timeOrigin + performance.now();
const connections: Connection[] = [];
const closeCodes: Record<string, number> = {};

function send(reply: WorkerReply) {
  process.send!(reply);
}

function openOne(command: Extract<WorkerCommand, { type: 'open' }>, cookie: string): Promise<Connection | string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(command.url, 'graphql-transport-ws', { headers: { cookie }, perMessageDeflate: false });
    const connection: Connection = { ws, ready: false, arrivals: [] };
    const watch = command.subscribe ? new RegExp(`"${command.subscribe.watch}":(\\d+)`) : null;
    let settled = false;
    const settle = (value: Connection | string) => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (data) => {
      const at = now();
      const text = data.toString();
      if (text.startsWith('{"type":"next"') || text.includes('"type":"next"')) {
        const match = watch?.exec(text);
        if (match) connection.arrivals.push(Number(match[1]), at);
        if (!connection.ready) {
          connection.ready = true;
          settle(match ? connection : `unexpected first message: ${text.slice(0, 200)}`);
        }
        return;
      }
      const message = JSON.parse(text) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        if (command.subscribe) {
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: command.subscribe.query, variables: command.subscribe.variables } }));
        } else {
          connection.ready = true;
          settle(connection);
        }
      } else if (message.type === 'ping') {
        ws.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'error') {
        settle(`subscription error: ${JSON.stringify(message.payload).slice(0, 200)}`);
      }
    });
    ws.on('error', (error) => settle(error.message));
    ws.on('close', (code) => {
      closeCodes[code] = (closeCodes[code] ?? 0) + 1;
      settle(`closed with ${code}`);
    });
  });
}

async function open(command: Extract<WorkerCommand, { type: 'open' }>) {
  let ready = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const lane = async () => {
    while (next < command.cookies.length) {
      const cookie = command.cookies[next++]!;
      const result = await openOne(command, cookie);
      if (typeof result === 'string') {
        failed++;
        firstFailure ??= result;
      } else {
        ready++;
        connections.push(result);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, lane));
  send({ type: 'opened', ready, failed, firstFailure });
}

/**
 * For each vote (sent at `sentAt`, visible once the watched number reaches `target`) and each
 * connection: the time until the connection first saw a number at least that high. Both lists are in
 * time order, so one pass over each connection's arrivals serves every vote.
 */
function latencies(votes: { target: number; sentAt: number }[]) {
  const samples: number[] = [];
  let delivered = 0;
  for (const connection of connections) {
    const arrivals = connection.arrivals;
    let i = 0;
    for (const vote of votes) {
      while (i < arrivals.length && (arrivals[i]! < vote.target || arrivals[i + 1]! < vote.sentAt)) i += 2;
      if (i >= arrivals.length) break;
      delivered++;
      samples.push(arrivals[i + 1]! - vote.sentAt);
    }
  }
  send({ type: 'latencies', samples, expected: votes.length * connections.length, delivered });
}

async function closeAll() {
  await Promise.all(
    connections.map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.ws.readyState === WebSocket.CLOSED) return resolve();
          connection.ws.once('close', () => resolve());
          connection.ws.close(1000);
        }),
    ),
  );
  connections.length = 0;
  send({ type: 'closed', closeCodes });
}

process.on('message', (command: WorkerCommand) => {
  if (command.type === 'open') void open(command);
  else if (command.type === 'latencies') latencies(command.votes);
  else if (command.type === 'forget') {
    for (const connection of connections) connection.arrivals.length = 0;
    send({ type: 'forgotten' });
  } else if (command.type === 'close') void closeAll();
});
