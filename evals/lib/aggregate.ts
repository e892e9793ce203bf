import type { ItemResult } from './score.js';

export interface Metrics {
  n: number;
  answerable: number;
  unanswerable: number;
  'recall@1': number;
  'recall@3': number;
  'recall@5': number;
  mrr: number;
  citationPrecision: number;
  factAccuracy: number;
  abstentionPrecision: number;
  abstentionRecall: number;
  /**
   * Balanced accuracy of the answer-or-decline choice: the mean of the share of answerable
   * questions answered and the share of unanswerable ones declined (always answering scores 0.5,
   * whatever the mix of the set).
   */
  abstentionAccuracy: number;
  /** Share of answerable questions answered (not declined), right or wrong. */
  answered: number;
  /** Share of near misses (subject in the report, asked fact not) declined. */
  nearMissDeclined: number;
  /** Answers that show a figure the gold answer does not have: any answered unanswerable question that states a number, or an answer missing a gold figure. A count. */
  wrongFigures: number;
  verbatimQuotes: number;
  wholeParagraphs: number;
  passRate: number;
  p50Ms: number;
  p95Ms: number;
}

export const METRIC_LABELS: [keyof Metrics, string][] = [
  ['n', 'n'],
  ['recall@1', 'R@1'],
  ['recall@3', 'R@3'],
  ['recall@5', 'R@5'],
  ['mrr', 'MRR'],
  ['citationPrecision', 'CitePrec'],
  ['factAccuracy', 'Facts'],
  ['abstentionPrecision', 'AbstP'],
  ['abstentionRecall', 'AbstR'],
  ['abstentionAccuracy', 'AbstBal'],
  ['answered', 'Answered'],
  ['nearMissDeclined', 'NearMissDecl'],
  ['wrongFigures', 'WrongFig'],
  ['verbatimQuotes', 'Verbatim'],
  ['wholeParagraphs', 'WholePara'],
  ['p50Ms', 'p50ms'],
  ['p95Ms', 'p95ms'],
];

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const ratio = (a: number, b: number) => (b ? a / b : NaN);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Metrics over a group of results; NaN where the group has nothing to measure (e.g. no unanswerable items). */
export function aggregate(results: ItemResult[]): Metrics {
  const answerable = results.filter((r) => r.item.answerable);
  const unanswerable = results.filter((r) => !r.item.answerable);
  const abstained = results.filter((r) => r.answer.abstained);
  const citations = results.reduce((s, r) => s + r.answer.citations.length, 0);
  return {
    n: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    'recall@1': mean(answerable.map((r) => r.recall[1])),
    'recall@3': mean(answerable.map((r) => r.recall[3])),
    'recall@5': mean(answerable.map((r) => r.recall[5])),
    mrr: mean(answerable.map((r) => (r.rank ? 1 / r.rank : 0))),
    citationPrecision: ratio(
      answerable.reduce((s, r) => s + r.citedGold, 0),
      answerable.reduce((s, r) => s + r.cited, 0),
    ),
    factAccuracy: ratio(answerable.filter((r) => r.factCorrect).length, answerable.length),
    abstentionPrecision: ratio(abstained.filter((r) => !r.item.answerable).length, abstained.length),
    abstentionRecall: ratio(unanswerable.filter((r) => r.answer.abstained).length, unanswerable.length),
    abstentionAccuracy:
      (ratio(answerable.filter((r) => !r.answer.abstained).length, answerable.length) +
        ratio(unanswerable.filter((r) => r.answer.abstained).length, unanswerable.length)) /
      2,
    answered: ratio(answerable.filter((r) => !r.answer.abstained).length, answerable.length),
    nearMissDeclined: ratio(
      results.filter((r) => r.item.category === 'near-miss' && r.answer.abstained).length,
      results.filter((r) => r.item.category === 'near-miss').length,
    ),
    wrongFigures: results.filter((r) => r.wrongFigure).length,
    verbatimQuotes: ratio(
      results.reduce((s, r) => s + r.quotesVerbatim, 0),
      citations,
    ),
    wholeParagraphs: ratio(
      results.reduce((s, r) => s + r.wholeParagraphs, 0),
      citations,
    ),
    passRate: ratio(results.filter((r) => r.pass).length, results.length),
    p50Ms: quantile(
      results.map((r) => r.latencyMs),
      0.5,
    ),
    p95Ms: quantile(
      results.map((r) => r.latencyMs),
      0.95,
    ),
  };
}

export function formatMetric(key: keyof Metrics, value: number): string {
  if (Number.isNaN(value)) return '–';
  if (key === 'n' || key === 'answerable' || key === 'unanswerable' || key === 'wrongFigures') return String(value);
  if (key === 'p50Ms' || key === 'p95Ms') return value.toFixed(1);
  return value.toFixed(3);
}

/** A fixed-width text table: one row per label. */
export function table(rows: [string, Metrics][]): string {
  const header = ['', ...METRIC_LABELS.map(([, l]) => l)];
  const body = rows.map(([name, m]) => [name, ...METRIC_LABELS.map(([k]) => formatMetric(k, m[k]))]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
}
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
