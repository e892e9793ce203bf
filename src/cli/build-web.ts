import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run build:web`: bundle the browser code (src/web) into public/. The outputs are
 * generated, not committed; `npm start` and `npm test` run this first.
 */
async function main() {
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: { 'widget': 'src/web/widget/main.ts', 'staff/staff': 'src/web/staff/main.ts' },
    outdir: 'public',
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`built public/widget.js and public/staff/staff.js in ${(performance.now() - started).toFixed(0)} ms`);
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
