import { normalizeForMatch } from '../text/normalize.js';
import { hanBigrams } from '../text/tokenize.js';
import { chineseValue, extractNumbers, type NumberMention } from '../text/extract-numbers.js';
import { askedOwners } from './asked-owner.js';
import { asksPartOfTotal } from './part-of-total.js';
import { coverage, hasRequired, type WeightedUnit } from '../retrieve/coverage.js';
import { requiredParts } from '../retrieve/analyze-query.js';
import type { EvidenceKind } from '../retrieve/question-intent.js';
import { ENUMERATION, type Retrieval, type RetrievedParagraph, type ScoredSpan } from '../retrieve/retrieve.js';
import type { Span } from '../types.js';

export interface GroundingTuning {
  /** Least share of the question's words (strictly weighed) that the answering sentence, under its section, must hold. */
  minSentenceCoverage: number;
  /** Least coverage of the asked-about thing (多少家企业 → 企业) by the words around the figure. */
  minTargetCoverage: number;
  /** Sentences of a paragraph tried, best ranked first. */
  sentencesTried: number;
}

export const DEFAULT_GROUNDING_TUNING: GroundingTuning = { minSentenceCoverage: 0.4, minTargetCoverage: 0.5, sentencesTried: 3 };

/** Kinds answered by a figure inside a clause, so the figure and what it measures must sit together. */
const FIGURE_KINDS = new Set<EvidenceKind>([
  'count',
  'figure',
  'rate',
  'money',
  'fee',
  'duration',
  'date',
  'year',
  'time',
  'phone',
  'growth',
  'breakdown',
]);

/** Kinds whose figure counts or measures a thing the question names (多少家企业, 纠错率是多少). */
const COUNTED = new Set<EvidenceKind>(['count', 'figure', 'rate', 'money', 'growth']);

/** What was missing when no sentence grounds the answer: the asked kind of fact, the asked-about thing, or the subject. */
export type GroundingGap = { kind: 'subject' } | { kind: 'evidence'; evidence: EvidenceKind | 'list' | 'name'; target: string | null };

export type Grounding =
  | {
      ok: true;
      hit: RetrievedParagraph;
      /** The sentence that answers, ranked first. */
      sentence: ScoredSpan;
      /** The clause that holds the asked figure (纠错率 21.05%), to lead the answer with. */
      figure: Span | null;
    }
  | { ok: false; gap: GroundingGap; hit: RetrievedParagraph };

/**
 * Typed grounding: a sentence answers only if it holds the question's subject (its words,
 * under its section path) and the kind of fact asked for — a figure of the right sort next to
 * the thing asked about, a name after its label, an address, a comparison — and that figure is
 * not one the question itself states (228件里有多少件… asks for a part of 228).
 */
