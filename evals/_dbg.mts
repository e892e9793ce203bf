import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
const svc = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
for (const q of process.argv.slice(2)) {
  const r = await svc.retrieve(q);
  console.log(q, JSON.stringify({ intent: [...r.analysis.intent.kinds], expects: r.analysis.intent.expects, target: r.analysis.target, strict: r.strict[0]!.map((u) => [u.unit.text, u.unit.forms.slice(0,4), +u.weight.toFixed(2)]) }));
  console.log((await svc.ask(q)).answer.slice(0, 200));
}
export {};
