import { normalizeForMatch } from '../../src/text/normalize.js';
import type { Answer } from '../../src/types.js';
import type { GoldItem } from './gold.js';

export interface ItemResult {
  item: GoldItem;
  target: string;
  answer: Answer;
  ranking: string[];
  latencyMs: number;
  error?: string;
  /** 1-based rank of the first gold paragraph in the target's ranking (answerable items). */
  rank: number | null;
  /** Share of gold paragraphs found in the top k. */
  recall: Record<1 | 3 | 5, number>;
  citedGold: number;
  cited: number;
  factsMissing: string[];
  /** Answerable: answered, with every key fact. */
  factCorrect: boolean;
  /** A figure reached the user that the gold answer does not support (see `showsWrongFigure`). */
  wrongFigure: boolean;
  quotesVerbatim: number;
  wholeParagraphs: number;
  pass: boolean;
  reasons: string[];
}

/**
 * Score one answer against its gold item. `paragraphs` is the report as ingested from
 * corpus/ (id → verbatim text): the reference quotes and citations are checked against.
 */
export function scoreItem(
  item: GoldItem,
  target: string,
  answer: Answer,
  ranking: string[],
  latencyMs: number,
  paragraphs: Map<string, string>,
  error?: string,
): ItemResult {
  const gold = new Set(item.gold);
  const firstGold = ranking.findIndex((id) => gold.has(id));
  const recallAt = (k: number) => (gold.size ? ranking.slice(0, k).filter((id) => gold.has(id)).length / gold.size : 0);
  const cited = answer.abstained ? [] : answer.citations;
  const factsMissing = item.answerable && !answer.abstained ? item.facts.filter((f) => !containsFact(answer.answer, f)) : item.facts;
  const quotesVerbatim = answer.citations.filter(
    (c) => c.text.slice(c.start, c.end) === c.quote && c.quote.length > 0 && paragraphs.get(c.id)?.includes(c.quote),
  ).length;
  const wholeParagraphs = answer.citations.filter((c) => paragraphs.get(c.id) === c.text).length;
  const factCorrect = item.answerable && !answer.abstained && factsMissing.length === 0;

  const reasons: string[] = [];
  if (error) reasons.push(`error: ${error}`);
  if (item.answerable) {
    if (answer.abstained) reasons.push('declined an answerable question');
    else {
      if (factsMissing.length) reasons.push(`missing facts: ${factsMissing.join('、')}`);
      if (!cited.some((c) => gold.has(c.id))) reasons.push(`no citation of the gold paragraph (${item.gold.join(', ')})`);
      else if (!gold.has(cited[0]!.id)) reasons.push(`first citation ${cited[0]!.id} is not gold`);
    }
  } else if (!answer.abstained) reasons.push('answered a question the report does not answer');
  if (quotesVerbatim < answer.citations.length) reasons.push('a quote is not verbatim');
  if (wholeParagraphs < answer.citations.length) reasons.push('a citation is not a whole paragraph');

  return {
    item,
    target,
    answer,
    ranking,
    latencyMs,
    error,
    rank: item.answerable && firstGold >= 0 ? firstGold + 1 : null,
    recall: { 1: recallAt(1), 3: recallAt(3), 5: recallAt(5) },
    citedGold: cited.filter((c) => gold.has(c.id)).length,
    cited: cited.length,
    factsMissing,
    factCorrect,
    wrongFigure: showsWrongFigure(item, answer, factsMissing),
    quotesVerbatim,
    wholeParagraphs,
    pass: reasons.length === 0,
    reasons,
  };
}

/**
 * A fact is stated when its normalised form occurs in the answer. An answer written in
 * English states `228件` as `228 …`: there the number alone must occur as a number.
 */
export function containsFact(answer: string, fact: string): boolean {
  const text = normalizeForMatch(answer);
  if (text.includes(normalizeForMatch(fact))) return true;
  const latin = (answer.match(/[a-z]/gi) ?? []).length > (answer.match(/\p{Script=Han}/gu) ?? []).length;
  const number = /\d+(?:\.\d+)?%?/.exec(fact)?.[0];
  return latin && number !== undefined && new RegExp(`(?<![\\d.])${number.replace(/[.%]/g, '\\$&')}(?![\\d])`).test(text);
}

const FIGURE = /\d/u;
/** `[1]` ties a sentence to its citation (extractive and generated answers alike): a reference, not a figure shown. */
const MARKERS = /\[\d+\]/gu;

/**
 * The worst failure: a number shown as the answer that is not the answer. An answer (not a
 * decline) to a question the report does not answer that states any figure of its own, or an
 * answer to an answerable question that lacks one of the gold figures.
 */
export function showsWrongFigure(item: GoldItem, answer: Answer, factsMissing: string[]): boolean {
  if (answer.abstained) return false;
  const shown = answer.answer.replace(MARKERS, '');
  if (!item.answerable) return FIGURE.test(answer.citations.map((c) => c.quote).join('') + shown.replace(/20\d\d年度?/gu, ''));
  return factsMissing.some((f) => FIGURE.test(f)) && FIGURE.test(shown);
}