export function groundAnswer(retrieval: Retrieval, hit: RetrievedParagraph, tuning: GroundingTuning = DEFAULT_GROUNDING_TUNING): Grounding {
  const { analysis, intent, strict, target } = retrieval;
  const expects = analysis.intent.expects;
  // The report's figures the question quotes (那14件…): a list asked of them is listed by them.
  const quotedFigures = requiredParts(analysis.required).figures;
  let gap: GroundingGap = { kind: 'subject' };
  // A figure of a body the question names is told in a paragraph that names it (金牌调解室的纠错率 is not 行政复议's).
  const paragraphText = hit.sentenceText.join(' ');
  const whole = `${hit.sectionText} ${paragraphText}`;
  // What the question alone says, read once per question for all the paragraphs it is tried on.
  const { event, subjectTerms, namedCount } = questionReading(retrieval);
  const counted = expects.find((k) => COUNTED.has(k));
  const owner = counted && target ? askedOwners(retrieval).find((u) => coverage([u], whole) < 1) : undefined;
  if (counted && target && owner) {
    const asked = target.text.includes(owner.unit.text) ? target.text : `${owner.unit.text}的${target.text}`;
    return { ok: false, gap: { kind: 'evidence', evidence: counted, target: asked }, hit };
  }
  // Of the sentences that hold the asked kind of fact, the one that covers the question best (述法评议会 held in
  // 11 月, not the notice about 述法 sent in 5 月); the better ranked on a tie.
  let chosen: { sentence: ScoredSpan; figure: Span | null; covered: number } | null = null;
  // (A question that only names a part of the document, 这份报告说的是哪一年的情况, has no words of its own to cover.)
  // (Nor does one whether the report covers a subject, 报告有没有专门讲执法: the part's heading was found covering it.)
  const unworded = hit.namesPlace && (!strict.some((units) => units.length) || analysis.intent.kinds.has('topic'));
  // 啥叫四张清单: a counted name is told by the sentence that lists its items by it, wherever that one ranks.
  const defined = analysis.intent.kinds.has('definition') ? definedCount(analysis.normalized) : null;
  const textOf = (span: ScoredSpan) => hit.sentenceText[hit.paragraph.sentences.findIndex((s) => s.start === span.start)] ?? '';
  const listing = defined ? hit.spans.filter((span) => countedItemsStated(textOf(span), defined)) : [];
  const tried = [...listing, ...hit.spans.filter((span) => !listing.includes(span))].slice(0, tuning.sentencesTried);
  for (const sentence of tried) {
    const text = textOf(sentence);
    const context = `${hit.sectionText} ${clauseLead(hit, sentence)} ${text}`;
    const covered = strict.length ? Math.max(...strict.map((units) => coverage(units, context))) : 1;
    if (!unworded && covered < tuning.minSentenceCoverage) continue;
    // A question that quotes a figure of the report (那5500件…) is about the sentence that states it.
    if (!hasRequired(analysis.required, context)) continue;
    // 有几个领导不合格 asks for those who failed: a figure of all who were rated does not answer it.
    if (counted && !analysis.conditions.every((c) => intent.statesCondition(c, text))) {
      gap = { kind: 'evidence', evidence: counted, target: [target?.text ?? '', ...analysis.conditions].join('') || null };
      continue;
    }
    // A fact asked about a report term (法治政府建设纲要) is told where one of the question's report terms is, not in a
    // sentence that shares only everyday words with it (国家 of 国家机关). (The lines a question names by their place are exempt.)
    if (expects.length && !hit.namesPlace) {
      if (subjectTerms.length && !subjectTerms.some((u) => coverage([u], context) >= 0.5)) continue;
    }
    // 检察建议 asked, 司法建议 told: the sentence speaks of another kind of the thing the question names.
    if (namesSibling(retrieval, context)) continue;
    // 泉州全市的纠错率: a figure asked of another place the report names is told in a sentence naming it, not of 石狮.
    if (!analysis.places.every((place) => context.includes(place))) continue;

    // 哪天公布的 asks when something was announced: a date of another event in the sentence (推荐…参评) does not answer.
    if (event && !eventStated(event, context)) {
      gap = { kind: 'evidence', evidence: expects[0]!, target: target?.text ?? null };
      continue;
    }
    let figure: Span | null = null;
    let clauses: Clause[] | undefined;
    const missing = expects.find(function lacks(kind) {
      // The part of the document the question names (写给谁 → the addressee line) is what it asks for, a body or a person.
      if (kind === 'person' && hit.namesPlace && (hit.paragraph.kind === 'header' || hit.paragraph.kind === 'closing')) return false;
      if (!FIGURE_KINDS.has(kind)) return !intent.holds(kind, text);
      clauses ??= splitClauses(hit.paragraph.text, sentence);
      figure = figureClause(clauses, kind, retrieval, tuning, paragraphText);
      return figure === null;
    });
    if (missing) {
      gap = { kind: 'evidence', evidence: missing, target: target?.text ?? null };
      continue;
    }
    // 是哪一家 asks to identify one: the sentence must name one the question does not (会计师事务所挂名执业 names none).
    if (analysis.intent.kinds.has('which') && !namesOne(retrieval, text)) {
      gap = { kind: 'evidence', evidence: 'name', target: target?.text ?? null };
      continue;
    }
    // 三项制度是哪三项: the items are listed right by the name (实体、热线、网络三大平台), or the report does not say them.
    if (namedCount && !countedItemsStated(text, namedCount)) {
      gap = { kind: 'evidence', evidence: 'list', target: namedCount.name };
      continue;
    }
    // A question for named things (哪几家, 具体是哪些) is answered by items: an enumeration, or 一是…二是….
    // (Or that it points back at: 那几家被罚企业都是哪几家 asks the names of the 8 家 it refers to.)
    const anchors = quotedFigures.length ? quotedFigures : pointedAt(analysis, text);
    // 发了哪几个通知 asks documents by name: a sentence that names documents (《…》) lists them, not 一是… clauses.
    if (analysis.intent.list && !expects.length && DOCUMENTS_ASKED.test(analysis.normalized) && !text.includes('《')) {
      gap = { kind: 'evidence', evidence: 'list', target: target?.text ?? null };
      continue;
    }
    if (analysis.intent.list && analysis.wantsThings && !expects.length && !listed(hit, text, anchors)) {
      gap = { kind: 'evidence', evidence: 'list', target: target?.text ?? null };
      continue;
    }
    // A question about which/what thing (哪几家银行) needs that thing named in the sentence.
    if (!figure && target && coverage(target.units, context) < tuning.minTargetCoverage) {
      gap = { kind: 'evidence', evidence: 'name', target: target.text };
      continue;
    }
    // (A question for what was done is quoted from its best-ranked sentence on: the span widens from there.)
    if (!expects.length) return { ok: true, hit, sentence, figure };
    if (!chosen || covered > chosen.covered) chosen = { sentence, figure, covered };
  }
  return chosen ? { ok: true, hit, sentence: chosen.sentence, figure: chosen.figure } : { ok: false, gap, hit };
}

/**
 * The context names a report term of the same kind (same head word) as one the question names in
 * the report's words, and not the question's own (检察建议 asked, 司法建议 there; 重点企业 asked, 民营企业 there):
 * shared characters make it look covered, but it is about something else.
 */
