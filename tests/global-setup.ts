// @ts-expect-error plain JavaScript module without types (scripts/ runs before any build)
import { buildIfStale } from '../scripts/build-if-stale.mjs';

/** Build once before the test files start servers in parallel (each would otherwise rebuild a stale bundle at once). */
export default function setup() {
  buildIfStale();
}
