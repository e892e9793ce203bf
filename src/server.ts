import { startServer } from './node/start-server.js';

/** The Node server (`npm start`, the Dockerfile): build/server/server.mjs, bundled from here. */
await startServer(performance.now());