function namesSibling({ analysis, siblings }: Pick<Retrieval, 'analysis' | 'siblings'>, context: string): boolean {
  // Only a kind the citizen names in the report's own words: an everyday word (平台, 被罚款) stands for the
  // whole family of report terms, and any of them answers.
  return analysis.units.some(function contrasted(unit) {
    if (unit.kind !== 'glossary' || unit.forms.some((f) => context.includes(f))) return false;
    return siblings(unit.text).some((t) => !unit.forms.includes(t) && context.includes(t));
  });
}

interface QuestionReading {
  /** The event a when-question asks the date of (哪天公布的 → 公布). */
  event: { text: string; forms: string[] } | null;
  /**
   * The question's report terms that say what it is about: not the ones that name the kind of fact asked
   * (电话 of 法律服务热线电话是多少: the report's 联系电话 is the contact's, not the hotline's).
   */
  subjectTerms: WeightedUnit[];
  /** The counted name a list question asks the items of (三项制度是哪三项). */
  namedCount: { name: string; noun: string; n: number } | null;
  /**
   * What the question says was done, right before its ask (罚了多少钱, 输了几件, 化解了几件): a figure answers only
   * where its own clause says it (减轻…负担 479 万元 was not fined; 已化解行政争议 4 件 were not lost).
   */
  done: WeightedUnit | undefined;
}

const readings = new WeakMap<Retrieval, QuestionReading>();

/** The parts of grounding that depend on the question alone, read once per question (a retrieval). */
function questionReading(retrieval: Retrieval): QuestionReading {
  let reading = readings.get(retrieval);
  if (!reading) {
    const { analysis, intent } = retrieval;
    const expects = analysis.intent.expects;
    reading = {
      event: expects.some((k) => k === 'date' || k === 'year' || k === 'time') ? askedEvent(analysis) : null,
      subjectTerms: expects.length
        ? reportTerms(retrieval).filter((u) => !u.unit.forms.some((f) => expects.some((k) => intent.read(f).kinds.has(k))))
        : [],
      namedCount: analysis.intent.list ? countedName(analysis.normalized) : null,
      // (One ask only: 查了多少份…发了几份 asks two things, each done in its own clause.)
      done:
        expects.some((k) => COUNTED.has(k)) && (analysis.normalized.match(/(?<![那这么])(?:多少|几)/gu) ?? []).length === 1
          ? doneAsked(analysis.normalized, retrieval.strict[0] ?? [])
          : undefined,
    };
    readings.set(retrieval, reading);
  }
  return reading;
}

/** The question's report terms (its glossary words), weighed strictly. */
export function reportTerms({ strict }: Pick<Retrieval, 'strict'>): WeightedUnit[] {
  return (strict[0] ?? []).filter((u) => u.unit.kind === 'glossary');
}

/**
 * The forms of the question's kind word (知识产权 of 知识产权的案子) when the paragraph joins one of them to one of the
 * asked thing's forms (知识产权纠纷): then the report tells that kind apart, and 涉企纠纷 5500 件 does not count it.
 */
function kindNamedIn({ target }: Pick<Retrieval, 'target'>, paragraph: string): string[] {
  const head = target?.units[0]?.unit;
  const modifier = target?.modifier;
  if (!head || !modifier) return [];
  const joined = modifier.forms.some((m) => head.forms.some((h) => paragraph.includes(m + h)));
  return joined ? modifier.forms : [];
}

/** The event a when-question asks the date of: the verb right after 哪天/什么时候/几月 (哪天公布的 → 公布). */
// (The event is a verb: not the rest of 几月份, nor 的事 of 是几月的事.)
const WHEN_EVENT =
  /(?:哪天|哪一天|什么时候|什么时间|何时|几月份|几月(?!份)|几号)(?:开始|正式)?(?![的了呢吗啊呀])(\p{Script=Han}{1,4}?)(?:的|了|呢|吗|[?？。!！,，]|$)/u;

/** The event a when-question names, with its report wording when the question's words read it, or null. */
function askedEvent(analysis: Retrieval['analysis']): { text: string; forms: string[] } | null {
  const text = WHEN_EVENT.exec(analysis.normalized)?.[1];
  if (!text) return null;
  return { text, forms: analysis.units.find((u) => u.text === text)?.forms ?? [] };
}

/** The event the question asks the date of is in the sentence (in the question's words or their report wording). */
function eventStated(event: { text: string; forms: string[] }, context: string): boolean {
  if (event.forms.some((f) => context.includes(f))) return true;
  // 印出来发的 is 印发: every character of the event but its complements (出来, 下来, 起来) is there.
  const chars = [...event.text.replace(/[出下起]来|了|过/gu, '')];
  // (出来 alone, came out, names no event of its own.)
  return chars.every((c) => context.includes(c));
}

/** A list asked as documents (哪几个通知, 哪些文件, 什么规定): their names are what is asked. */
const DOCUMENTS_ASKED = /(?:哪些|哪几(?:个|份|项|种|条)?|什么|啥)(?:通知|文件|规定|红头文件)/u;

/** The figures of the sentence in a range the question says roughly or points back at (那几家 → 8 家). */
function pointedAt({ approximate }: Retrieval['analysis'], sentence: string): string[] {
  if (!approximate.length) return [];
  return extractNumbers(sentence)
    .filter((n) => inRoughRange({ approximate }, n))
    .map((n) => n.literal);
}

