import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import parseForwarded from 'forwarded-parse';
import proxyAddr from 'proxy-addr';
import type { Config } from '../config.js';

/**
 * The client's address for rate limits and logs. X-Forwarded-For (or, without it, the standard
 * `Forwarded` header, RFC 7239) is believed only through proxies `TRUST_PROXY` trusts (proxy-addr
 * walks the chain from the socket back while each hop is trusted); without it the socket's
 * address is the client's, since the header can be forged.
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
      return proxyAddr(withForwardedFor(incoming), trusted) ?? 'unknown';
    } catch {
      return 'unknown'; // the socket is already gone
    }
  };
}

/**
 * A request whose only proxy header is `Forwarded: for=…` read as the same chain in X-Forwarded-For
 * form (`for="[2001:db8::1]:4711"` → 2001:db8::1, `for=192.0.2.60:80` → 192.0.2.60), so one walk
 * judges both. A header that does not parse names no proxies: the socket's address stands.
 */
function withForwardedFor(incoming: IncomingMessage): IncomingMessage {
  const forwarded = incoming.headers.forwarded;
  if (!forwarded || incoming.headers['x-forwarded-for'] !== undefined) return incoming;
  let chain: string[];
  try {
    chain = parseForwarded(forwarded).map((element) => hostOf(element.for ?? 'unknown'));
  } catch {
    return incoming;
  }
  const headers = { ...incoming.headers, 'x-forwarded-for': chain.join(', ') };
  return { headers, socket: incoming.socket, connection: incoming.socket } as unknown as IncomingMessage;
}

/** The address of a `for=` node without its port: `[2001:db8::1]:4711` → `2001:db8::1`, `192.0.2.60:80` → `192.0.2.60`. */
function hostOf(node: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/u.exec(node);
  if (v6) return v6[1]!;
  return /^[\d.]+:\d+$/u.test(node) ? node.slice(0, node.lastIndexOf(':')) : node;
}
