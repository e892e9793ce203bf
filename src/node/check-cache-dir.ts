import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Fail at start-up, naming the directory, when the embedding cache cannot be written, rather
 * than on the first question (the cache file is written after paragraphs are embedded).
 */
export function checkCacheDir(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`CACHE_DIR ${resolve(dir)} is not writable (${code}); set CACHE_DIR to a writable directory`);
  }
}