/** Is the figure in a range the question says roughly or points back at (那一百多场 → 100余, 那几家 → 8 家)? */
function inRoughRange({ approximate }: Pick<Retrieval['analysis'], 'approximate'>, n: NumberMention): boolean {
  return n.value !== null && approximate.some(({ min, max }) => Number(n.value) >= min && Number(n.value) <= max);
}

/** Does the sentence name a thing the question does not: a quoted name, a title, or a body the report names? */
function namesOne({ intent, analysis, named }: Pick<Retrieval, 'intent' | 'analysis' | 'named'>, text: string): boolean {
  const asked = (name: string) => analysis.normalized.includes(name) || analysis.units.some((u) => u.forms.includes(name));
  // A person's name after its label (联系人: 王丹蓉) names one, as a quoted name does.
  return (
    intent.namesNew(text, analysis.normalized) ||
    intent.holds('person', text) ||
    [...named].some((name) => text.includes(name) && !asked(name))
  );
}

/**
 * Items the sentence lists (、-separated, or quoted names in a row), or 一是…二是… clauses in its
 * paragraph (not when the question quotes a figure and asks which ones it counts: `anchored`).
 * Only questions for named things need this; what was done or planned may be one action.
 */
function listed(hit: RetrievedParagraph, sentence: string, anchored: readonly string[]): boolean {
  const names = (text: string) => ENUMERATION.test(text) || /[”》][“《]/u.test(text);
  if (anchored.length) {
    // Items of a figure the question quotes (那3个调解室叫什么) are listed by that figure, in its clause or the next,
    // not elsewhere in the sentence (3 个泉州市级金牌调解室 … 蚶江派出所和…、…、… lists something else).
    const parts = sentence.split(/[，,；;]/u);
    const at = parts.findIndex((part) => anchored.every((n) => part.includes(n)));
    return at >= 0 && names(parts.slice(at, at + 2).join('，'));
  }
  if (names(sentence)) return true;
  // The paragraph's 一是…二是… items answer a list question, but not one about the items of a figure it
  // quotes (那8家是哪几家, 那11人次审计审出了哪些问题): those must be listed with the figure.
  return hit.paragraph.clauses.length >= 2;
}

/** Normalised text of the clause lead (一是深化商事制度改革。) a later sentence of that clause speaks under. */
function clauseLead(hit: RetrievedParagraph, sentence: ScoredSpan): string {
  const { paragraph } = hit;
  const clause = paragraph.clauses.find((c) => c.start <= sentence.start && sentence.start < c.end);
  if (!clause || clause.start === sentence.start) return '';
  const lead = paragraph.sentences.findIndex((s) => s.start <= clause.start && clause.start < s.end);
  return hit.sentenceText[lead] ?? '';
}

/**
 * The clause of the sentence whose figure answers: it holds the asked kind of figure, a number
 * the question does not itself state, and (when the question names what is counted) that thing
 * within it or earlier in the sentence. The best covered such clause, or null.
 */
