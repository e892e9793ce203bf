import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createIndexSnapshot } from '../src/index/index-snapshot.js';
import { createQaService } from '../src/qa-service.js';
import { groupTerms, namedBodies } from '../src/corpus/vocabulary.js';
import { glossaryKey } from '../src/retrieve/lexicon.js';
import { loadGold } from '../evals/lib/gold.js';

describe('the server started from the prebuilt index snapshot', () => {
  it('gives every gold and dev2 question the same answer, byte for byte, as a freshly ingested index', async () => {
    const corpus = loadCorpusFiles();
    const fresh = await createQaService({ corpus, embedder: localHashEmbedder() });
    // Through JSON, as the server reads build/index-snapshot.json.
    const key = await glossaryKey(corpus.rawVocabulary, corpus.stopwords);
    const built = createIndexSnapshot(
      fresh.document,
      fresh.index,
      fresh.lexicon.homophones,
      { key, entries: fresh.lexicon.glossary, named: namedBodies(corpus.vocabulary), groups: groupTerms(corpus.vocabulary) },
      corpus.labels,
    );
    const snapshot = JSON.parse(JSON.stringify(built));
    const restored = await createQaService({ corpus, embedder: localHashEmbedder(), snapshot });
    const questions = loadGold().filter((g) => g.split !== 'blind');
    expect(questions.length).toBeGreaterThan(600);
    for (const q of questions) {
      const [a, b] = await Promise.all([fresh.ask(q.question, q.history ?? []), restored.ask(q.question, q.history ?? [])]);
      expect(JSON.stringify(b), q.id).toBe(JSON.stringify(a));
    }
  });

  it('uses its normalised vocabulary only while the vocabulary and question words are the ones it was made from', async () => {
    const corpus = loadCorpusFiles();
    const fresh = await createQaService({ corpus, embedder: localHashEmbedder() });
    const key = await glossaryKey(corpus.rawVocabulary, corpus.stopwords);
    const withGlossary = (k: string) =>
      createIndexSnapshot(fresh.document, fresh.index, fresh.lexicon.homophones, { key: k, entries: [], named: [], groups: [] });
    const current = await createQaService({ corpus, embedder: localHashEmbedder(), snapshot: withGlossary(key) });
    expect(current.lexicon.glossary, 'taken from the snapshot').toEqual([]);
    const stale = await createQaService({ corpus, embedder: localHashEmbedder(), snapshot: withGlossary('another vocabulary') });
    expect(stale.lexicon.glossary).toEqual(fresh.lexicon.glossary);
  });

  it("uses its paragraphs' normalised texts only while the structure labels are the ones they were made from", async () => {
    const corpus = loadCorpusFiles();
    const fresh = await createQaService({ corpus, embedder: localHashEmbedder() });
    const snapshot = JSON.parse(
      JSON.stringify(createIndexSnapshot(fresh.document, fresh.index, fresh.lexicon.homophones, undefined, corpus.labels)),
    );
    snapshot.views.matchText[0][1] = 'marked';
    const current = await createQaService({ corpus, embedder: localHashEmbedder(), snapshot });
    expect(current.index.matchText.get(snapshot.views.matchText[0][0]), 'taken from the snapshot').toBe('marked');
    const relabelled = { ...corpus, labels: { ...corpus.labels, heading: [...corpus.labels.heading, '题头'] } };
    const stale = await createQaService({ corpus: relabelled, embedder: localHashEmbedder(), snapshot });
    expect([...stale.index.matchText.values()].some((t) => t === 'marked')).toBe(false);
    expect([...stale.index.aliases.values()].flat()).toContain('题头');
  });

  it('is set aside, and the report ingested, when it was built from another version of the report', async () => {
    const snapshot = JSON.parse(readFileSync('build/index-snapshot.json', 'utf8'));
    const notes: string[] = [];
    const service = await createNodeService(loadConfig({}), {
      snapshot: { ...snapshot, sha256: '0'.repeat(64) },
      log: (l) => notes.push(l),
    });
    expect(notes).toEqual([expect.stringMatching(/index snapshot not used: it was built from another version of the report; ingesting/)]);
    expect(service.document).not.toBe(snapshot.document);
    expect((await service.ask('行政复议收到多少件？')).citations[0]?.id).toBe('s4.3');
  });
});
