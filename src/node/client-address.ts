import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import proxyAddr from 'proxy-addr';
import type { Config } from '../config.js';

/**
 * The client's address for rate limits and logs. X-Forwarded-For is believed only through
 * proxies `TRUST_PROXY` trusts (proxy-addr walks the chain from the socket back while each hop
 * is trusted); without it the socket's address is the client's, since the header can be forged.
 */
export function clientAddress(trust: Config['trustProxy']): (c: Context) => string {
  const trusted =
    trust === null
      ? () => false
      : 'hops' in trust
        ? (_address: string, hop: number) => hop < trust.hops
        : proxyAddr.compile(trust.addresses);
  return function clientAddressOf(c) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming) return 'unknown'; // not a Node socket (app.request in tests)
    try {
      return proxyAddr(incoming, trusted) ?? 'unknown';
    } catch {
      return 'unknown'; // the socket is already gone
    }
  };
}
