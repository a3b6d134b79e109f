// A static file server on 127.0.0.1 for the browser tests and the demo. The extension's
// -local builds run their content script on http://127.0.0.1/*, so pages must come from here.
// It serves only files under the given roots, with no directory listings.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:34567 (no trailing slash). */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serve each `mounts` entry (URL prefix -> directory), e.g. { '/pages/': 'tests/e2e/pages' }.
 * `host` must be a loopback address: the tests use 127.0.0.2 for a reference copy of each
 * page that the extension's content script does not run on (it matches only 127.0.0.1).
 */
export async function startServer(mounts: Record<string, string>, host = '127.0.0.1'): Promise<StaticServer> {
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const mount = roots.find(([prefix]) => path.startsWith(prefix));
      if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
      let file = normalize(join(mount[1], path.slice(mount[0].length)));
      // Refuse anything that escapes the mounted folder (`..` after decoding).
      if (file !== mount[1] && !file.startsWith(mount[1] + sep)) return notFound(res);
      const st = await stat(file).catch(() => null);
      if (st?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) return notFound(res);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res);
    }
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