function figureClause(
  clauses: Clause[],
  kind: EvidenceKind,
  retrieval: Retrieval,
  tuning: GroundingTuning,
  paragraph: string,
): Span | null {
  const { intent, target, strict, analysis } = retrieval;
  // What depends on the question alone, read once for all the clauses.
  const joined = intent.joinsSeveral(analysis.normalized);
  const asked = [analysis.normalized, ...analysis.expansions];
  const checksLack = COUNTED.has(kind) && !analysis.conditions.length;
  const perItem = intent.perUnit.asks(analysis.normalized);
  const { done } = questionReading(retrieval);
  const whole = wholeAsked(retrieval);
  // An English question's counted thing is read through the vocabulary, its words in no Chinese order: it stands
  // anywhere in the figure's clause (执行案件移送破产审查 41 件 counts the enforcement cases).
  const latinTarget = target !== null && LATIN_ONLY.test(target.text);
  const english = latinTarget && target.units.every((u) => u.unit.kind === 'glossary');
  const sentenceText = done ? clauses.map((c) => c.match).join(' ') : '';
  // 那5500件里民营企业的占多少: a part of so many 件 is counted in 件 too, not told by 19.64 亿元 beside them.
  const partOf = PART_OF_FIGURE.exec(analysis.normalized)?.[1];
  // 输的比例 reads as 败诉率: a rate the question names in the report's words is the one its figure must be (not 出庭率).
  // (Where no asked-about thing was read from the question: otherwise that thing must stand by the figure.)
  const namedRates =
    kind === 'rate' && !target
      ? (strict[0] ?? []).flatMap((u) =>
          // (Only a word that itself names the share asked, 输的比例 or 纠错率, not any word read as some rate.)
          BARE_RATE.test(u.unit.text) || !NAMES_RATE.test(u.unit.text)
            ? []
            : u.unit.forms.filter((f) => [...f].length >= 3 && f.endsWith('率')),
        )
      : [];
  const words = checksLack ? questionWords(analysis) : [];
  // The head of the counted thing: its last word, unless that names a group whose members are counted (志愿者 for
  // 蒲公英普法志愿者队伍).
  const named = target && [...target.units].reverse().find((u) => !intent.isGroupNoun(u.unit.text));
  // 市场主体里企业有多少家: the part is not counted by a figure of the whole it is taken from, even where the
  // vocabulary reads 企业 as 市场主体 too.
  const head = named && withoutWhole(named, containerForms(retrieval, named));
  // A Chinese numeral the question writes too is part of a name (四张清单, 三项制度), not an answer.
  // 那一百多场里 refers to 100余场次: it is not the answer, and the answer is told with it, not elsewhere.
  const roughly = (n: NumberMention) => inRoughRange(analysis, n);
  const stated = (n: NumberMention) =>
    (n.value !== null && analysis.required.includes(n.value)) ||
    (!/^\d/u.test(n.literal) && analysis.normalized.includes(n.literal)) ||
    roughly(n);
  // One measure asked (几次…多少家 asks two things, each in its own clause; a yes/no question's 几 asks nothing).
  const measures = [...analysis.normalized.matchAll(ASKED_MEASURE)].map((m) => m[1]!);
  // How many disputes / sessions: an English question counts by its noun (cases in 件, sessions in 次).
  const englishMeasure = !measures.length && latinTarget ? EN_MEASURES.find(([noun]) => noun.test(target.text))?.[1] : undefined;
  if (englishMeasure) measures.push(englishMeasure);
  const askedMeasure = !analysis.intent.yesno && measures.length === 1 ? measures[0] : undefined;
  // 知识产权的案子: when the paragraph names that kind in its own words (知识产权纠纷), a figure counts it only where the kind is said.
  const kindForms = kindNamedIn(retrieval, paragraph);
  let best: { span: Span; score: number } | null = null;
  clauses.forEach(function consider(clause, k) {
    const text = clause.match;
    if (!intent.holds(kind, text)) return;
    const numbers = extractNumbers(text);
    if (analysis.approximate.some((r) => !r.loose) && !numbers.some(roughly)) return;
    // A Chinese numeral inside a quoted name (“四张清单”) is part of the name, not a figure.
    const quoted = [...text.matchAll(/“[^”]*”/gu)].map((m) => m[0]).join(' ');
    const named = (n: NumberMention) =>
      !/^\d/u.test(n.literal) && quoted.includes(n.literal) && !text.replace(/“[^”]*”/gu, '').includes(n.literal);
    const fresh = numbers.filter((n) => !stated(n) && !named(n));
    if (!fresh.length) return;
    // What a figure measures is named in its clause or earlier in the sentence (共收到行政复议申请…，纠错率 21.05%).
    const local = clauses
      .slice(0, k + 1)
      .map((c) => c.match)
      .join(' ');
    const after = (n: NumberMention) => text.slice(text.indexOf(n.literal) + n.literal.length);
    if (kindForms.length && COUNTED.has(kind) && !kindForms.some((f) => local.includes(f))) return;
    // 查了多少家 counts places or firms, not how many times (25 次); 搞了几次 the reverse.
    if (askedMeasure && COUNTED.has(kind) && fresh.every((n) => countsOtherwise(askedMeasure, after(n)))) return;
    // A total over several kinds of things (不予处罚、减轻处罚…作出案件 5987 件) counts none of them alone.
    // (Not when the question joins several things, 镇街和部门: it asks about all of them.)
    if (COUNTED.has(kind) && !joined && fresh.every((n) => asksPartOfTotal(text, n.literal, strict[0] ?? []))) return;
    // 多少人 is told by a figure of people or of what people bring (1037 名, 228 件), not of towns or items (9 个镇, 131 项).
    if (kind === 'count' && intent.asksPeople(analysis.normalized) && !fresh.some((n) => intent.countsPeople(text, n.literal, true)))
      return;
    // 漏报备案 5 件 counts what was not reported, not how many were (报备了多少份). A question under a
    // condition of its own (没按规定报备的) is held to that condition instead.
    if (checksLack && intent.negatesWord(text, words, asked)) return;
    // 4 个单位 5 件规范性文件存在漏报备案情形: what the figures count had a lack the question does not ask about.
    if (checksLack && fresh.every((n) => intent.speaksOfLack(after(n), asked))) return;
    if (namedRates.length && !namedRates.some((f) => text.includes(f))) return;
    // 罚了多少钱: where the sentence says what was done, but by another figure (…处罚…作出案件 5987 件，减轻…负担 479 万元;
    // 已化解行政争议 4 件…有效降低败诉率), this figure is not of it. (Said in other words, 兑现 for 发了, it is not checked.)
    if (done && COUNTED.has(kind) && coverage([done], sentenceText) >= 0.5 && coverage([done], ownStretch(clauses, k)) < 0.5) return;
    if (partOf && (kind === 'count' || kind === 'figure') && !fresh.some((n) => FIGURE_MEASURE.exec(after(n))?.[1] === partOf)) return;
    // 移送破产审查的那些最后真破产了几家: the clause that counts the things pointed at (执行案件移送破产审查 41 件) tells not what became of them.
    if (whole.length && COUNTED.has(kind) && coverage(whole, text) >= 0.8) return;
    // 一件专利能补多少钱 asks per item: a total (共发放…190 多万元) does not answer it.
    if (COUNTED.has(kind) && perItem && !intent.perUnit.stated(text)) return;
    // What was added (核增 27 名) is not how many there are in all (总共多少人).
    // (Unless the question asks what was added itself: 新配的法制审核员有几个 is 新配备 13 名.)
    if (COUNTED.has(kind) && intent.asksTotal(analysis.normalized) && intent.isIncrement(text) && !intent.isIncrement(analysis.normalized))
      return;
    // A counted thing must stand by its figure, just before it (申请 228 件) or just after its measure
    // word (3 个金牌调解室); what the question says before 是多少 (…兑现了多少钱) within the sentence so far.
    // How long or when is asked of an event, not a thing.
    if (target && COUNTED.has(kind)) {
      // Its head stands by the figure (法院起诉 by 诉至人民法院案件 10 件); the modifiers may come earlier.
      // A group alone (那个队伍有多少人): its members are counted by a figure of people (吸纳志愿者 1037 名).
      // 多少商家 counts businesses: an amount in 元 or a percentage near 市场主体 is not how many there are.
      const countsThem = (n: NumberMention) =>
        !(kind === 'count' || kind === 'figure') || !head || !isCountable(head, retrieval) || !MEASURED.test(after(n));
      const stands = (n: NumberMention) =>
        countsThem(n) &&
        (head ? targetStands([head], english ? text : nextTo(text, n.literal), tuning) : intent.countsPeople(text, n.literal));
      const near = !target.counted || fresh.some(stands);
      if (!near || !targetStands(target.units, local, tuning)) return;
      // 检察建议…采纳了多少: what was done to them is said by the figure too (68 件 检察意见 were raised, not adopted).
      const action = target.counted ? undefined : askedAction(analysis.normalized, target.units);
      if (action && coverage([action], local) < 0.5) return;
    }
    const score = Math.max(...strict.map((units) => coverage(units, local)));
    if (!best || score > best.score) best = { span: clause, score };
  });
  return (best as { span: Span } | null)?.span ?? null;
}

