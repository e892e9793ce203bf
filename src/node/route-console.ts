import { format } from 'node:util';
import type { Logger } from 'pino';

/**
 * Send what modules and libraries print with `console.*` to the structured log, so that every
 * line the server writes is JSON, asynchronous and passes the secret redactor (a provider
 * error that echoes the API key may be printed anywhere, e.g. by a retrieval warning).
 */
export function routeConsole(logger: Logger): void {
  const to = (level: 'info' | 'warn' | 'error') =>
    function logged(...args: unknown[]) {
      logger[level](format(...args));
    };
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}
