const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Value of a Chinese numeral up to 99 as used in section markers (`三`, `十`, `十二`, `二十一`).
 * Returns null for anything else.
 */
export function chineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const units = ten === text.length - 1 ? 0 : DIGITS[text.slice(ten + 1)];
  return tens === undefined || units === undefined ? null : tens * 10 + units;
}
