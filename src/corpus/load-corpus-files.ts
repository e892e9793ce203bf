import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseCorpusFiles, type CorpusFiles } from './corpus-files.js';

/** corpus/ (a function: see src/node/project-paths.ts). */
export const defaultCorpusDir = (): string => fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Read and validate `corpus/` from disk; refuses a source whose sha256 differs from the metadata. */
export function loadCorpusFiles(dir: string = defaultCorpusDir()): CorpusFiles {
  const json = (name: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new Error(`corpus/${name} cannot be read: ${(error as Error).message}`);
    }
  };
  const meta = json('report.meta.json') as { file: string; sha256: string };
  const bytes = readFileSync(join(dir, meta.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== meta.sha256)
    throw new Error(
      `corpus/${meta.file} does not match report.meta.json (sha256 ${sha256} ≠ ${meta.sha256}); the source must stay byte for byte as published`,
    );
  return parseCorpusFiles({
    source: bytes.toString('utf8'),
    meta,
    stopwords: json('query-stopwords.json'),
    labels: json('structure-labels.json'),
    cues: json('question-cues.json'),
    vocabulary: json('vocabulary.json'),
  });
}
