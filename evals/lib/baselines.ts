import { create, insertMultiple, search, type Tokenizer } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import type { Answer, Paragraph } from '../../src/types.js';
import type { EvalTarget } from './target.js';

/**
 * Baselines measured in the same run on the same questions. Both always answer (they cannot
 * decline) with the best sentence of their top paragraph, chosen by character overlap.
 */

/** Plain Orama full-text search with its stock mandarin tokenizer and default settings. */
export async function stockOramaBaseline(paragraphs: Paragraph[]): Promise<EvalTarget> {
  const tokenizer: Tokenizer = await createTokenizer();
  const db = create({ schema: { text: 'string', section: 'string' } as const, components: { tokenizer } });
  await insertMultiple(
    db,
    paragraphs.map((p) => ({ id: p.id, text: p.text, section: p.section })),
  );
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  return {
    name: 'baseline: Orama + stock mandarin tokenizer',
    async ask(question) {
      const result = await search(db, { term: question, properties: ['text', 'section'], limit: 10 });
      const ranking = result.hits.map((h) => String(h.id));
      return {
        answer: topSentenceAnswer(
          question,
          ranking.map((id) => byId.get(id)!),
        ),
        ranking,
      };
    },
  };
}

/** Rank paragraphs by the share of the question's distinct characters they contain. */
export function charOverlapBaseline(paragraphs: Paragraph[]): EvalTarget {
  const sets = paragraphs.map((p) => ({ p, chars: new Set(p.text) }));
  return {
    name: 'baseline: character overlap',
    async ask(question) {
      const q = [...new Set(question.replace(/[\s\p{P}]/gu, ''))];
      const ranked = sets
        .map(({ p, chars }) => ({ p, score: q.filter((c) => chars.has(c)).length / Math.max(1, q.length) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      return {
        answer: topSentenceAnswer(
          question,
          ranked.map((x) => x.p),
        ),
        ranking: ranked.map((x) => x.p.id),
      };
    },
  };
}

function topSentenceAnswer(question: string, ranked: Paragraph[]): Answer {
  const top = ranked[0];
  if (!top) return { answer: '', abstained: true, mode: 'extractive', citations: [] };
  const q = new Set(question);
  const best = top.sentences
    .map((s) => ({ s, score: [...top.text.slice(s.start, s.end)].filter((c) => q.has(c)).length }))
    .sort((a, b) => b.score - a.score)[0]!.s;
  const quote = top.text.slice(best.start, best.end);
  return {
    answer: quote,
    abstained: false,
    mode: 'extractive',
    citations: [{ id: top.id, section: top.section, text: top.text, quote, start: best.start, end: best.end }],
  };
}
