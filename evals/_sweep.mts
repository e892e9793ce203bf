import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';
import { DEFAULT_ANSWER_TUNING } from '../src/answer/extractive-answer.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { loadGold } from './lib/gold.js';
import { scoreItem } from './lib/score.js';
import { aggregate } from './lib/aggregate.js';
import { ingest } from '../src/ingest/ingest.js';
const corpus = loadCorpusFiles();
const ref = new Map(ingest(corpus.source, corpus.meta).paragraphs.map((p) => [p.id, p.text]));
const split = process.argv[2] ?? 'dev';
const items = loadGold().filter((i) => split.split('+').includes(i.split));
for (const msc of [0.3, 0.35, 0.4, 0.45]) for (const mc of [0.55]) {
  const svc = await createQaService({ corpus, embedder: localHashEmbedder(), answerTuning: { ...DEFAULT_ANSWER_TUNING, minCoverage: mc, grounding: { ...DEFAULT_ANSWER_TUNING.grounding, minSentenceCoverage: msc } } });
  const rs = [];
  for (const it of items) { const a = await svc.ask(it.question, it.history ?? []); rs.push(scoreItem(it, 's', a, (a.retrieval ?? []).map((r) => r.id), 0, ref)); }
  const m = aggregate(rs);
  console.log(split, 'sent', msc, 'para', mc, 'facts', m.factAccuracy.toFixed(3), 'answered', m.answered.toFixed(3), 'nearmiss', m.nearMissDeclined.toFixed(3), 'wrongfig', m.wrongFigures);
}
export {}
