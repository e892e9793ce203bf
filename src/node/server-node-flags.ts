/**
 * The V8 flags the server runs with, as `npm start` (package.json) and the Dockerfile's CMD give
 * them (tests/node-flags.test.ts keeps the three the same). The startup snapshot
 * (build/server/server.blob) is built with them too: V8 refuses a snapshot built with other flags.
 *
 * - `--max-semi-space-size=1`: a 1 MB young generation. Node's default grows it to 16 MB per
 *   semi-space under load, and the objects of 50 requests in flight that it promotes filled the old
 *   generation with garbage: ~300 MB RSS.
 * - `--heap-growing-percent=20`: after each full GC the old generation may grow to 1.2× what
 *   survived, instead of V8's up to 4× on a machine with much memory. Under load (live heap ~40 MB,
 *   with requests promoted through the small young generation) the heap swung up to 130–168 MB
 *   between full GCs (`--trace-gc`), so the RSS read after a load was anywhere from 130 to 226 MiB;
 *   with the flag the heap peaks at ~50 MB (2026-11-28, docs/performance.md). No hard limit, unlike
 *   `--max-old-space-size`, which caps the growth the same way but ends the process past it.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1', '--heap-growing-percent=20'];

/**
 * glibc's malloc settings the server runs with (`npm start` and the Dockerfile's ENV give them;
 * tests/node-flags.test.ts keeps them the same, and the benchmarks use these).
 *
 * - `MALLOC_ARENA_MAX=2`: two malloc arenas instead of one per thread.
 * - `MALLOC_TRIM_THRESHOLD_=131072`: glibc's default trim threshold, but set: any of these
 *   settings turns off glibc's sliding mmap threshold, which after the first large block is freed
 *   moves blocks of up to 32 MB into the main heap, where a block freed below a live one is kept.
 *   Node reads the startup snapshot (11 MB) into such blocks; the freed ones stayed resident
 *   (the main heap 11.7 → 7.3 MiB idle; after the load 21 → 14 MiB; docs/performance.md).
 */
export const SERVER_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
