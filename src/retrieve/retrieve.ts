import { search } from '@orama/orama';
import type { ChatTurn, Paragraph, Span } from '../types.js';
import type { ReportIndex } from '../index/report-index.js';
import { analyzeQuery, type QueryAnalysis, type QueryUnit } from './analyze-query.js';
import { loadPinyin, pinyinLoaded } from '../text/pinyin.js';
import { coverage, hasRequired, weighUnits, type GramStats, type WeightedUnit } from './coverage.js';
import { contextQuestions, isElliptical } from './follow-up.js';
import type { Lexicon } from './lexicon.js';
import type { IntentReader } from './question-intent.js';
import { splitQuestion } from './split-question.js';
import { occurrences } from '../text/tokenize.js';

export interface RetrievalTuning {
  /** Candidates taken from Orama before re-ranking. */
  candidates: number;
  /** Orama hybrid weights (text vs vector), both normalised per query. */
  hybridWeights: { text: number; vector: number };
  /** Share of the final score given to coverage (the rest is the hybrid score). */
  coverageWeight: number;
  /** Weight of earlier questions' words in a follow-up, relative to the current question. */
  contextWeight: number;
  /** Added when the question names the paragraph's place in the document (文号, 落款, 第五部分): a named place ranks first. */
  structureBonus: number;
  /** Factor on a part heading's score when the question does not name the part: the body says more. */
  headingFactor: number;
  /**
   * A question whether or where the report covers a subject (报告有没有讲执法, 讲X的是第几部分) is answered by the
   * heading of the part about it: a heading whose words cover this share of the question gets `structureBonus`.
   */
  topicCoverage: number;
}

export const DEFAULT_RETRIEVAL_TUNING: RetrievalTuning = {
  candidates: 15,
  hybridWeights: { text: 0.7, vector: 0.3 },
  coverageWeight: 0.7,
  contextWeight: 0.35,
  structureBonus: 0.5,
  headingFactor: 0.8,
  topicCoverage: 0.5,
};

/** Weights for judging a single sentence: a word the report never uses is missing, not a paraphrase. */
const STRICT = { unknownWeight: 1, unknownLatinWeight: 0.6 };

export interface ScoredSpan extends Span {
  quote: string;
  score: number;
}

export interface RetrievedParagraph {
  paragraph: Paragraph;
  /** Final ranking score in [0, 1]. */
  score: number;
  /** Orama hybrid score normalised to the best candidate. */
  hybrid: number;
  /** Coverage of the current question (of the conversation, for a follow-up that says little itself). */
  coverage: number;
  /** All numbers the question names occur in the paragraph. */
  requiredOk: boolean;
  /** The question names the paragraph by its place in the document (落款, 印发日期, 第五部分). */
  namesPlace: boolean;
  /** Sentences ranked by how well they answer (ranked on first read, then the same array). */
  readonly spans: ScoredSpan[];
  /** The paragraph's sentences normalised for matching, in document order. */
  sentenceText: string[];
  /** The paragraph's section path normalised for matching. */
  sectionText: string;
}

export interface Retrieval {
  question: string;
  analysis: QueryAnalysis;
  /** Earlier user questions used because this one is a follow-up. */
  context: string[];
  hits: RetrievedParagraph[];
  /** The question's weighted content words that an answer must cover (the conversation's, for a follow-up that names nothing). */
  judged: WeightedUnit[];
  /**
   * The same words weighed strictly, a word the report never uses counting in full, for judging
   * one sentence: alone, and with the sentences around the question (我想当普法志愿者。…),
   * whichever the sentence covers better.
   */
  strict: WeightedUnit[][];
  /** The asked-about words (see `QueryAnalysis.target`), weighed strictly, or null. */
  target: { text: string; units: WeightedUnit[]; counted: boolean; modifier?: QueryUnit } | null;
  /** What sentences must hold for each kind of question. */
  intent: IntentReader;
  /** Report terms that name a body, a group or a platform (see `Lexicon.named`). */
  named: Set<string>;
  /** The report's terms of the same kind as a term (see `Lexicon.siblings`). */
  siblings: Lexicon['siblings'];
  /** Report terms for bodies and groups, counted by a number of them (see `Lexicon.countable`). */
  countable: Set<string>;
  /** Whose a report term is, by citizens' words for it (see `Lexicon.owns`). */
  owns: Lexicon['owns'];
  /** Years a part of the report is about (2024 of 九、2024年工作思路): the report is not silent on them. */
  partYears: Set<string>;
  /** The heading of each part 一、…九、 of the report, in reading order. */
  parts(): Paragraph[];
  /** The report's title normalised for matching: what every part is about (法治政府建设), said or not. */
  titleText: string;
  /** The first paragraph of each sub-part （一）（二）… of a part 一、…九、, in reading order: the part's items. */
  subparts(part: number): Paragraph[];
}

