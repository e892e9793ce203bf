import { fileURLToPath } from 'node:url';

/**
 * The project root. This file sits two levels below it (src/node/), and so does the server
 * bundle (build/server/server.mjs), so the same relative URL is right from source and from the bundle.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The static site (widget.js, the demo page, /staff), written by `npm run build:web`. */
export const PUBLIC_DIR = `${PROJECT_ROOT}build/public/`;

/** The prebuilt index, written by `npm run build:index`. */
export const SNAPSHOT_FILE = `${PROJECT_ROOT}build/index-snapshot.json`;
