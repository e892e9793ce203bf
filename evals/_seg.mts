import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { segmentWords } from '../src/retrieve/analyze-query.js';
const s = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
for (const q of process.argv.slice(2)) console.log(segmentWords(q, s.lexicon), s.lexicon.intent.counters.exec(q.slice(1)));
export {};
