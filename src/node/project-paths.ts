import { fileURLToPath } from 'node:url';

// Functions, not constants: a server started from a V8 startup snapshot (src/server-snapshot.ts)
// evaluated its modules at build time, so a path computed then would be where the build ran, not
// where the server runs (the Docker image's runtime stage, a moved checkout).

/**
 * The project root. This file sits two levels below it (src/node/), and so does the server
 * bundle (build/server/server.mjs), so the same relative URL is right from source and from the bundle.
 */
export const projectRoot = (): string => fileURLToPath(new URL('../..', import.meta.url));

/** The static site (widget.js, the demo page, /staff), written by `npm run build:web`. */
export const publicDir = (): string => `${projectRoot()}build/public/`;

/** The prebuilt index, written by `npm run build:index`. */
export const snapshotFile = (): string => `${projectRoot()}build/index-snapshot.json`;
