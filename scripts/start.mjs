// `npm start`: run the built server (build/server/server.mjs) with plain node, in this very
// process, so SIGINT/SIGTERM reach the server itself and nothing is left holding the port.
// The build runs first only when an output is missing or older than its sources, so
// `npm ci && npm start` works on a fresh clone.
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
await import('../build/server/server.mjs');
