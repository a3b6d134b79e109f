// Pages served under real hosts (www.amazon.de, ted.europa.eu) from this machine: one HTTPS
// server with a throwaway certificate answering for each host by its Host header, reached by
// Chromium through --host-resolver-rules and by Firefox through startTunnelProxy. Page scripts
// are blocked by CSP: the pages are saved copies, not the live sites.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalServer {
  port: number;
  close(): Promise<void>;
}

/** A self-signed certificate for `hosts` (openssl, as on every Debian machine). */
function certificate(hosts: readonly string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ss-hosts-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function closer(server: HttpServer | HttpsServer, sockets: Set<Socket> = new Set()): LocalServer['close'] {
  return () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      server.close(() => ok());
    });
}

/**
 * HTTPS for `routes` ("host/path" -> the page's HTML), for `hosts` (the certificate's names,
 * which may include hosts with no route: they answer 404).
 */
export async function startHostsServer(
  routes: ReadonlyMap<string, () => string | Buffer>,
  hosts: readonly string[],
): Promise<LocalServer> {
  const server: HttpsServer = createHttpsServer(certificate(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const body = routes.get(`${host}${new URL(req.url ?? '/', 'https://x').pathname}`);
    if (!body || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      // The saved pages are UTF-8; some declare another charset deep in their markup.
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(body());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, close: closer(server) };
}

/** Firefox's way to the hosts: CONNECT host:443 for one of `hosts` is tunnelled to `port`; all else refused. */
export async function startTunnelProxy(hosts: readonly string[], port: number): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server: HttpServer = createHttpServer((_req, res) => {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the local proxy');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const [host, targetPort] = (req.url ?? '').split(':');
    if (!hosts.includes(host) || targetPort !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, close: closer(server, sockets) };
}
