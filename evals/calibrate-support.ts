import { claimSupport, MIN_CLAIM_SUPPORT } from '../src/answer/claim-support.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { ingest } from '../src/ingest/ingest.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import type { Paragraph } from '../src/types.js';
import { GOLD_PATH, loadGold, type GoldItem } from './lib/gold.js';

/**
 * `npm run calibrate:support`: chooses the least share of a claim's words its quotes must support
 * (`MIN_CLAIM_SUPPORT`). On the answerable items of evals/gold.jsonl (dev and test; never the
 * blind split), for each key fact found in a gold paragraph's sentence, it builds claims a careful
 * model would write with that sentence as the quote, and corrupted ones, then prints the
 * distribution of the support ratio for each and the threshold that separates them.
 *
 * honest:   the clause stating the fact, framed (根据报告，…。) or dated (2023年，…。);
 *           the question restated with the fact in place of its question word (report-worded questions);
 * corrupt:  the honest claim on the sentence of an unrelated paragraph (another part of the report);
 *           the honest claim with a clause of an unrelated paragraph added;
 *           the honest claim with a short invented addition (群众满意度大幅提升 …).
 */
const INVENTED = ['，群众满意度大幅提升', '，获得国务院通报表扬', '，比上年增长一倍以上', '，全部实现线上办结', '，受到省领导高度肯定'];
const ASKED = '(?:多少[件个名项人次家户台份元条万亿]*|几[件个名项人次家户台份条]?|哪些|哪个|哪家|什么|是否|有没有|吗)';
const QUESTION_WORD = new RegExp(`(?:是)?${ASKED}(?=[？?。，]*$)|[？?]$`, 'u');

interface Sample {
  kind: string;
  honest: boolean;
  claim: string;
  quote: string;
  ratio: number;
}

function main() {
  const corpus = loadCorpusFiles();
  const document = ingest(corpus.source, corpus.meta);
  const paragraphs = new Map(document.paragraphs.map((p) => [p.id, p]));
  const context = { contextNumbers: [String(corpus.meta.subjectYear)] };
  const items = loadGold([GOLD_PATH]).filter((i) => i.answerable && i.category !== 'english');

  const grounded = items.flatMap((item) => factSentences(item, paragraphs));
  const samples: Sample[] = [];
  const add = (kind: string, honest: boolean, claim: string, quote: string) =>
    samples.push({ kind, honest, claim, quote, ratio: claimSupport(claim, [quote], context).ratio });

  for (const item of items) {
    const restated = restatement(
      item,
      grounded.filter((g) => g.item === item),
    );
    if (restated) add('honest: question restated', true, restated.claim, restated.quote);
  }
  grounded.forEach((g, i) => {
    const framed = `根据报告，${g.clause}。`;
    add('honest: framed clause', true, framed, g.sentence);
    add('honest: dated clause', true, `${corpus.meta.subjectYear}年，${g.clause}。`, g.sentence);
    const other = unrelated(grounded, i);
    add('corrupt: unrelated quote', false, framed, other.sentence);
    add('corrupt: unrelated clause added', false, `根据报告，${g.clause}，${other.clause}。`, g.sentence);
    add('corrupt: invented addition', false, `根据报告，${g.clause}${INVENTED[i % INVENTED.length]}。`, g.sentence);
  });

  const kinds = [...new Set(samples.map((s) => s.kind))];
  console.log(`support ratio of claims built from ${grounded.length} facts of ${items.length} answerable gold items (evals/gold.jsonl)\n`);
  console.log('kind                               n    min   p05   p25   p50   max');
  for (const kind of kinds) {
    const r = samples
      .filter((s) => s.kind === kind)
      .map((s) => s.ratio)
      .sort((a, b) => a - b);
    const figures = [r[0]!, q(r, 0.05), q(r, 0.25), q(r, 0.5), r.at(-1)!].map((x) => x.toFixed(2));
    console.log(`${kind.padEnd(32)} ${String(r.length).padStart(4)}  ${figures.join('  ')}`);
  }

  // Each kind weighs the same (the two clause kinds are many and easy); a threshold is scored by
  // the mean share of honest claims kept and of corrupted claims removed, per kind.
  const honestKinds = kinds.filter((k) => k.startsWith('honest'));
  const corruptKinds = kinds.filter((k) => k.startsWith('corrupt'));
  const right = (kind: string, t: number) =>
    share(
      samples.filter((s) => s.kind === kind),
      (s) => s.ratio >= t === s.honest,
    );
  console.log(
    `\nthreshold  ${[...honestKinds.map((k) => `kept: ${k.slice(8)}`), ...corruptKinds.map((k) => `removed: ${k.slice(9)}`)].join('  ')}  balanced`,
  );
  let best = { threshold: 0, score: -1 };
  for (let t = 0.3; t <= 0.951; t += 0.05) {
    const kept = honestKinds.map((k) => right(k, t));
    const removed = corruptKinds.map((k) => right(k, t));
    const score = (mean(kept) + mean(removed)) / 2;
    // Ties go to the higher threshold: a claim withheld leaves the verified rest, or the extractive answer.
    if (score >= best.score - 1e-9) best = { threshold: Math.round(t * 100) / 100, score };
    console.log(`${t.toFixed(2).padStart(9)}  ${[...kept, ...removed].map((x) => x.toFixed(3)).join('  ')}  ${score.toFixed(3)}`);
  }
  console.log(`\nbest balanced accuracy ${best.score.toFixed(3)} at ${best.threshold.toFixed(2)}`);
  console.log(`MIN_CLAIM_SUPPORT in src/answer/claim-support.ts is ${MIN_CLAIM_SUPPORT}`);

  const misjudged = samples.filter((s) => s.ratio >= MIN_CLAIM_SUPPORT !== s.honest);
  console.log(`\nmisjudged at ${MIN_CLAIM_SUPPORT}: ${misjudged.length} of ${samples.length}`);
  for (const s of misjudged.slice(0, 12)) console.log(`  ${s.ratio.toFixed(2)} ${s.kind}: ${s.claim}  ⟸  ${s.quote.slice(0, 50)}`);
}

