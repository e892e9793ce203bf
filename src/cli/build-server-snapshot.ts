import { build, type OnResolveArgs, type Plugin, type PluginBuild, type ResolveResult } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, relative as relativePath } from 'node:path';
import { pathToFileURL } from 'node:url';
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
function wrapper(runFiles: string[]): { banner: string; footer: string } {
  const banner = `(function serverSnapshot(builtinRequire, entryFile) {
let __serverBundleUrl;
const require = (function snapshotRequire() {
  const LOADED_AT_BUILD = new Set(${JSON.stringify(LOADED_AT_BUILD)});
  const LOADED_AT_RUN = new Set(${JSON.stringify(runFiles)});
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
 * What `server.mjs` imports dynamically (`import()`), loaded on first need, goes into files of its
 * own next to the blob, `lazy-<group>.cjs`, required when the server first needs them: the
 * Traditional converter's tables, pinyin-pro, the AI SDK and the database stores. In the blob
 * they would be compiled code, evaluated module state and their source text, all of it kept
 * resident whether used or not (a 5 MB script held ~15 MiB: its source string twice in the
 * heap and once more in the blob's bytes, which Node keeps in memory). Imports that resolve to
 * the same file join one group (the AI SDK and its OpenAI provider; the two stores).
 */
const LAZY_GROUPS: Record<string, string> = {
  '@ai-sdk/openai': 'ai',
  'src/embed/openai-embedder.ts': 'ai',
  'src/store/open-postgres-store.ts': 'store',
  'src/store/open-sqlite-store.ts': 'store',
};

/** The group of a dynamically imported file (its import specifier for a package, else its path from the root). */
function lazyGroup(specifier: string, rel: string): string {
  const key = specifier.startsWith('.') ? rel : specifier;
  return (
    LAZY_GROUPS[key] ??
    key
      .replace(/^.*\//, '')
      .replace(/\.[cm]?[jt]s$/, '')
      .replace(/[^a-z0-9-]/gi, '-')
  );
}

/** Key of the main bundle's module table that the lazy files take shared modules from. */
const SHARED_KEY = 'qa-server.snapshot-modules';

/**
 * Escape every non-ASCII UTF-16 unit as `\uXXXX`. esbuild's output is ASCII but for regular
 * expression literals (pinyin-pro's), and one non-ASCII character makes V8 keep the whole script
 * source as two bytes per character. In a string, a regex (with or without `u`) or an identifier,
 * `\uXXXX` (a surrogate pair as two escapes) means the same unit; after a backslash it would not.
 */
export function asciiSource(code: string): string {
  return code.replace(/[^\0-\x7f]/g, (unit, at: number) => {
    let slashes = 0;
    while (code[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2) throw new Error(`an escaped non-ASCII character at ${at}: ${code.slice(at - 40, at + 40)}`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function asciiFile(file: string): void {
  writeFileSync(file, asciiSource(readFileSync(file, 'utf8')));
}

/**
 * A module of a lazy file that only exports one long string (OpenCC's phrase list, STPhrases:
 * 390,000 characters) becomes a text file beside it, read when the module loads. As a string
 * literal in an ASCII script it was 2 MB of source (`\\uXXXX` a character) that V8 keeps for as
 * long as the script's functions live, besides the string itself.
 */
const TEXT_MODULES = /[\\/]node_modules[\\/]opencc-js[\\/]dist[\\/]esm-lib[\\/]dict[\\/][^\\/]+\.js$/;
const TEXT_MIN_LENGTH = 100_000;

function textFiles(root: string, outdir: string): Plugin {
  return {
    name: 'long-strings-as-text-files',
    setup(b) {
      b.onLoad({ filter: TEXT_MODULES }, async (args) => {
        const text: unknown = (await import(pathToFileURL(args.path).href)).default;
        // (A lone surrogate would not survive UTF-8: such a string stays in the script.)
        if (typeof text !== 'string' || text.length < TEXT_MIN_LENGTH || Buffer.from(text).toString() !== text) return undefined;
        const file = `opencc-${basename(args.path, '.js')}.txt`;
        writeFileSync(`${root}/${outdir}/${file}`, text);
        return {
          contents: `export default require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(file)}), 'utf8');`,
          loader: 'js',
        };
      });
    },
  };
}

interface LazyTarget {
  /** Absolute path esbuild resolved the dynamic import to. */
  path: string;
  group: string;
}

/**
 * Bundle src/server-snapshot.ts as one CommonJS script (what `--build-snapshot` takes) and build
 * build/server/server.blob from it with the server's V8 flags, then write the stamp. Throws with
 * the builder's output when the snapshot cannot be built.
 *
 * Three esbuild passes: the main script with every dynamic import left out, to learn which files
 * it holds; one `lazy-<group>.cjs` per group of dynamically imported files, in which an import of
 * a file the main script holds takes the main script's instance (from a table the main script
 * puts on `globalThis`, so a module is never evaluated twice: zod, the OpenCC lookup); then the
 * main script again, its dynamic imports made requires of the lazy files and the table filled.
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
    external: EXTERNALS,
    // As for the ESM bundle (build-server.ts); and import() made a require(): a snapshot has no dynamic import.
    supported: { 'regexp-unicode-property-escapes': true, 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  } as const;
  const relative = (path: string) => relativePath(root, path).split('\\').join('/');
  // A virtual module's name ends in .cjs so that esbuild treats its `module.exports` as CommonJS.
  const virtual = (rel: string) => `${rel}.virtual.cjs`;
  const real = (path: string) => path.replace(/\.virtual\.[cm]js$/, '');
  await build({ ...common, entryPoints: LOADED_AT_RUN, external: [] });

  // Pass 1: the main script's own files.
  const lazy = new Map<string, LazyTarget>();
  const leaveOutDynamic: Plugin = {
    name: 'leave-out-dynamic-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        const found = await resolveDynamic(b, args);
        if (!found || found.errors.length || found.external) return found?.external ? { path: args.path, external: true } : undefined;
        lazy.set(relative(found.path), { path: found.path, group: lazyGroup(args.path, relative(found.path)) });
        return { path: args.path, external: true };
      });
    },
  };
  const first = await build({
    ...common,
    entryPoints: { 'server-snapshot': 'src/server-snapshot.ts' },
    define: { 'import.meta.url': '__serverBundleUrl' },
    plugins: [loadedAtRun, leaveOutDynamic],
    metafile: true,
    write: false,
  });
  const inMain = new Set(Object.keys(first.metafile.inputs));
  for (const rel of lazy.keys()) if (inMain.has(rel)) lazy.delete(rel);
  const groups = [...new Set([...lazy.values()].map((t) => t.group))];
  const lazyFile = (group: string) => `./lazy-${group}.cjs`;

  /** `import()` of a lazy file: its group's file, required at run time, and the module in it. */
  const lazyRef = (rel: string) =>
    `module.exports = require(${JSON.stringify(lazyFile(lazy.get(rel)!.group))}).load(${JSON.stringify(rel)});`;

  // Pass 2: the lazy files.
  const shared = new Set<string>();
  /**
   * A module of the main script, as a lazy file imports it: the main script's instance. An ES
   * module is re-exported name by name (esbuild lists its exports), since an ES module importing
   * a CommonJS one gets `module.exports` as its default, as in Node; a CommonJS module as it is.
   */
  const sharedModule = async (rel: string): Promise<string> => {
    const take = `globalThis[Symbol.for(${JSON.stringify(SHARED_KEY)})](${JSON.stringify(rel)})`;
    if (first.metafile.inputs[rel]?.format !== 'esm') return `module.exports = ${take};`;
    const alone = await build({
      ...common,
      entryPoints: [`${root}/${rel}`],
      format: 'esm',
      outdir: undefined,
      outfile: 'x.mjs',
      write: false,
      metafile: true,
    });
    const names = Object.values(alone.metafile.outputs).flatMap((o) => o.exports);
    const named = names.filter((n) => n !== 'default');
    const odd = named.find((n) => !/^[A-Za-z_$][\w$]*$/.test(n));
    if (odd) throw new Error(`${rel} exports ${JSON.stringify(odd)}, which a lazy file cannot take by name`);
    return [
      `const m = ${take};`,
      named.length ? `export const { ${named.join(', ')} } = m;` : '',
      names.includes('default') ? 'export default m.default;' : '',
    ].join('\n');
  };
  for (const group of groups) {
    const members = [...lazy].filter(([, t]) => t.group === group);
    const entry = `exports.load = (which) => ({${members
      .map(([rel, t]) => `${JSON.stringify(rel)}: () => require(${JSON.stringify(t.path)})`)
      .join(', ')}})[which]();`;
    const fromMain: Plugin = {
      name: 'modules-of-the-main-script',
      setup(b) {
        b.onResolve({ filter: /^lazy-entry$/ }, () => ({ path: group, namespace: 'lazy-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-entry' }, () => ({ contents: entry, resolveDir: root, loader: 'js' }));
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (
            args.pluginData?.resolving ||
            (args.namespace === 'lazy-entry' && args.kind === 'require-call' && lazy.has(relative(args.path)))
          )
            return undefined;
          if (args.kind === 'entry-point') return undefined;
          const found = await b.resolve(args.path, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: { resolving: true },
          });
          if (found.errors.length || found.external) return undefined;
          const rel = relative(found.path);
          if (inMain.has(rel)) {
            shared.add(rel);
            return { path: first.metafile.inputs[rel]?.format === 'esm' ? `${rel}.virtual.mjs` : virtual(rel), namespace: 'main-module' };
          }
          if (lazy.has(rel) && lazy.get(rel)!.group !== group) return { path: virtual(rel), namespace: 'lazy-ref' };
          return undefined;
        });
        b.onLoad({ filter: /.*/, namespace: 'main-module' }, async (args) => ({
          contents: await sharedModule(real(args.path)),
          resolveDir: root,
          loader: 'js',
        }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-ref' }, (args) => ({ contents: lazyRef(real(args.path)), loader: 'js' }));
      },
    };
    await build({
      ...common,
      entryPoints: { [`lazy-${group}`]: 'lazy-entry' },
      external: [...EXTERNALS, ...groups.map(lazyFile)],
      banner: { js: "const __lazyFileUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__lazyFileUrl' },
      plugins: [fromMain, textFiles(root, outdir)],
    });
    asciiFile(`${root}/${outdir}/lazy-${group}.cjs`);
  }

  // Pass 3: the main script, its dynamic imports made requires of the lazy files, its shared modules in a table.
  const mainEntry = `const modules = {${[...shared]
    .map((rel) => `${JSON.stringify(rel)}: () => require(${JSON.stringify(`${root}/${rel}`)})`)
    .join(', ')}};
