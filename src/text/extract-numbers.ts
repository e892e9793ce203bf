/**
 * Arabic figures: `228`, `21.05`, `13.25`, `5,500` (a thousands separator is dropped so it
 * compares equal to the report's `5500`). Full-width digits are folded first (NFKC).
 */
const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;

/**
 * Chinese numerals that count something (`两次`, `二十八天`, `第三批`): a run of numeral
 * characters followed by a measure word or a date unit. A lone 一 is left out: 一项举措 /
 * 一件事 are idioms far more often than counts, and the report writes its counts in digits.
 */
const CHINESE = /[零〇一二两三四五六七八九十百千万]+(?=[件次名个台项份家条天批人户倍类所座场期篇起宗张年月日号届])/gu;

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number as written in an answer: its literal form and, when it can be read, its value in digits. */
export interface NumberMention {
  /** As written (Arabic: separators dropped). */
  literal: string;
  /** Arabic digits for the value (`二十八` → `28`); equals `literal` for Arabic figures. */
  value: string | null;
}

/**
 * Every count, amount, percentage or date figure in a piece of text.
 *
 * @example extractNumbers('共228件，纠错率21.05%，开展两次') // literals 228, 21.05, 两
 */
export function extractNumbers(text: string): NumberMention[] {
  const folded = text.normalize('NFKC');
  const arabic = [...folded.matchAll(ARABIC)].map((m) => m[0].replace(/,/gu, '')).map((literal) => ({ literal, value: literal }));
  const chinese = [...folded.matchAll(CHINESE)]
    .map((m) => m[0])
    .filter((literal) => literal !== '一' && /[零〇一二两三四五六七八九十]/u.test(literal))
    .map((literal) => ({ literal, value: chineseValue(literal) }));
  return [...arabic, ...chinese];
}

/** Does `text` state this number, as the same figure or as the same Chinese numeral? */
export function numberSupported(mention: NumberMention, text: string): boolean {
  const figures = new Set(extractNumbers(text).map((m) => m.literal));
  if (mention.value !== null && figures.has(mention.value)) return true;
  return !/^\d/u.test(mention.literal) && text.replace(/\s+/gu, '').includes(mention.literal);
}

/** `二十八` → `28`, `二〇二三` → `2023`, `两千五百` → `2500`; null when it cannot be read. */
export function chineseValue(numeral: string): string | null {
  const chars = [...numeral];
  if (chars.every((c) => c in DIGIT)) return chars.map((c) => DIGIT[c]).join('');
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else if (c in UNIT) {
      section += (digit ?? 1) * UNIT[c]!;
      digit = null;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else return null;
  }
  return String(total + section + (digit ?? 0));
}
