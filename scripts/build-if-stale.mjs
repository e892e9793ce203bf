// Build the web assets, the index snapshot and the server bundle when an output is missing or
// older than its sources (make's rule, on modification times). Used by `npm start` and by the
// test setup (once, before test files spawn servers in parallel).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUTPUTS = [
  'build/server/server.mjs',
  'build/server/server.blob',
  'build/server/server-blob.json',
  'build/index-snapshot.json',
  'build/public/widget.js',
  'build/public/index.html',
];
const INPUTS = ['src', 'corpus', 'prompts', 'package.json', 'package-lock.json'];
const STEPS = ['build-web', 'build-index', 'build-server'];

/** Latest modification time under a path (0 when it does not exist). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(`${path}/${name}`)));
}

/** The Node that built the startup snapshot (build/server/server-blob.json), if any. */
function snapshotNode() {
  try {
    return JSON.parse(readFileSync(`${root}build/server/server-blob.json`, 'utf8')).node;
  } catch {
    return undefined;
  }
}

/**
 * Returns normally when the build is fresh (or was rebuilt); exits the process when a step fails.
 * A startup snapshot built by another Node version counts as stale (V8 would refuse it). The
 * steps' output goes to stderr (scripts/start-entry.mjs prints its result on stdout).
 */
export function buildIfStale() {
  const built = Math.min(...OUTPUTS.map((path) => newest(`${root}${path}`) || -1));
  const changed = Math.max(...INPUTS.map((path) => newest(`${root}${path}`)));
  const otherNode = built >= 0 && snapshotNode() !== process.version;
  if (built >= changed && !otherNode) return;
  console.error(
    built < 0
      ? '[start] no build yet: building'
      : otherNode
        ? `[start] the startup snapshot was built by another Node than ${process.version}: rebuilding`
        : '[start] sources changed since the last build: rebuilding',
  );
  for (const step of STEPS) {
    const { status } = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${step}.ts`], {
      cwd: root,
      stdio: ['inherit', 2, 'inherit'],
    });
    if (status !== 0) process.exit(status ?? 1);
  }
}
