import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { coverage } from '../src/retrieve/coverage.js';
const s = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
const r = await s.retrieve(process.argv[2]!);
console.log(JSON.stringify(r.target?.units.map((u) => [u.unit.forms, u.grams, u.weight, u.chars.length])));
for (const t of process.argv.slice(3)) console.log(t, r.target ? coverage(r.target.units, t) : null);
export {};
