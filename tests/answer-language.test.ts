import { describe, expect, it } from 'vitest';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService } from '../src/qa-service.js';

// Its own file: the Traditional tables load on first need, so this must be the first Traditional question of the process.
describe('Traditional questions', () => {
  it('get their first answer after start-up in Traditional characters, not Simplified ones', async () => {
    const service = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
    const answer = await service.ask('行政復議的糾錯率是多少？');
    expect(answer.answer).toContain('糾錯率');
    expect(answer.citations[0]!.quote, 'quotes stay verbatim').toContain('纠错率');
  });
});
