import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Packages the server bundle leaves out (esbuild `external`) and loads from node_modules:
 * better-sqlite3 carries a compiled addon that cannot be bundled, and pg is kept beside it so
 * both database drivers are loaded the same way, and only when configured.
 */
export const EXTERNALS = ['better-sqlite3', 'pg'];

/** Dependencies used only while installing (better-sqlite3's prebuilt-binary download), not at run time. */
const INSTALL_ONLY = new Set(['prebuild-install']);

/** Inside better-sqlite3, only the addon is needed: its SQLite sources and build intermediates are not. */
const SKIPPED_PATHS = [/^better-sqlite3\/(deps|src)(\/|$)/, /^better-sqlite3\/build\/(?!Release(\/better_sqlite3\.node)?$)/];

/**
 * Copy the externals and the packages they depend on, transitively, from `fromModules`
 * (the project's node_modules, production dependencies only) into `toModules`, next to the
 * bundle, so build/server runs on its own (the Docker image copies just that directory).
 * Returns the package names copied.
 */
export function copyExternals(fromModules: string, toModules: string, roots = EXTERNALS): string[] {
  const copied = new Set<string>();
  const pending = [...roots];
  while (pending.length) {
    const name = pending.pop() as string;
    if (copied.has(name) || INSTALL_ONLY.has(name)) continue;
    const dir = join(fromModules, name);
    if (!existsSync(dir)) throw new Error(`copy externals: ${name} is not installed (npm ci first)`);
    copied.add(name);
    cpSync(dir, join(toModules, name), {
      recursive: true,
      filter: (path) => !SKIPPED_PATHS.some((skip) => skip.test(relative(fromModules, path).split(sep).join('/'))),
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    pending.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return [...copied].sort();
}
