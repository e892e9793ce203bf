import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { SERVER_NODE_FLAGS } from '../node/server-node-flags.js';
import { EXTERNALS } from './copy-externals.js';

/** The startup snapshot, next to the bundle: `node <SERVER_NODE_FLAGS> --snapshot-blob build/server/server.blob`. */
export const SNAPSHOT_BLOB = 'server.blob';
/** What the blob was built by (`{ node, flags }`): scripts/start.mjs uses the blob only with that Node and those flags. */
export const SNAPSHOT_STAMP = 'server-blob.json';

/**
 * Built-in modules Node 20 lets a snapshot script load (lib/internal/main/mksnapshot.js
 * `supportedModules`); the others print "not yet fully verified" and some fail (node:http's
 * `methods.toSorted()`: the builder's context lacks the flag-gated ES2023 methods).
 */
const LOADED_AT_BUILD = [
  'assert',
  'assert/strict',
  'buffer',
  'constants',
  'crypto',
  'diagnostics_channel',
  'dns',
  'dns/promises',
  'events',
  'fs',
  'fs/promises',
  'net',
  'os',
  'path',
  'path/posix',
  'path/win32',
  'process',
  'punycode',
  'querystring',
  'stream',
  'stream/promises',
  'string_decoder',
  'sys',
  'timers',
  'timers/promises',
  'url',
  'util',
  'util/types',
  'v8',
  'zlib',
];

/**
 * Files the snapshot's bundle requires when the server starts rather than at build time: each
 * gets its own CommonJS bundle next to the blob. @hono/node-server subclasses the global Request
 * as it loads, and Node's fetch classes (undici) cannot be loaded while a snapshot is built
 * ("ReferenceError: WebAssembly is not defined": undici compiles its HTTP parser at load).
 */
const LOADED_AT_RUN = { 'hono-node-server': 'src/node/hono-node-server.ts' };

/**
 * Code put around the snapshot's bundle: a `require` for it and the bundle's location.
 *
 * - While the snapshot is built, `require` gives the built-in modules of LOADED_AT_BUILD; any
 *   other built-in (node:http, node:worker_threads, node:module…) or file of LOADED_AT_RUN is a
 *   stand-in that loads the module on first use of a member, i.e. when the server runs. A member
 *   read at build time (pino destructures `{ Worker }` and `{ isMainThread }`, `{ createRequire }`
 *   as it loads) is the main thread's value for worker_threads' flags, else a function that calls
 *   the real one (with `new` when called with `new`). Anything else, a package left out of the
 *   bundle (better-sqlite3, pg), cannot be required at build time.
 * - When the process starts from the blob (a deserialize callback, before the main function),
 *   `require` becomes a real one (`createRequire`) for the directory the blob is in, and
 *   `__serverBundleUrl` (the bundle's `import.meta.url`) a file in that directory, so paths found
 *   from it (corpus/, prompts/, build/public/) are where the server runs, not where it was built.
 */
