/** Node's own hashing, where there is one: Web Crypto's first call loads ~20 ms of Node internals, a tenth of start-up. */
const nodeCrypto = globalThis.process?.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;

/**
 * SHA-256 of bytes (a text as UTF-8), as lower-case hex: `node:crypto` on Node, Web Crypto elsewhere (Workers).
 *
 * @example await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(bytes).digest('hex');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
