import type { GlossaryEntry, Lexicon } from './lexicon.js';
import { cutOut } from './question-words.js';

/**
 * The vocabulary's words cut out of a text one after another, longest first (`和政府打官司` before
 * `打官司`), as a scan of the whole glossary in order would cut them: `rest` is what is left, with a
 * space where each word was. Only the words the finder sees in the text are tried; after a cut the
 * text is searched again, since the space it leaves can complete a phrase (`legal … adviser`).
 */
export function cutGlossary(
  text: string,
  lexicon: Pick<Lexicon, 'glossary' | 'glossaryWords'>,
  accept: (entry: GlossaryEntry) => boolean = () => true,
): { rest: string; entries: GlossaryEntry[] } {
  let rest = text;
  const entries: GlossaryEntry[] = [];
  let candidates = lexicon.glossaryWords.occurring(rest);
  for (let i = 0; i < candidates.length; i++) {
    const at = candidates[i]!;
    const entry = lexicon.glossary[at]!;
    const cut = accept(entry) ? cutOut(rest, entry) : null;
    if (cut === null) continue;
    rest = cut;
    entries.push(entry);
    candidates = [...candidates.slice(0, i + 1), ...lexicon.glossaryWords.occurring(rest).filter((j) => j > at)];
  }
  return { rest, entries };
}

/** The vocabulary's entries whose citizen word occurs in `text`, in glossary order (longest first). */
export function glossaryIn(text: string, lexicon: Pick<Lexicon, 'glossary' | 'glossaryWords'>): GlossaryEntry[] {
  return lexicon.glossaryWords.occurring(text).map((i) => lexicon.glossary[i]!);
}
