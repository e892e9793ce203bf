import { createToSimplified } from './to-simplified.js';

/**
 * Traditional → Simplified, character level. OpenCC's `tw` table covers the
 * Taiwan and Hong Kong variants a citizen is likely to type (復議, 負責, 學).
 */
export const toSimplified = createToSimplified();

const HAN = '\\p{Script=Han}';
/** Whitespace next to a Han character or CJK punctuation carries no meaning in Chinese text (`228 件`, `关于 2023年`). */
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${HAN}\\u3000-\\u303f\\uff00-\\uffef])|(?<=[${HAN}\\u3000-\\u303f\\uff00-\\uffef])\\s+`, 'gu');

/**
 * Fold text for matching only (the stored text is never changed):
 * NFKC (full-width → half-width), lower case, Traditional → Simplified (甚麼 → 什么),
 * whitespace around CJK removed, hyphens inside English compounds read as spaces, other whitespace collapsed.
 *
 * @example normalizeForMatch('行政復議 ２２８ 件') // '行政复议228件'
 */
export function normalizeForMatch(text: string): string {
  const folded = toSimplified(text.normalize('NFKC').toLowerCase());
  return (
    folded
      // 甚麼 folds to 甚么, the older spelling of 什么 that Hong Kong and Taiwan still write.
      .replace(/甚么/gu, '什么')
      .replace(SPACE_NEAR_CJK, '')
      // An English compound is matched as its words (rule-of-law as rule of law, first-level as first level).
      .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
