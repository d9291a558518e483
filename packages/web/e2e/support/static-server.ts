// Serves the built app (dist/) the way production does: files as they are, and index.html for every
// other path so client-side routes load. No API behind it: /graphql and the other server paths answer
// 503, which is also how the app behaves when the server is down.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { distDir } from './paths.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

const API_PREFIXES = ['/graphql', '/uploads', '/health', '/open311', '/export'];

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveDist(root = distDir): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: run \`pnpm build\` first.`);

  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'No API server in this test.' }] }));
      return;
    }
    // Stay inside root, whatever the path says.
    const file = normalize(join(root, pathname));
    const insideRoot = file === root || file.startsWith(root + sep);
    const isFile = insideRoot && existsSync(file) && statSync(file).isFile();
    if (!isFile && extname(pathname)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const served = isFile ? file : join(root, 'index.html');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(served).pipe(response);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
