import { formGrams, type QueryAnalysis, type QueryUnit } from './analyze-query.js';

/** Document frequency of grams over the paragraphs, for weighting rare words above common ones. */
export interface GramStats {
  idf(gram: string): number;
  df(gram: string): number;
  /** Number of paragraphs. */
  n: number;
}

/** Distinct longer grams (Latin words, numbers) whose counts are kept; the words of questions, so bounded. */
const LONG_GRAM_CACHE = 10_000;

/**
 * BM25-style idf over paragraph match texts; a gram the report never uses gets the highest weight.
 * The document frequency of every one- and two-code-unit string (a Han character, a Han bigram)
 * is counted once here; a longer gram is counted by a scan when first asked for, in a bounded cache.
 */
export function createGramStats(matchTexts: string[]): GramStats {
  const n = matchTexts.length;
  const short = shortGramCounts(matchTexts);
  const long = new Map<string, number>();
  function df(gram: string): number {
    if (gram.length <= 2) return gram ? (short.get(gram) ?? 0) : n;
    let value = long.get(gram);
    if (value === undefined) {
      value = matchTexts.reduce((count, text) => count + (text.includes(gram) ? 1 : 0), 0);
      if (long.size >= LONG_GRAM_CACHE) long.clear();
      long.set(gram, value);
    }
    return value;
  }
  return { n, df, idf: (gram) => Math.log(1 + (n - df(gram) + 0.5) / (df(gram) + 0.5)) };
}

/** In how many texts each string of one or two UTF-16 code units occurs (what `includes` would find). */
function shortGramCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const text of texts) {
    seen.clear();
    for (let i = 0; i < text.length; i++) {
      seen.add(text[i]!);
      if (i + 1 < text.length) seen.add(text.slice(i, i + 2));
    }
    for (const gram of seen) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export interface WeightedUnit {
  unit: QueryUnit;
  weight: number;
  grams: string[][];
  /** Credit for a match of each form of `grams`: below 1 for a homophone guess (实际 read as 市级). */
  credit: number[];
  /** For a word the report never uses: its characters with their idf, for partial credit (到庭 ~ 出庭). */
  chars: { char: string; idf: number }[];
}

/** A homophone guess at a typo is a guess: it earns this share of a real match (复义 → 复议, but also 实际 → 市级). */
export const HOMOPHONE_CREDIT = 0.8;

/** Most a word the report never uses can earn through shared characters alone. */
export const CHAR_CREDIT = 0.65;

/**
 * Weight each unit by how rare its wording is; a glossary unit by its most common report form.
 * A word the report never uses at all (no bigram of it occurs anywhere) is weighted down by
 * `unknownWeight`: citizens' paraphrases are mostly such words, so on its own it is weak
 * evidence that the report lacks the topic. An English word outside the glossary says even
 * less about a Chinese report, hence the lower `unknownLatinWeight`.
 */
export function weighUnits(
  analysis: QueryAnalysis,
  stats: GramStats,
  scale = 1,
  { unknownWeight = 0.3, unknownLatinWeight = 0.3, singleCharWeight = 0.5 } = {},
): WeightedUnit[] {
  // A lone character found in most paragraphs (市, 人) tells nothing about the topic.
  const informative = analysis.units.filter((u) => !(u.kind === 'han' && [...u.text].length === 1 && stats.df(u.text) > stats.n / 2));
  return informative.map(function weigh(unit) {
    const formed = unit.forms
      .map((f, i) => ({ g: formGrams(f), credit: unit.guessesFrom !== undefined && i >= unit.guessesFrom ? HOMOPHONE_CREDIT : 1 }))
      .filter((x) => x.g.length > 0);
    const grams = formed.map((x) => x.g);
    const formWeight = (g: string[]) => g.reduce((s, x) => s + stats.idf(x), 0) / g.length;
    const weights = grams.map(formWeight);
    const weight = unit.kind === 'glossary' ? Math.min(...weights.slice(1), weights[0] ?? 0) : (weights[0] ?? 0);
    const unknown = unit.kind !== 'glossary' && grams.every((g) => g.every((x) => stats.df(x) === 0));
    const discount = !unknown ? 1 : unit.kind === 'latin' ? unknownLatinWeight : unknownWeight;
    const chars = unknown && unit.kind === 'han' ? [...new Set(unit.text)].map((char) => ({ char, idf: stats.idf(char) })) : [];
    // A lone character left over from a question (以, 写, 看, 找) is mostly grammar, rarely the topic.
    const single = unit.kind !== 'latin' && [...unit.text].length === 1 ? singleCharWeight : 1;
    return { unit, weight: weight * scale * discount * single, grams, credit: formed.map((x) => x.credit), chars };
  });
}

/**
 * Share of the question's meaning (idf-weighted units) found in `matchText`:
 * a unit counts by the fraction of its bigrams present, taking its best-covered form.
 * Returns 0 for a question with no content units.
 */
export function coverage(units: WeightedUnit[], matchText: string): number {
  let total = 0;
  let covered = 0;
  for (const { weight, grams, credit, chars } of units) {
    total += weight;
    let best = 0;
    grams.forEach((g, i) => {
      const hit = (credit[i]! * g.filter((x) => matchText.includes(x)).length) / g.length;
      if (hit > best) best = hit;
    });
    if (chars.length && best < CHAR_CREDIT) {
      const all = chars.reduce((sum, c) => sum + c.idf, 0);
      const present = chars.reduce((sum, c) => sum + (matchText.includes(c.char) ? c.idf : 0), 0);
      best = Math.max(best, all > 0 ? (CHAR_CREDIT * present) / all : 0);
    }
    covered += weight * best;
  }
  return total > 0 ? covered / total : 0;
}

/** Every required number (digits compared on normalised text) and name occurs in the evidence. */
export function hasRequired(required: string[], matchText: string): boolean {
  return required.every((n) =>
    /^\d/u.test(n) ? new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(matchText) : matchText.includes(n),
  );
}
