import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { widgetVersion } from '../http/cache-widget.js';
import { staticHeadersFile } from '../http/security-headers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the static site is assembled: the Node server and the Workers assets binding both serve it. */
export const PUBLIC_DIR = 'build/public';

/**
 * `npm run build:web`: copy the pages (src/web/pages) and bundle the browser code (src/web)
 * into build/public. The outputs are generated, not committed; `npm start` and `npm test` run this first.
 */
async function main() {
  const started = performance.now();
  mkdirSync(`${root}/${PUBLIC_DIR}`, { recursive: true });
  cpSync(`${root}/src/web/pages`, `${root}/${PUBLIC_DIR}`, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      widget: 'src/web/widget/main.ts',
      'staff/staff': 'src/web/staff/main.ts',
      'staff/review/review': 'src/web/review/main.ts',
      'staff/login/login': 'src/web/login/main.ts',
    },
    outdir: PUBLIC_DIR,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const src = await versionWidgetUrl(`${root}/${PUBLIC_DIR}`);
  // Workers serve build/public before the app runs: Cloudflare applies these headers there (Node sends them itself).
  writeFileSync(`${root}/${PUBLIC_DIR}/_headers`, staticHeadersFile(loadConfig(process.env).frameAncestors));
  console.log(`built ${PUBLIC_DIR} (pages, widget.js, staff/staff.js) in ${(performance.now() - started).toFixed(0)} ms; embed ${src}`);
}

/**
 * The demo page loads the widget by its versioned URL (`/widget.js?v=<content hash>`), which the
 * server lets browsers keep for a year; a new build changes the hash. Returns that URL.
 */
async function versionWidgetUrl(dir: string): Promise<string> {
  const bytes = readFileSync(`${dir}/widget.js`);
  const src = `/widget.js?v=${await widgetVersion(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))}`;
  const page = `${dir}/index.html`;
  writeFileSync(page, readFileSync(page, 'utf8').replace('src="/widget.js"', `src="${src}"`));
  return src;
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
