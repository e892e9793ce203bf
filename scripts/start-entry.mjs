// `npm start`, first half: build when an output is missing or stale (scripts/build-if-stale.mjs,
// its output on stderr), then print what `node <flags>` is to run, which package.json's start
// script then `exec`s (node itself, no parent left, so SIGINT/SIGTERM reach the server):
// the startup snapshot, `--snapshot-blob build/server/server.blob`, when it was built by this
// Node (V8 refuses a blob from another version or flags); otherwise scripts/start.mjs, the plain bundle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

buildIfStale();
let stamp;
try {
  stamp = JSON.parse(readFileSync(`${root}build/server/server-blob.json`, 'utf8'));
} catch {
  stamp = undefined;
}
if (stamp?.node === process.version) process.stdout.write('--snapshot-blob build/server/server.blob\n');
else {
  console.error('[start] no startup snapshot for this Node: starting from build/server/server.mjs');
  process.stdout.write('scripts/start.mjs\n');
}
