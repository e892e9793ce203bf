// Build the web assets, the index snapshot and the server bundle when an output is missing or
// older than its sources (make's rule, on modification times). Used by `npm start` and by the
// test setup (once, before test files spawn servers in parallel).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUTPUTS = ['build/server/server.mjs', 'build/index-snapshot.json', 'build/public/widget.js', 'build/public/index.html'];
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

/** Returns normally when the build is fresh (or was rebuilt); exits the process when a step fails. */
export function buildIfStale() {
  const built = Math.min(...OUTPUTS.map((path) => newest(`${root}${path}`) || -1));
  const changed = Math.max(...INPUTS.map((path) => newest(`${root}${path}`)));
  if (built >= changed) return;
  console.error(built < 0 ? '[start] no build yet: building' : '[start] sources changed since the last build: rebuilding');
  for (const step of STEPS) {
    const { status } = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${step}.ts`], { cwd: root, stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}