/** The measure words figures are counted in (件, 家, 人次…). */
const MEASURE = '场次|人次|[个家户所次场回件项条份张台宗起批人名位期届]';

const NUMERAL = '[一二两三四五六七八九十]+|\\d+';
/** 哪三项, 哪四张, 哪六个: a list asked with the number of its items. */
const ASKED_COUNT = new RegExp(`哪(${NUMERAL})\\s*(?:个|项|张|种|条|类|大|方面|点|家|部分)`, 'u');
/** A name that holds a number of items (三项制度, 四张清单, 三大平台, 六个一). */
const COUNTED_NAME = new RegExp(`(${NUMERAL})(个|项|张|种|条|类|大)(\\p{Script=Han}{1,4})`, 'gu');

/** The value of a number written in digits or in Chinese numerals (三 → 3, 12 → 12). */
function numeralValue(numeral: string): number {
  return Number(chineseValue(numeral) ?? numeral);
}

/** The name a list question asks the items of, with how many (三项制度是哪三项 → 三项制度, 3), or null. */
function countedName(question: string): { name: string; noun: string; n: number } | null {
  const asked = ASKED_COUNT.exec(question);
  if (!asked) return null;
  const n = numeralValue(asked[1]!);
  for (const m of question.slice(0, asked.index).matchAll(COUNTED_NAME)) {
    // (Named as the report names it: 三项制度, 四张清单; 六个一 of 六个一工作机制.)
    const rest = /^[一二两三四五六七八九十]/u.test(m[3]!) ? m[3]!.slice(0, 1) : m[3]!.slice(0, 2);
    if (numeralValue(m[1]!) === n) return { name: m[1]! + m[2]! + rest, noun: m[3]!.slice(0, 1), n };
  }
  return null;
}

/** The counted name a definition question asks about (啥叫四张清单 → 四张, 4), or null. */
function definedCount(question: string): { noun: string; n: number } | null {
  const [m] = question.matchAll(COUNTED_NAME);
  return m ? { noun: m[3]!.slice(0, 1), n: numeralValue(m[1]!) } : null;
}

/**
 * Does the sentence list the items of the counted name right before it, in its clause: that many separated
 * by 、 (不予处罚、减轻处罚、从轻处罚、不予行政强制措施“四张清单”) or quoted (“海上枫桥”“园区枫桥”…四大特色)?
 */
function countedItemsStated(sentence: string, { noun, n }: { noun: string; n: number }): boolean {
  // The name as the report writes it: the same number and noun, whatever the measure word (三个平台 is 三大平台).
  for (const m of sentence.matchAll(COUNTED_NAME)) {
    if (numeralValue(m[1]!) !== n || !m[3]!.startsWith(noun)) continue;
    const before =
      sentence
        .slice(0, m.index)
        .split(/[，,；;。：:]/u)
        .pop() ?? '';
    const listedBy = Math.max(before.split('、').length, (before.match(/“[^”]+”/gu) ?? []).length);
    if (listedBy >= n) return true;
  }
  return false;
}

/** A figure the question asks a part of, and its measure word (5500件里, 228 件行政复议申请当中 → 件). */
const PART_OF_FIGURE = new RegExp(String.raw`\d+(?:\.\d+)?\s*(${MEASURE})\p{Script=Han}{0,12}?(?:里面|里头|当中|之中|里|中)`, 'u');

