import { describe, expect, it } from 'vitest';
import { snapshotQuestions } from '../evals/lib/answer-snapshot.js';
import { cutGlossary } from '../src/retrieve/cut-glossary.js';
import type { GlossaryEntry, Lexicon } from '../src/retrieve/lexicon.js';
import { cutOut } from '../src/retrieve/question-words.js';
import { wordFinder } from '../src/retrieve/word-finder.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { offlineService } from './helpers.js';

/** The reading the trie replaces: every glossary entry tried in order, each against what is left. */
function scanEveryEntry(text: string, lexicon: Lexicon) {
  let rest = text;
  const entries: GlossaryEntry[] = [];
  for (const entry of lexicon.glossary) {
    const cut = cutOut(rest, entry);
    if (cut === null) continue;
    rest = cut;
    entries.push(entry);
  }
  return { rest, entries };
}

describe('word finder', () => {
  it('finds every listed word that occurs in a text, overlapping or nested, and no other', () => {
    const trie = wordFinder(['行政复议', '复议', '议', '复议案', 'legal adviser', 'sue']);
    expect(trie.occurring('行政复议多少件')).toEqual([0, 1, 2]);
    expect(trie.occurring('issued by a legal adviser')).toEqual([4, 5]);
    expect(trie.occurring('')).toEqual([]);
  });
});

describe('cutting glossary words out of a question', () => {
  it('cuts the same words, in the same order, as trying every glossary entry, for every gold and dev2 question', async () => {
    const { lexicon } = await offlineService();
    for (const { question } of snapshotQuestions()) {
      const text = normalizeForMatch(question);
      expect(cutGlossary(text, lexicon), question).toEqual(scanEveryEntry(text, lexicon));
    }
  });

  it('finds a phrase that a cut completes: the space a Han word leaves joins the halves of an English one', () => {
    const glossary: GlossaryEntry[] = [
      { user: '法律顾问', report: ['法律顾问'], latin: false },
      { user: 'my lawyer', report: ['律师'], latin: true },
    ];
    const lexicon = { glossary, glossaryWords: wordFinder(glossary.map((e) => e.user)) };
    // Normalising removes the spaces next to Han characters, so 'my 法律顾问 lawyer' reads 'my法律顾问lawyer'.
    const cut = cutGlossary('my法律顾问lawyer', lexicon);
    expect(cut.entries.map((e) => e.user)).toEqual(['法律顾问', 'my lawyer']);
    expect(cut).toEqual(scanEveryEntry('my法律顾问lawyer', lexicon as unknown as Lexicon));
  });
});
