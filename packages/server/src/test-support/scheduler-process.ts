// A whole second server process, for tests of exactly-once firing across processes. It builds the app
// on DATABASE_URL, says "ready", waits for a line on stdin so that every process starts its round at
// the same moment, runs each scheduled job once, and prints what fired as JSON.
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

const app = await buildApp(loadConfig({ ...process.env, SCHEDULER: 'false', LOG_LEVEL: 'error' }));
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const fired = await app.scheduler.runOnce();
process.stdout.write(`${JSON.stringify(fired)}\n`);
await app.close();
process.exit(0);
