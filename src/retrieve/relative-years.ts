/**
 * Years a question names by their distance from the report's own year (前年, 大前年): each becomes
 * a requirement like a written year, so a question about 2022 is not answered with 2023's figure.
 * Longest word first, so 大前年 is not also read as 前年.
 *
 * @example relativeYears('那前年呢', { 前年: -1, 大前年: -2 }, 2023) // ['2022']
 */
export function relativeYears(normalized: string, words: Record<string, number>, subjectYear: number): string[] {
  let rest = normalized;
  const years: string[] = [];
  for (const [word, offset] of Object.entries(words).sort(([a], [b]) => b.length - a.length)) {
    if (!rest.includes(word)) continue;
    rest = rest.replaceAll(word, ' ');
    years.push(String(subjectYear + offset));
  }
  return years;
}
