import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService } from '../src/qa-service.js';
import { ANSWERS_SNAPSHOT_PATH, answerSnapshot, formatAnswerSnapshot } from './lib/answer-snapshot.js';

/**
 * `npm run snapshot:answers`: record every answer the offline service gives to the gold and dev2
 * questions in evals/answers.snapshot.json. tests/answers-snapshot.test.ts recomputes them, so a
 * speed change that alters an answer fails; regenerate only for an intended change, in its own commit.
 */
async function main() {
  const service = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
  const answers = await answerSnapshot(service);
  writeFileSync(ANSWERS_SNAPSHOT_PATH, formatAnswerSnapshot(answers));
  console.log(`${answers.length} answers → ${fileURLToPath(ANSWERS_SNAPSHOT_PATH)}`);
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
