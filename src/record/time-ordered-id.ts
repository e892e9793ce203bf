const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** Random bytes drawn 4 KiB at a time: one `getRandomValues` call per 409 ids, not one per id. */
const pool = new Uint8Array(4096);
let used = pool.length;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Ids
 * made one after another sort together, so each new turn's index entries land at the end of
 * their B-trees instead of on a random page: with random UUIDs a SQLite insert cost about five
 * times as much. It tells no more than the answer's time, which its turn records anyway.
 *
 * @example timeOrderedId() // '0193d9a2-5c4e-7a1b-9f3e-2c8d4b6a1e07'
 */
export function timeOrderedId(now = Date.now()): string {
  if (used + 10 > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const r = pool.subarray(used, used + 10);
  used += 10;
  // The 48-bit time, most significant byte first (`now` stays exact: below 2^53).
  const high = Math.floor(now / 2 ** 16);
  const low = now % 2 ** 16;
  const time = HEX[(high >>> 24) & 255]! + HEX[(high >>> 16) & 255]! + HEX[(high >>> 8) & 255]! + HEX[high & 255]!;
  const version = HEX[0x70 | (r[0]! & 0x0f)]! + HEX[r[1]!]!; // version 7
  const variant = HEX[0x80 | (r[2]! & 0x3f)]! + HEX[r[3]!]!; // RFC 9562 variant
  const rest = HEX[r[4]!]! + HEX[r[5]!]! + HEX[r[6]!]! + HEX[r[7]!]! + HEX[r[8]!]! + HEX[r[9]!]!;
  return `${time}-${HEX[low >>> 8]}${HEX[low & 255]}-${version}-${variant}-${rest}`;
}