export interface RetrieverDeps {
  index: ReportIndex;
  lexicon: Lexicon;
  stats: GramStats;
  subjectYear: number;
  tuning?: RetrievalTuning;
}

export interface RetrieveOptions {
  /**
   * Report wording for the question from elsewhere (a model's rewrite): searched for, used to
   * rank, and a paragraph it covers may answer; never shown as an answer.
   */
  extraTerms?: string[];
}

export type Retriever = (question: string, history?: ChatTurn[], options?: RetrieveOptions) => Promise<Retrieval>;

/**
 * Hybrid retrieval then re-ranking: Orama (BM25 over our tokens + vectors) proposes
 * candidates; each is re-scored by how much of the question's meaning it covers, and its
 * sentences are ranked so an answer can quote the exact span.
 */
export function createRetriever({ index, lexicon, stats, subjectYear, tuning = DEFAULT_RETRIEVAL_TUNING }: RetrieverDeps): Retriever {
  const analyze = (q: string) => analyzeQuery(q, lexicon, subjectYear);
  const titleText = (index.sentenceText.get('header-title') ?? []).join(' ');
  const parts = partsOf(index);
  // The years each part's heading is about (九、2024年工作思路 → 2024).
  const yearsOf = new Map(parts.map((p) => [p.part!, [...p.text.matchAll(/(?<!\d)((?:19|20)\d{2})(?=\s*年)/gu)].map((m) => m[1]!)]));
  const partYears = new Set([...yearsOf.values()].flat());
  // The parts about a later year than the report's: plans, not what was done.
  const planParts = new Set([...yearsOf].filter(([, years]) => years.some((y) => Number(y) > subjectYear)).map(([part]) => part));

  return async function retrieve(question, history = [], { extraTerms = [] } = {}) {
    // A question word the report lacks is tried as a pinyin-input typo: the first question loads pinyin-pro.
    if (!pinyinLoaded()) await loadPinyin();
    const { focus, context: surrounding } = splitQuestion(spacedClauses(question));
    const asked = analyze(focus);
    const context = history.length && isElliptical(focus, asked) ? contextQuestions(history, analyze) : [];
    // 那下面部门报上来备案的呢 (after 规范性文件出了几个): a follow-up that asks no kind of fact asks the earlier one's.
    const earlier = context.map(analyze);
    const inherits =
      earlier[0] && !asked.intent.expects.length && !asked.intent.list && !asked.intent.yesno && earlier[0].intent.expects.length;
    const analysis = inherits ? { ...asked, intent: earlier[0]!.intent } : asked;
    const surroundingAnalysis = surrounding ? analyze(surrounding) : null;
    const contextAnalyses = [...(surroundingAnalysis ? [surroundingAnalysis] : []), ...earlier];
    const rewrite = extraTerms.length ? analyze(extraTerms.join(' ')) : null;
    const rewritten = rewrite ? weighUnits(rewrite, stats) : [];
    const current = weighUnits(analysis, stats);
    const combined = [...current, ...rewritten, ...contextAnalyses.flatMap((a) => weighUnits(a, stats, tuning.contextWeight))];
    // A follow-up that names nothing itself (那具体呢？) is judged on the conversation.
    const judged = current.length ? current : combined;

    const term = [
      analysis.normalized,
      ...analysis.expansions,
      ...(rewrite ? [rewrite.normalized, ...rewrite.expansions] : []),
      ...contextAnalyses.flatMap((a) => [a.normalized, ...a.expansions]),
    ].join(' ');
    const vector = await embedQuery(index, term);
    const common = { term, properties: ['text', 'section', 'aliases'], threshold: 1, limit: tuning.candidates };
    // Without a query vector (the embedding provider failed) full-text alone still answers.
    const result = await search(
      index.db,
      (vector
        ? {
            ...common,
            mode: 'hybrid',
            vector: { value: vector, property: 'embedding' },
            similarity: 0.01,
            hybridWeights: tuning.hybridWeights,
          }
        : { ...common, mode: 'fulltext' }) as Parameters<typeof search>[1],
    );

    const top = Math.max(1e-9, ...result.hits.map((h) => h.score));
    const asksTopic = analysis.intent.kinds.has('topic');
    const asksDone =
      DONE.test(analysis.normalized) && !PLANNED.test(analysis.normalized) && !analysis.required.some((n) => partYears.has(n));
    const hits = result.hits.flatMap(function rescore(hit): RetrievedParagraph[] {
      const paragraph = index.paragraphs.get(String(hit.id));
      const matchText = index.matchText.get(String(hit.id));
      if (!paragraph || matchText === undefined) return [];
      const hybrid = hit.score / top;
      // A paragraph the rewrite covers may answer; the kind of fact and the thing asked about are still
      // the citizen's (see groundAnswer), so a wrong rewrite cannot put another kind of figure in front of them.
      const namesPlace = (index.aliases.get(paragraph.id) ?? []).some((a) => analysis.normalized.includes(a));
      const own = coverage(judged, matchText);
      const cov = Math.max(own, rewritten.length ? coverage(rewritten, matchText) : 0);
      // Without a rewrite or earlier questions the ranking units are the judged ones: the same coverage.
      const rankCov = combined.length === judged.length ? own : coverage(combined, matchText);
      let score = tuning.coverageWeight * rankCov + (1 - tuning.coverageWeight) * hybrid;
      const coversTopic = asksTopic && paragraph.kind === 'heading' && own >= tuning.topicCoverage;
      if (namesPlace || coversTopic) score += tuning.structureBonus;
      else if (paragraph.kind === 'heading') score *= tuning.headingFactor;
      // 做了哪些改革 asks what was done: the part about next year's plans says what will be.
      if (asksDone && paragraph.part !== null && planParts.has(paragraph.part)) score *= tuning.headingFactor;
      const sentenceText = index.sentenceText.get(paragraph.id)!;
      // Ranked when first read: an answer reads the sentences of one to three of the candidates.
      let spans: ScoredSpan[] | undefined;
      return [
        {
          paragraph,
          hybrid,
          coverage: cov,
          score,
          requiredOk: hasRequired(analysis.required, matchText),
          // (报告有没有讲执法: the heading of the part about it is named by its topic, as 第五部分 names it by place.)
          namesPlace: namesPlace || coversTopic,
          get spans() {
            return (spans ??= rankSentences(paragraph, sentenceText, combined, analysis, lexicon));
          },
          sentenceText,
          sectionText: index.sectionText.get(paragraph.id)!,
        },
      ];
    });
    hits.sort((a, b) => b.score - a.score);
    const target = analysis.target
      ? { ...analysis.target, units: weighUnits({ ...analysis, units: analysis.target.units }, stats, 1, STRICT) }
      : null;
    // The sentences around the question (我想当普法志愿者。) say what it is about, too.
    const own = weighUnits(analysis, stats, 1, STRICT);
    const strict = [
      ...(!current.length ? [judged] : surroundingAnalysis ? [own, [...own, ...weighUnits(surroundingAnalysis, stats, 1, STRICT)]] : [own]),
      // The model's reading of the subject may stand in for the citizen's words; the asked kind and thing stay theirs.
      ...(rewrite ? [weighUnits(rewrite, stats, 1, STRICT)] : []),
      // 有哪几种做法: a sentence need not say 做法 to list the measures; one that does (65 个功能模块) still may answer.
      ...(analysis.askedAs && own.length > 1 && own.some((u) => u.unit.text === analysis.askedAs)
        ? [own.filter((u) => u.unit.text !== analysis.askedAs)]
        : []),
    ];
    return {
      question,
      analysis,
      context,
      hits,
      judged,
      strict,
      target,
      intent: lexicon.intent,
      named: lexicon.named,
      siblings: lexicon.siblings,
      owns: lexicon.owns,
      countable: lexicon.countable,
      subparts: (part) => subpartsOf(index, part),
      parts: () => parts,
      partYears,
      titleText,
    };
  };
}

