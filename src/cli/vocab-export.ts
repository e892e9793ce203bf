/**
 * `npm run vocab:export`: write the citizen words staff accepted into corpus/vocabulary.json
 * (`--corpus <dir>` for another copy), for review in git. Words the file has already are skipped;
 * the result is validated as `check:vocab` does before anything is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { defaultCorpusDir, loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { mergeAcceptedWords } from '../staff/vocabulary-export.js';
import { createStore } from '../store/create-store.js';

async function main() {
  const { values } = parseArgs({ options: { corpus: { type: 'string', default: defaultCorpusDir() } } });
  const dir = values.corpus;
  const corpus = loadCorpusFiles(dir);
  const store = await createStore(loadConfig(process.env));
  try {
    const { vocabulary, added } = await mergeAcceptedWords(store, corpus.vocabulary, corpus.source);
    if (added.length === 0) return console.log('vocabulary: no accepted citizen words to add');
    const file = join(dir, 'vocabulary.json');
    // The file's own layout (one-space indent), so git shows only the added words.
    const raw = JSON.parse(readFileSync(file, 'utf8')) as typeof vocabulary;
    raw.terms = vocabulary.terms;
    writeFileSync(file, `${JSON.stringify(raw, null, 1)}\n`);
    for (const { term, word } of added) console.log(`  ${term} ← ${word}`);
    console.log(`vocabulary: ${added.length} citizen word(s) added to ${file}; review with git diff`);
  } finally {
    await store.close();
  }
}

main().catch(function fatal(error: unknown) {
  console.error(`vocab:export: ${(error as Error).message}`);
  process.exit(1);
});