interface Grounded {
  item: GoldItem;
  fact: string;
  paragraph: Paragraph;
  /** The gold sentence stating the fact: the quote. */
  sentence: string;
  /** The clause of that sentence stating the fact, spaces removed: the honest claim's core. */
  clause: string;
}

/** Each key fact of an item, with the gold sentence and clause that state it (facts no single sentence states are skipped). */
function factSentences(item: GoldItem, paragraphs: Map<string, Paragraph>): Grounded[] {
  return item.facts.flatMap((fact) => {
    for (const id of item.gold) {
      const paragraph = paragraphs.get(id);
      const span = paragraph?.sentences.find((s) =>
        normalizeForMatch(paragraph.text.slice(s.start, s.end)).includes(normalizeForMatch(fact)),
      );
      if (!paragraph || !span) continue;
      const sentence = paragraph.text
        .slice(span.start, span.end)
        .trim()
        .replace(/[。；;]$/u, '');
      const clause = sentence.split(/[，；：,;:]/u).find((c) => normalizeForMatch(c).includes(normalizeForMatch(fact))) ?? sentence;
      return [{ item, fact, paragraph, sentence, clause: clause.replace(/\s+/gu, '').replace(/^（[一二三四五六七八九十]+）/u, '') }];
    }
    return [];
  });
}

/** The next fact (cyclically) from a paragraph in another part of the report. */
function unrelated(grounded: Grounded[], i: number): Grounded {
  const mine = grounded[i]!.paragraph;
  for (let k = 1; k < grounded.length; k++) {
    const other = grounded[(i + k) % grounded.length]!;
    if (other.paragraph.part !== mine.part) return other;
  }
  throw new Error('no unrelated paragraph');
}

/**
 * The question answered in its own words, its question word replaced by the facts, on the one
 * gold sentence stating them all: 行政复议案件中调解和解率是多少？ → 行政复议案件中调解和解率是22.37%。
 * Only for questions in the report's register a careful model would echo: not typos, injections,
 * Traditional script or follow-ups, and only when the question word is the last thing asked.
 */
function restatement(item: GoldItem, grounded: Grounded[]): { claim: string; quote: string } | null {
  if (item.style !== 'report' || item.history || ['typo', 'injection', 'traditional'].includes(item.category)) return null;
  const sentences = new Set(grounded.map((g) => g.sentence));
  const [quote] = sentences;
  if (sentences.size !== 1 || grounded.length !== item.facts.length || !quote) return null;
  const stem = item.question.trim();
  if (!QUESTION_WORD.test(stem)) return null;
  const facts = item.facts.join('、');
  const claim = `${stem.replace(QUESTION_WORD, (m) => (m.startsWith('是') ? `是${facts}` : facts)).replace(/[？?]+$/u, '')}。`;
  return /哪|几|多少|什么|吗|是否|有没有/u.test(claim) ? null : { claim, quote };
}

const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = <T>(xs: T[], pred: (x: T) => boolean) => (xs.length ? xs.filter(pred).length / xs.length : 0);

main();
