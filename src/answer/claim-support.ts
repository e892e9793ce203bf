import framing from '../../prompts/claim-framing-words.json';
import { normalizeForMatch } from '../text/normalize.js';
import { extractNumbers, numberSupported } from '../text/extract-numbers.js';

/**
 * The least share of a claim's content that its quotes must state for the claim to be shown.
 * Calibrated on the answerable gold items (`npm run calibrate:support`, evals/gold.jsonl only):
 * claims restating a fact's clause score 1.00; claims restating the question in its own words
 * 0.57–1.00 (median 1.00, 11 of 16 kept at 0.85); the same claims on an unrelated quote at most
 * 0.69 (all removed); with an unrelated clause or an invented phrase added, medians 0.52 and
 * 0.64, of which 96 % and 97.5 % are removed at 0.85. 0.85 has the best balanced accuracy
 * (0.937, every kind of claim weighing the same); 0.75–0.90 are within 0.005 of it.
 */
export const MIN_CLAIM_SUPPORT = 0.85;

export interface ClaimSupport {
  /** Share of `units` found in the quotes; 1 when nothing is left to check. */
  ratio: number;
  /** The claim's content after its framing is taken out: Han bigrams, Latin words, numbers. */
  units: string[];
  /** The units no quote contains. */
  missing: string[];
  /**
   * False for a claim written in English: it shares no bigram with a Chinese quote, so its
   * words are not measured (its numbers and names still are, see `verifyClaim`).
   */
  measured: boolean;
}

/**
 * Longest first, so 根据报告 goes before 报告 and 达到 before 达. Normalised on first use: only
 * a model's answer needs them, and normalising them at start-up built OpenCC's tries (~8 ms).
 */
let framingWords: string[] | undefined;
const normalisedFraming = () => (framingWords ??= [...new Set(framing.words.map(normalizeForMatch))].sort((a, b) => b.length - a.length));
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z][a-z0-9'-]*[a-z0-9]|[a-z]{2,}/gu;

/**
 * How much of a claim its quotes support. The claim and the quotes are normalised the way the
 * index matches text (`normalizeForMatch`: width, case, Traditional → Simplified, spaces around
 * Chinese); the framing a claim legitimately adds (`prompts/claim-framing-words.json`) and the
 * report's own year are taken out; what remains is cut into units — bigrams of each run of Han
 * characters (a lone character says little and is skipped), Latin words, numbers — and each unit
 * must occur in some quote (a number as the same figure, see `numberSupported`).
 *
 * @example claimSupport('石狮全年GDP增长10%', ['共收到行政复议申请 228 件']).ratio // 0
 */
export function claimSupport(
  claim: string,
  quotes: readonly string[],
  { contextNumbers = [] }: { contextNumbers?: readonly string[] } = {},
): ClaimSupport {
  if (isWrittenInLatin(claim)) return { ratio: 1, units: [], missing: [], measured: false };
  const quoteText = quotes.map(normalizeForMatch).join('\n');

  let text = normalizeForMatch(claim).replace(/(\d),(?=\d{3})/gu, '$1');
  // The report's year ("2023年…") frames a claim; it needs no support.
  for (const n of contextNumbers) text = text.replaceAll(new RegExp(`${n}(?:年度|年)?`, 'gu'), ' ');
  const numbers = extractNumbers(text);
  for (const n of numbers) text = text.replace(n.literal, ' ');
  for (const word of normalisedFraming()) text = text.replaceAll(word, ' ');

  const units = new Map<string, boolean>();
  for (const n of numbers)
    units.set(
      n.literal,
      quotes.some((q) => numberSupported(n, q)),
    );
  for (const [word] of text.matchAll(LATIN_WORD)) units.set(word, quoteText.includes(word));
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      units.set(bigram, quoteText.includes(bigram));
    }
  }
  const missing = [...units].filter(([, found]) => !found).map(([unit]) => unit);
  return { ratio: units.size ? 1 - missing.length / units.size : 1, units: [...units.keys()], missing, measured: true };
}

/** More Latin letters than Han characters: an English answer (the answer language follows the question). */
export function isWrittenInLatin(text: string): boolean {
  return (text.match(/[a-z]/giu) ?? []).length > (text.match(/\p{Script=Han}/gu) ?? []).length;
}
