import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
const s = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
for (const q of process.argv.slice(2)) {
  const r = await s.retrieve(q);
  console.log(q, r.hits.slice(0, 3).map((h) => `${h.paragraph.id}:${h.coverage.toFixed(2)}`).join(' '), JSON.stringify(r.analysis.intent.expects), r.analysis.target?.text, '|', r.judged.map((u) => `${u.unit.text}=${u.weight.toFixed(1)}`).join(' '));
  const a = await s.ask(q);
  console.log('   ', a.abstained ? 'DECLINE ' + a.declineReason : 'ANSWER', a.answer.slice(0, 90).replace(/\n/g, ' '));
}
export {};