function wrapper(): { banner: string; footer: string } {
  const banner = `(function serverSnapshot(builtinRequire, entryFile) {
let __serverBundleUrl;
const require = (function snapshotRequire() {
  const LOADED_AT_BUILD = new Set(${JSON.stringify(LOADED_AT_BUILD)});
  const LOADED_AT_RUN = new Set(${JSON.stringify(Object.keys(LOADED_AT_RUN).map((name) => `./${name}.cjs`))});
  const BUILTIN = new Set(${JSON.stringify(builtinModules)});
  const MAIN_THREAD = { isMainThread: true, threadId: 0, parentPort: null, workerData: null, resourceLimits: {} };
  const { pathToFileURL } = builtinRequire('node:url');
  const path = builtinRequire('node:path');
  __serverBundleUrl = pathToFileURL(entryFile).href;
  let runtimeRequire;
  const deferred = new Map();
  function loadedAtRun(id) {
    let real;
    const load = () => {
      if (!runtimeRequire) throw new Error(\`\${id} is loaded when the server starts, not while the startup snapshot is built\`);
      return (real ??= runtimeRequire(id));
    };
    const member = (key) => {
      if (runtimeRequire) return load()[key];
      if (id.endsWith('worker_threads') && key in MAIN_THREAD) return MAIN_THREAD[key];
      return function deferredMember(...args) {
        return new.target ? Reflect.construct(load()[key], args) : Reflect.apply(load()[key], this, args);
      };
    };
    return new Proxy({}, {
      get: (_, key) => member(key),
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const found = Reflect.getOwnPropertyDescriptor(load(), key);
        return found && { ...found, configurable: true };
      },
    });
  }
  builtinRequire('node:v8').startupSnapshot.addDeserializeCallback(function whereTheBlobIs() {
    const args = process.execArgv;
    const at = args.findIndex((a) => a === '--snapshot-blob' || a.startsWith('--snapshot-blob='));
    const blob = at < 0 ? undefined : args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
    if (blob) entryFile = path.join(path.dirname(path.resolve(blob)), path.basename(entryFile));
    __serverBundleUrl = pathToFileURL(entryFile).href;
    runtimeRequire = builtinRequire('node:module').createRequire(entryFile);
  });
  return function require(id) {
    if (runtimeRequire) return runtimeRequire(id);
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (LOADED_AT_BUILD.has(name)) return builtinRequire(id);
    if (!LOADED_AT_RUN.has(id) && !BUILTIN.has(name))
      throw new Error(\`\${id} cannot be required while the startup snapshot is built\`);
    if (!deferred.has(id)) deferred.set(id, loadedAtRun(id));
    return deferred.get(id);
  };
})();
`;
  return { banner, footer: '})(require, __filename);' };
}

/** Imports of the LOADED_AT_RUN modules' packages become requires of their bundles. */
const loadedAtRun: Plugin = {
  name: 'loaded-at-run',
  setup(b) {
    b.onResolve({ filter: /^@hono\/node-server(\/serve-static)?$/ }, () => ({ path: './hono-node-server.cjs', external: true }));
  },
};

/**
 * Bundle src/server-snapshot.ts as one CommonJS script (what `--build-snapshot` takes) and build
 * build/server/server.blob from it with the server's V8 flags, then write the stamp. Throws with
 * the builder's output when the snapshot cannot be built.
 */
export async function buildServerSnapshot(root: string, outdir: string): Promise<void> {
  const common = {
    absWorkingDir: root,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // As for the ESM bundle (build-server.ts); and import() made a require(): a snapshot has no dynamic import.
    supported: { 'regexp-unicode-property-escapes': true, 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  } as const;
  await build({ ...common, entryPoints: LOADED_AT_RUN });
  const { banner, footer } = wrapper();
  await build({
    ...common,
    entryPoints: { 'server-snapshot': 'src/server-snapshot.ts' },
    external: EXTERNALS,
    define: { 'import.meta.url': '__serverBundleUrl' },
    banner: { js: banner },
    footer: { js: footer },
    plugins: [loadedAtRun],
  });
  rmSync(`${root}/${outdir}/${SNAPSHOT_STAMP}`, { force: true });
  const run = spawnSync(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--snapshot-blob', SNAPSHOT_BLOB, '--build-snapshot', 'server-snapshot.cjs'],
    { cwd: `${root}/${outdir}`, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`the startup snapshot could not be built (exit ${run.status}):\n${output.slice(-4000)}`);
  if (output.trim()) process.stderr.write(output);
  // The script is in the blob; only its name is used at run time (the directory `require` resolves from).
  rmSync(`${root}/${outdir}/server-snapshot.cjs`);
  writeFileSync(`${root}/${outdir}/${SNAPSHOT_STAMP}`, `${JSON.stringify({ node: process.version, flags: SERVER_NODE_FLAGS })}\n`);
}
