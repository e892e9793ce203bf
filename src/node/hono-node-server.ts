/**
 * @hono/node-server, bundled on its own for the startup snapshot (build/server/hono-node-server.cjs):
 * it subclasses the global Request at load, and Node's fetch classes (undici) cannot be loaded while
 * a snapshot is built, so the snapshot's bundle requires this file when the server starts instead.
 */
export { createAdaptorServer } from '@hono/node-server';
export { serveStatic } from '@hono/node-server/serve-static';