/** A word that names a share (输的比例, 纠错率, 占比). */
const NAMES_RATE = /比例|比率|率$|占比|百分比|\brate\b|\bshare\b|\bpercentage\b/u;

/** A word that only says a share is asked (比例), not of what. */
const BARE_RATE = /^(?:比例|比率|百分比|占比|率|rate|share|percentage|proportion)$/u;

/** Right after the action a figure is asked of: an aspect particle at most, then the ask (采纳了多少, 化解了几件). */
const ACTION_ASKED = /^[了过]?\s*(?:多少|几)/u;

/**
 * What the question says was done, right before its ask: a word of the report (the vocabulary's 罚了 → 处罚, or
 * the report's own 化解) followed by 了/过 and 多少/几. A paraphrase the report never uses (接手了) is not held to it.
 */
function doneAsked(question: string, units: WeightedUnit[]): WeightedUnit | undefined {
  return units.find((u) => {
    if (u.unit.kind === 'latin' || u.chars.length || !u.grams.some((g) => g.length)) return false;
    const at = question.lastIndexOf(u.unit.text);
    if (at < 0) return false;
    const rest = question.slice(at + u.unit.text.length);
    return /[了过]$/u.test(u.unit.text) ? ACTION_ASKED.test(rest) : /^[了过]\s*(?:多少|几)/u.test(rest);
  });
}

/** A figure with its measure word or unit (26 个, 479 万元, 21.05%), not a year (2023 年度). */
const STATES_FIGURE = new RegExp(String.raw`\d(?:\.\d+)?\s*(?:多|余)?\s*(?:[万千百亿]\s*)?(?:多|余)?\s*(?:${MEASURE}|元|%)`, 'u');

/** A clause with the clauses before it that state no figure of their own: what its figure is said of. */
function ownStretch(clauses: Clause[], k: number): string {
  let from = k;
  while (from > 0 && !STATES_FIGURE.test(clauses[from - 1]!.match)) from--;
  return clauses
    .slice(from, k + 1)
    .map((c) => c.match)
    .join(' ');
}

/** The question's report word for what was done, right before its ask (采纳 of 检察建议采纳了多少), if one is. */
function askedAction(question: string, units: WeightedUnit[]): WeightedUnit | undefined {
  return units.find((u) => {
    if (u.unit.kind !== 'glossary' || !u.grams.some((g) => g.length)) return false;
    const at = question.lastIndexOf(u.unit.text);
    return at >= 0 && ACTION_ASKED.test(question.slice(at + u.unit.text.length));
  });
}

/** The question's Han words and their report wording, as bigrams (报备 of 报备了多少份): what a clause may negate. */
function questionWords(analysis: Retrieval['analysis']): string[] {
  return [...new Set(analysis.units.flatMap((u) => u.forms.flatMap((f) => hanBigrams(f))))];
}

/**
 * The counted thing stands by the figure: most of its words are there, and none is a word the
 * report never uses whose characters are not there either (刑事案件立案数: the report counts no
 * 刑事 cases, whatever else matches).
 */
function targetStands(units: WeightedUnit[], local: string, tuning: GroundingTuning): boolean {
  // A word the report never uses passes only as a paraphrase whose every character is there (新聘 ~ 聘请…新一任).
  const foreign = units.some((u) => u.chars.length > 0 && !u.chars.every((c) => local.includes(c.char)));
  return !foreign && coverage(units, local) >= tuning.minTargetCoverage;
}

/** 市场主体里 / 228件行政复议当中, before the question word in its clause: the whole a part is asked of. */
const CONTAINER = /([\p{Script=Han}]{2,12}?)(?:里面|里头|当中|之中|里)(?=[，,]?[^，,。；;？?！!]*?(?:多少|几))/u;

/** X的那些 …最后/后来…几: what became of the things just named (…的那些最后真破产了几家) is a part of them. */
const POINTED_WHOLE =
  /(\p{Script=Han}{2,12}?)的(?:那些|这些)(?=[，,]?[^。；;？?！!]*?(?:最后|后来|最终|真正|实际|结果)[^。；;？?！!]*?(?:多少|几))/u;

/**
 * The question's words for the things it points back at and asks a part of (移送破产审查的那些…): not the asked
 * thing itself (the target's own words are left out), for telling a figure of the whole from one of the part.
 * (A whole named with 里面, 市场主体里企业有多少家, is handled by `containerForms` on the counted thing.)
 */
function wholeAsked({ analysis, strict, target }: Pick<Retrieval, 'analysis' | 'strict' | 'target'>): WeightedUnit[] {
  const phrase = POINTED_WHOLE.exec(analysis.normalized)?.[1];
  if (!phrase) return [];
  const own = new Set(target?.units.map((u) => u.unit.text) ?? []);
  // (A lone character left over, 转 of 转去, names nothing.)
  return (strict[0] ?? []).filter(
    (u) => u.unit.kind !== 'latin' && [...u.unit.text].length > 1 && phrase.includes(u.unit.text) && !own.has(u.unit.text),
  );
}

