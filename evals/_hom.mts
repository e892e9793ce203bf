import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { pinyinKey } from '../src/retrieve/lexicon.js';
const s = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
console.log(pinyinKey('复义'), s.lexicon.homophones.get(pinyinKey('复义')), s.lexicon.bigrams.has('复义'), s.lexicon.homophones.size);
export {};