const loaded = new Map();
Object.defineProperty(globalThis, Symbol.for(${JSON.stringify(SHARED_KEY)}), {
  value: (rel) => { if (!loaded.has(rel)) loaded.set(rel, modules[rel]()); return loaded.get(rel); },
});
require(${JSON.stringify(`${root}/src/server-snapshot.ts`)});`;
  const lazyImports: Plugin = {
    name: 'lazy-imports',
    setup(b) {
      b.onResolve({ filter: /^server-snapshot-entry$/ }, () => ({ path: 'main', namespace: 'snapshot-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'snapshot-entry' }, () => ({ contents: mainEntry, resolveDir: root, loader: 'js' }));
      b.onResolve({ filter: /.*/ }, async (args) => {
        const found = await resolveDynamic(b, args);
        if (!found || found.errors.length || found.external || !lazy.has(relative(found.path))) return undefined;
        return { path: virtual(relative(found.path)), namespace: 'lazy-ref' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-ref' }, (args) => ({ contents: lazyRef(real(args.path)), loader: 'js' }));
    },
  };
  const runFiles = [...Object.keys(LOADED_AT_RUN).map((name) => `./${name}.cjs`), ...groups.map(lazyFile)];
  const { banner, footer } = wrapper(runFiles);
  await build({
    ...common,
    entryPoints: { 'server-snapshot': 'server-snapshot-entry' },
    external: [...EXTERNALS, ...groups.map(lazyFile)],
    define: { 'import.meta.url': '__serverBundleUrl' },
    banner: { js: banner },
    footer: { js: footer },
    plugins: [loadedAtRun, lazyImports],
  });
  asciiFile(`${root}/${outdir}/server-snapshot.cjs`);
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
  if (!process.env.KEEP_SNAPSHOT_SCRIPT) rmSync(`${root}/${outdir}/server-snapshot.cjs`);
  writeFileSync(`${root}/${outdir}/${SNAPSHOT_STAMP}`, `${JSON.stringify({ node: process.version, flags: SERVER_NODE_FLAGS })}\n`);
}

/**
 * A dynamic import resolved the ordinary way, by a nested resolve marked so that the plugin asking does not catch it
 * again; undefined for any other import (and for that nested resolve itself).
 */
function resolveDynamic(b: PluginBuild, args: OnResolveArgs): Promise<ResolveResult> | undefined {
  if (args.kind !== 'dynamic-import' || args.pluginData?.resolving) return undefined;
  return b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
}