/** A question about what was done (做了, 搞过, 去年, 已经), and one about what is planned (明年, 打算, 今后, 准备). */
const DONE = /(?:做|搞|办|干|推|开展|出台|实施|改)(?:了|过)|去年|已经|\b(?:did|has|have|was|were)\b/u;
const PLANNED = /明年|打算|今后|以后|将来|计划|准备|要做|规划|下一步|接下来|\b(?:will|plan|plans|next year)\b/u;

/**
 * Voice input and quick typing leave out punctuation and pause with a space (我帮我爸问下 他开小作坊的 那几张清单…):
 * a space between Chinese words ends a clause, as a comma would. (The report's own spaces, 228 件, sit by figures.)
 */
export function spacedClauses(question: string): string {
  return question.replace(/(\p{Script=Han})[ \t\u3000]+(?=\p{Script=Han})/gu, '$1，');
}

/** An enumeration inside one sentence: three items or more separated by 、. */
export const ENUMERATION = /、[^、，。；]{2,30}、/u;

/**
 * Sentences ranked by coverage of the question (`sentenceText`: the paragraph's sentences,
 * normalised once at index time); a sentence holding every number the question
 * names ranks first, one with the kind of figure asked for is preferred, and so is an
 * enumeration when the question asks for a list.
 */
