/** Which of a fixed list of words occur in a text, found in one pass instead of one substring test per word. */
export interface WordFinder {
  /** Indexes (into the list it was built from) of the words that occur anywhere in `text`, ascending. */
  occurring(text: string): number[];
}

/**
 * The words grouped by their first two UTF-16 code units (a one-unit word by its only one): at each
 * position of the text only the words that start with the two units there are compared, so a
 * 9,000-word vocabulary costs a few comparisons per character and about a millisecond to build.
 * Code units, like `String.prototype.includes`, so the two always agree.
 *
 * @example wordFinder(['复议', '行政复议']).occurring('行政复议多少件') // [0, 1]
 */
export function wordFinder(words: readonly string[]): WordFinder {
  const byHead = new Map<string, number[]>();
  words.forEach(function add(word, index) {
    if (!word) return;
    const head = word.slice(0, 2);
    const list = byHead.get(head);
    if (list) list.push(index);
    else byHead.set(head, [index]);
  });
  return {
    occurring(text) {
      const found = new Set<number>();
      for (let at = 0; at < text.length; at++) {
        for (const index of byHead.get(text[at]!) ?? []) found.add(index);
        for (const index of byHead.get(text.slice(at, at + 2)) ?? []) if (text.startsWith(words[index]!, at)) found.add(index);
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
