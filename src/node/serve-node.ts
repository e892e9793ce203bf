import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';

export interface NodeServerOptions {
  fetch: Parameters<typeof createAdaptorServer>[0]['fetch'];
  config: Pick<Config, 'host' | 'port' | 'server'>;
}

/**
 * Listen with the project's limits instead of Node's defaults (a request may take 300 s to
 * arrive, connections are unbounded): the time to send headers and the whole request, the idle
 * keep-alive time and the number of open connections. Rejects with a one-line reason when the
 * address cannot be bound (port in use, no permission).
 */
export function listen({ fetch, config }: NodeServerOptions): Promise<{ server: Server; port: number }> {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = config.server;
  const server = createAdaptorServer({
    fetch,
    // Timeouts are checked on this interval (Node's default, 30 s, would let them run over by as much).
    serverOptions: { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: 1_000 },
  }) as Server;
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.maxConnections = maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', function cannotListen(error: NodeJS.ErrnoException) {
      const where = `${config.host}:${config.port}`;
      const why =
        error.code === 'EADDRINUSE' ? 'the port is already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new Error(`cannot listen on ${where}: ${why} (${error.code ?? 'error'}); set PORT or HOST`));
    });
    server.listen(config.port, config.host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/**
 * Stop accepting connections, let the requests in flight finish for up to `timeoutMs`, then
 * close whatever is still open (a stalled upload, a half-sent request, a slow stream reader).
 * Idle keep-alive connections are closed at once by `server.close()` (Node ≥ 19).
 */
export function drain(server: Server, timeoutMs: number): Promise<'drained' | 'timed out'> {
  return new Promise((resolve) => {
    let outcome: 'drained' | 'timed out' = 'drained';
    const timer = setTimeout(function closeTheRest() {
      outcome = 'timed out';
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve(outcome);
    });
    server.closeIdleConnections();
  });
}
