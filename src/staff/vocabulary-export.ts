import { checkVocabulary } from '../cli/check-vocab.js';
import { type Vocabulary, vocabularySchema } from '../corpus/vocabulary.js';
import type { Store } from '../store/store.js';
import { normalizeForMatch } from '../text/normalize.js';

const LATIN = /^[\p{Script=Latin}\d\s'’.-]+$/u;

/**
 * The vocabulary with the accepted proposals merged in: each citizen word joins its report term's
 * `zh` list (`en` when it is Latin), a term the vocabulary lacks is added as a `concept` for the
 * reviewer in git to classify. Words it has already are skipped, so exporting twice changes nothing.
 * Throws when the result would not pass `check:vocab` (the file is then left as it was).
 */
export async function mergeAcceptedWords(
  store: Store,
  vocabulary: Vocabulary,
  reportText: string,
): Promise<{ vocabulary: Vocabulary; added: { term: string; word: string }[] }> {
  const accepted = await store.db
    .selectFrom('vocab_proposals')
    .select(['report_term', 'citizen_word'])
    .where('status', '=', 'accepted')
    .orderBy('created_at')
    .execute();
  const next: Vocabulary = structuredClone(vocabulary);
  const added: { term: string; word: string }[] = [];
  for (const { report_term: term, citizen_word: word } of accepted) {
    let entry = next.terms.find((t) => t.term === term);
    const known = (w: string) => normalizeForMatch(w) === normalizeForMatch(word);
    if (entry && [entry.term, ...entry.zh, ...entry.zht, ...entry.en].some(known)) continue;
    if (!entry) {
      entry = { term, kind: 'concept', zh: [], zht: [], en: [], note: 'added from the staff review; classify its kind' };
      next.terms.push(entry);
    }
    (LATIN.test(word) ? entry.en : entry.zh).push(word);
    added.push({ term, word });
  }
  const valid = vocabularySchema.parse(next);
  const { problems } = checkVocabulary(valid, reportText);
  if (problems.length) throw new Error(`the merged vocabulary would not pass check:vocab: ${problems.join('; ')}`);
  return { vocabulary: next, added };
}