/** The report wording of the words naming the whole the question asks `part` of (市场主体 of 市场主体里企业有多少家). */
function containerForms({ analysis, strict }: Pick<Retrieval, 'analysis' | 'strict'>, part: WeightedUnit): Set<string> {
  const whole = CONTAINER.exec(analysis.normalized)?.[1];
  if (!whole || whole.includes(part.unit.text)) return new Set();
  return new Set((strict[0] ?? []).filter((u) => whole.includes(u.unit.text)).flatMap((u) => u.unit.forms));
}

/** The unit without the forms that name the whole (企业 read as 市场主体 too, asked as a part of 市场主体): null if none is left. */
function withoutWhole(unit: WeightedUnit, whole: Set<string>): WeightedUnit | null {
  // (Forms and grams go together, one per form, unless a form had no grams: then the unit stays as it is.)
  if (!whole.size || !unit.unit.forms.some((f) => whole.has(f)) || unit.grams.length !== unit.unit.forms.length) return unit;
  const keep = unit.unit.forms.map((f, i) => (whole.has(f) ? -1 : i)).filter((i) => i >= 0);
  if (!keep.length) return null;
  return {
    ...unit,
    unit: { ...unit.unit, forms: keep.map((i) => unit.unit.forms[i]!) },
    grams: keep.map((i) => unit.grams[i]!),
    credit: keep.map((i) => unit.credit[i]!),
  };
}

/** Text in printable ASCII only: an English question's words. */
const LATIN_ONLY = /^[ -~\s]*$/u;

/** The measure an English question's counted noun implies: cases and documents in 件, sessions and events in 次. */
const EN_MEASURES: [RegExp, string][] = [
  [/\b(?:cases|disputes|applications|documents|lawsuits|complaints|suits|files|requests)$/u, '件'],
  [/\b(?:times|sessions|meetings|trainings|training sessions|events|activities|lectures|rounds|inspections)$/u, '次'],
];

/** The measure word a question counts by (多少家, 几次). */
// (那几个 / 这几件 point back at things spoken of: no ask.)
const ASKED_MEASURE = new RegExp(String.raw`(?<![那这么])(?:多少|几)\s*(${MEASURE})`, 'gu');
/** The measure word right after a figure (25 次, 1011 个, 2 万名). */
const FIGURE_MEASURE = new RegExp(String.raw`^\s*(?:多|余)?\s*(?:[万千百]\s*)?(?:多|余)?\s*(${MEASURE})`, 'u');
/** Measures of how many times something happened, not of how many things there are (人次 counts people). */
const TIMES = /^(?:次|场|回|场次|期|届)$/u;

/** Measures of cases and documents (多少件, 几起), which no count of bodies, places, people or devices tells. */
const CASES = /^(?:件|起|宗)$/u;
/** Measures of bodies, places, people and devices (个, 家, 名, 台). */
const HOLDERS = /^(?:个|家|户|所|名|人|位|台)$/u;

/**
 * A figure measured as times where things are asked (多少家 vs 25 次), or as things where times are asked; or as
 * bodies or places where cases are asked (调解了多少件 vs 17 个调解室).
 */
function countsOtherwise(asked: string, afterFigure: string): boolean {
  const measure = FIGURE_MEASURE.exec(afterFigure)?.[1];
  if (measure === undefined) return false;
  return TIMES.test(asked) !== TIMES.test(measure) || (CASES.test(asked) && HOLDERS.test(measure));
}

/** After a figure: an amount of money or a share, not a number of things (479 万元, 21.05%). */
const MEASURED = /^\s*(?:多\s*)?(?:[万亿]\s*)?元|^\s*%/u;

/** Does the word name bodies or groups (商家 → 市场主体), counted by how many there are? */
function isCountable(unit: WeightedUnit, { countable }: Pick<Retrieval, 'countable'>): boolean {
  return unit.unit.forms.some((f) => countable.has(f));
}

/** Characters around a figure that name what it counts. */
const BY_FIGURE = 8;

/** The words on either side of a figure in its clause: what it counts (行政复议申请 228 件, 3 个金牌调解室). */
function nextTo(clause: string, literal: string): string {
  const at = clause.indexOf(literal);
  if (at < 0) return clause;
  // After it, what the counted things did or had, up to the next figure (5 件规范性文件存在漏报备案情形).
  const after = clause.slice(at + literal.length);
  const next = after.search(/\d/u);
  return `${clause.slice(Math.max(0, at - BY_FIGURE), at)} ${next < 0 ? after : after.slice(0, Math.max(next, BY_FIGURE + 2))}`;
}

/** A clause of a sentence, with its normalised text for matching. */
type Clause = Span & { match: string };

/** The clauses of a sentence (cut at ，；：). */
function splitClauses(text: string, sentence: Span): Clause[] {
  const out: Clause[] = [];
  const body = text.slice(sentence.start, sentence.end);
  const re = /[^，；：,;:。！？]+[，；：,;:。！？]?/gu;
  for (const m of body.matchAll(re)) {
    const start = sentence.start + m.index;
    let end = start + m[0].length;
    while (end > start && /[，；：,;:。！？\s]/u.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, match: normalizeForMatch(text.slice(start, end)) });
  }
  return out;
}
