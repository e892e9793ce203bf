/**
 * `npm run check:vocab [-- --strict] [-- --review]`: is every term of the report that carries a figure or
 * names a measure covered by the citizen vocabulary (corpus/vocabulary.json)? Prints the
 * coverage and the terms without citizen words; validates the vocabulary against the report;
 * with --review, lists the citizen words that are the report's own term for something else.
 */
import { parseArgs } from 'node:util';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { citizenWords, type Vocabulary } from '../corpus/vocabulary.js';
import { normalizeForMatch } from '../text/normalize.js';

/** Words that open the phrase before a figure but are not part of what it measures (共收到行政复议申请 → 行政复议申请). */
const LEADING_VERBS =
  /^(?:共|已|均|新|累计|全市|开展|组织|举办|召开|完成|实现|推动|提供|发出|提出|办理|审查|聘请|配备|制定|编制|录入|收到|出台|备案|印发|上线|兑现|对接|发放|走访|听取|评查|督导检查|抽查|吸纳|播出|刊发|推送|建成|培育|核增|承接落实|认领|作出|审结|化解|移送|开通|明确|涉及|向|为|对|被|在|达|超|近|约|仅|以|其中|并|和)+/u;

const LEADING_COUNTER = /^(?:个|件|名|项|次|台|份|条|家|人次|场次|万|亿|元)[^\p{Script=Han}]*/u;
/** What a figure measures follows the last preposition before it (分五批为全市 37 个单位 → 全市). */
const UP_TO_PREPOSITION = /^.*(?:为|向|给|对)(?=\p{Script=Han})/u;

export interface FigureTerm {
  /** The phrase as the report writes it (normalised). */
  phrase: string;
  /** Why it is listed: the figure it carries, or a quoted name. */
  source: string;
}

/**
 * The report's terms that carry a figure (the phrase a number measures, back to the previous
 * punctuation, without leading verbs) or name a measure (every “…” and 《…》).
 */
export function figureTerms(reportText: string): FigureTerm[] {
  const found = new Map<string, string>();
  for (const line of reportText.split('\n').map(normalizeForMatch)) {
    // A year, month or day (2023年, 11月) and a document number are dates, not figures.
    for (const m of line.matchAll(/([\p{Script=Han}a-z+]+?)(?:达|超|近|约|仅)?(\d+(?:\.\d+)?)(?![\d.年月日号〕])/gu)) {
      // 4 个单位 5 件: the phrase before 5 is the previous figure's measure word, not a term.
      const phrase = m[1]!.replace(LEADING_COUNTER, '').replace(UP_TO_PREPOSITION, '').replace(LEADING_VERBS, '').replace(/的$/u, '');
      if ([...phrase].length >= 2) found.set(phrase, found.get(phrase) ?? m[2]!);
    }
    for (const m of line.matchAll(/“([^”]{2,30})”|《([^》]{2,60})》/gu)) found.set((m[1] ?? m[2])!, 'name');
  }
  return [...found].map(([phrase, source]) => ({ phrase, source }));
}

export interface VocabularyReport {
  problems: string[];
  terms: FigureTerm[];
  uncovered: FigureTerm[];
  /**
   * Citizen words that are the report's own term for something else (法律顾问 listed under 公共法律服务): for review,
   * since a question that uses the report's term then also finds the other one. Many are deliberate synonyms.
   */
  crossReadings: { word: string; term: string }[];
}

/** Validate the vocabulary against the report and measure its coverage of the figure/measure terms. */
export function checkVocabulary(vocabulary: Vocabulary, reportText: string): VocabularyReport {
  const report = normalizeForMatch(reportText).replace(/\s+/gu, '');
  const problems: string[] = [];
  for (const t of vocabulary.terms) {
    const term = normalizeForMatch(t.term).replace(/\s+/gu, '');
    if (!report.includes(term)) problems.push(`term not in the report: ${t.term}`);
    if (citizenWords(t).some((w) => normalizeForMatch(w) === term)) problems.push(`variant repeats its term: ${t.term}`);
  }
  const withWords = vocabulary.terms.filter((t) => citizenWords(t).length > 0).map((t) => normalizeForMatch(t.term).replace(/\s+/gu, ''));
  const terms = figureTerms(reportText);
  const uncovered = terms.filter(({ phrase }) => !withWords.some((t) => phrase.includes(t) || t.includes(phrase)));
  const own = new Set(vocabulary.terms.map((t) => normalizeForMatch(t.term)));
  const crossReadings = vocabulary.terms.flatMap((t) =>
    t.zh
      .filter((w) => own.has(normalizeForMatch(w)) && normalizeForMatch(w) !== normalizeForMatch(t.term))
      .map((word) => ({ word, term: t.term })),
  );
  return { problems, terms, uncovered, crossReadings };
}

function main() {
  const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false }, review: { type: 'boolean', default: false } } });
  const corpus = loadCorpusFiles();
  const { problems, terms, uncovered, crossReadings } = checkVocabulary(corpus.vocabulary, corpus.source);
  const variants = corpus.vocabulary.terms.reduce((n, t) => n + citizenWords(t).length, 0);
  console.log(`vocabulary: ${corpus.vocabulary.terms.length} terms, ${variants} citizen words`);
  const covered = terms.length - uncovered.length;
  console.log(
    `figure/measure terms: ${terms.length}, with citizen variants: ${covered} (${((100 * covered) / terms.length).toFixed(1)} %)`,
  );
  for (const u of uncovered) console.log(`  no citizen words: ${u.phrase} (${u.source})`);
  console.log(`citizen words that are the report's own term for something else: ${crossReadings.length} (--review lists them)`);
  if (values.review) for (const c of crossReadings) console.log(`  review: ${c.word} → ${c.term}`);
  for (const p of problems) console.error(`  problem: ${p}`);
  if (values.strict && (problems.length || uncovered.length)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