export function rankSentences(
  paragraph: Paragraph,
  sentenceText: string[],
  units: WeightedUnit[],
  { intent, required }: Pick<QueryAnalysis, 'intent' | 'required'>,
  { intent: reader }: Pick<Lexicon, 'intent'>,
): ScoredSpan[] {
  return paragraph.sentences
    .map(function score({ start, end }, i): ScoredSpan {
      const quote = paragraph.text.slice(start, end);
      const text = sentenceText[i]!;
      const holds = intent.expects.length > 0 && intent.expects.every((k) => reader.holds(k, text));
      const figure =
        (holds ? 0.15 : 0) +
        (intent.list && ENUMERATION.test(text) ? 0.15 : 0) +
        (intent.kinds.has('definition') && units.some((u) => u.unit.kind === 'glossary' && u.unit.forms.some((f) => defines(text, f)))
          ? 0.3
          : 0);
      const named = required.length && hasRequired(required, text) ? 1 : 0;
      return { start, end, quote, score: coverage(units, text) + figure + named };
    })
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Does the sentence say what `term` is: its items listed right before it (不予处罚、减轻处罚…“四张清单”), or an
 * explanation right after it (（…）, 即, 是指, 包括)? A mention inside a document's title (《…“四张清单”的通知》) does not.
 */
function defines(text: string, term: string): boolean {
  return occurrences(text, term).some((i) => {
    const raw = text.slice(Math.max(0, i - 40), i);
    const before = raw.replace(/[“"「]+$/u, '');
    const after = text.slice(i + term.length).replace(/^[”"」]+/u, '');
    // Inside a title (《…“四张清单”的通知》) or inside a longer quoted name (“企业歇业备案信息共享平台”): a mention.
    if (/《[^》]*$/u.test(raw) || /[“「][^”」]*$/u.test(before)) return false;
    return /、[^、，。；《》“”]{1,20}$/u.test(before) || /^(?:（|\(|即|是指|指的是|包括)/u.test(after);
  });
}

async function embedQuery(index: ReportIndex, term: string): Promise<number[] | null> {
  try {
    const [vector] = await index.embedder.embed([term], 'query');
    return vector ?? null;
  } catch (error) {
    console.warn(`[retrieve] query embedding failed, using full-text only: ${(error as Error).message}`);
    return null;
  }
}

/** The heading of each part of the report, in reading order. */
function partsOf(index: ReportIndex): Paragraph[] {
  return [...index.paragraphs.values()]
    .filter((p) => p.kind === 'heading' && p.part !== null && p.subpart === null)
    .sort((a, b) => a.order - b.order);
}

/** The first paragraph of each sub-part of `part`, in reading order. */
function subpartsOf(index: ReportIndex, part: number): Paragraph[] {
  const firsts = new Map<number, Paragraph>();
  for (const p of index.paragraphs.values()) {
    if (p.part !== part || p.subpart === null) continue;
    const seen = firsts.get(p.subpart);
    if (!seen || p.order < seen.order) firsts.set(p.subpart, p);
  }
  return [...firsts.values()].sort((a, b) => a.order - b.order);
}
