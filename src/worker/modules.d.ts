/** Text files bundled by wrangler (`rules` in wrangler.toml): the report and the prompts. */
declare module '*.txt' {
  const text: string;
  export default text;
}

/** The index snapshot written by `npm run build:index` (aliased in wrangler.toml). */
declare module 'index-snapshot' {
  import type { IndexSnapshot } from '../index/index-snapshot.js';
  const snapshot: IndexSnapshot;
  export default snapshot;
}
