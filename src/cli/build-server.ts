import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildServerSnapshot } from './build-server-snapshot.js';
import { copyExternals, EXTERNALS } from './copy-externals.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the Node server bundle goes; `npm start` runs `node build/server/server.mjs`. */
export const SERVER_DIR = 'build/server';

/**
 * `npm run build:server`: bundle the Node entry point and its dependencies into build/server
 * (ESM, Node 20), so the server starts with plain `node`: no TypeScript compiler, no module
 * resolution across node_modules. Code that only a configured model needs (`ai`'s providers,
 * the Simplified→Traditional converter) is imported dynamically and lands in its own chunk,
 * loaded on first use. The database drivers stay out of the bundle (`EXTERNALS`, a native addon)
 * and are copied with their dependencies into build/server/node_modules. The bundle sits two levels below the project root, as src/x/ files
 * do, so their `new URL('../../corpus/', import.meta.url)` still finds corpus/ and prompts/.
 * Then the same server as a V8 startup snapshot, build/server/server.blob (build-server-snapshot.ts),
 * which is what `npm start` and the Dockerfile run: it starts with its modules loaded and its
 * index and lexicon built.
 */
async function main() {
  const started = performance.now();
  rmSync(`${root}/${SERVER_DIR}`, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'src/server.ts' },
    outdir: SERVER_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    external: EXTERNALS,
    target: 'node20',
    // esbuild rewrites regex literals with \p{…} into `new RegExp(…)` for every Node target
    // (evanw/esbuild#3471): a new RegExp per call where the code builds one per literal, e.g.
    // `/^\p{Script=Han}{2,}$/u` tested on each of 10,000 glossary terms at start-up and on each
    // word of every question. Node 20 has them (ES2018).
    supported: { 'regexp-unicode-property-escapes': true },
    // Less to parse at start-up; names kept, so profiles and stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  copyExternals(`${root}/node_modules`, `${root}/${SERVER_DIR}/node_modules`);
  await buildServerSnapshot(root, SERVER_DIR);
  console.log(
    `built ${SERVER_DIR}/server.mjs and the startup snapshot ${SERVER_DIR}/server.blob in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
