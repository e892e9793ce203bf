import { readFileSync } from 'node:fs';
import type { IndexSnapshot } from '../index/index-snapshot.js';

/**
 * The prebuilt index from `npm run build:index`, or the reason there is none. A snapshot is a
 * cache: a missing or unreadable one means the server ingests the report at start-up instead.
 */
export function readIndexSnapshot(path: string): { snapshot: IndexSnapshot } | { missing: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { missing: `no ${path}` };
  }
  try {
    const snapshot = JSON.parse(text) as IndexSnapshot;
    if (snapshot.version !== 1) return { missing: `${path} has version ${String(snapshot.version)}, not 1` };
    return { snapshot };
  } catch (error) {
    return { missing: `${path} is not valid JSON (${(error as Error).message})` };
  }
}
