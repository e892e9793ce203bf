import { tonelessPinyin } from '../text/pinyin.js';

/** Repairs a question's homophone typos of the report's terms, for matching only. */
export interface SoundAlikeTerms {
  /** The normalised question with each sound-alike of a report term replaced by the term. */
  repair(normalized: string): string;
}

/** Shortest term repaired: a two-character typo is the bigram homophones' job (`withHomophones`). */
const MIN_TERM = 3;

/**
 * Pinyin input makes typos that are real words (只是产权 for 知识产权, 检查意见 for 检察意见):
 * every bigram of them may occur in the report, so no single bigram looks wrong. A run of the
 * question that sounds exactly like a term of the report (toneless pinyin), shares at least half
 * of its characters with it, and does not itself occur in the report, is read as that term.
 *
 * `terms`: the report's terms (normalised Han strings); `inReport`: does a string occur in the
 * report; `wordBigram`: is a bigram inside one of its words (a window starting mid-word is no typo). The pinyin of the terms is computed when first needed.
 *
 * @example soundAlikeTerms(['知识产权'], inReport, wordBigram).repair('只是产权纠纷') // '知识产权纠纷'
 */
export function soundAlikeTerms(
  terms: Iterable<string>,
  inReport: (text: string) => boolean,
  /** Is the bigram inside one of the report's words (石狮, not 的市)? */
  wordBigram: (bigram: string) => boolean,
): SoundAlikeTerms {
  const candidates = [...new Set(terms)].filter((t) => /^\p{Script=Han}+$/u.test(t) && t.length >= MIN_TERM);
  let byKey: Map<string, string> | undefined;
  let lengths: number[] = [];
  function index(): Map<string, string> {
    if (byKey) return byKey;
    byKey = new Map();
    for (const term of candidates) {
      const key = syllables(term).join(' ');
      // Two terms that sound alike: which one was meant is unknown, so neither is guessed.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== term ? '' : term);
    }
    lengths = [...new Set(candidates.map((t) => t.length))].sort((a, b) => b - a);
    return byKey;
  }
  return {
    repair(normalized) {
      return normalized.replace(/\p{Script=Han}{3,}/gu, function repairRun(run) {
        const keys = index();
        const sounds = syllables(run);
        let out = '';
        for (let i = 0; i < run.length; ) {
          // A window that would split a word of the report (石狮 of 石狮政府 read as 石 + 市政府) is none.
          const splits = i > 0 && wordBigram(run.slice(i - 1, i + 1));
          const found = splits
            ? undefined
            : lengths
                .filter((n) => i + n <= run.length)
                .map((n) => ({ n, term: keys.get(sounds.slice(i, i + n).join(' ')) }))
                .find(({ n, term }) => term && !asksEither(run, i + n) && isTypo(run.slice(i, i + n), term, inReport));
          if (found) {
            out += found.term;
            i += found.n;
          } else out += run[i++];
        }
        return out;
      });
    },
  };
}

/** A typo of the term: not the term, not report wording itself, and at least half of its characters in place. */
function isTypo(written: string, term: string, inReport: (text: string) => boolean): boolean {
  if (written === term || inReport(written)) return false;
  const same = [...written].filter((c, i) => c === term[i]).length;
  return 2 * same >= term.length;
}

/** Toneless pinyin, one syllable per character. */
function syllables(text: string): string[] {
  return tonelessPinyin(text);
}

/** Does the window ending at `end` end inside an A-not-A question (石狮是不是: 是 asks, it is no typo of 石狮市)? */
function asksEither(run: string, end: number): boolean {
  return (run[end] === '不' || run[end] === '没') && run[end + 1] === run[end - 1];
}
