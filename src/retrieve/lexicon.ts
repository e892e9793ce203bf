import type { Glossary, Stopwords } from '../corpus/corpus-files.js';
import { normalizeForMatch } from '../text/normalize.js';

export interface GlossaryEntry {
  /** Normalised everyday term as a citizen types it. */
  user: string;
  /** Normalised report wording it stands for. */
  report: string[];
}

/** The language resources a query is read with: glossary and question words, normalised once. */
export interface Lexicon {
  /** Longest user term first, so `和政府打官司` wins over `打官司`. */
  glossary: GlossaryEntry[];
  stopZh: Set<string>;
  /** Particles trimmed from the ends of segmented words. */
  particles: Set<string>;
  stopEn: Set<string>;
}

export function createLexicon(glossary: Glossary, stopwords: Stopwords): Lexicon {
  const entries = new Map<string, Set<string>>();
  for (const entry of glossary.entries) {
    const report = entry.report.map(normalizeForMatch);
    for (const user of entry.user.map(normalizeForMatch)) {
      const set = entries.get(user) ?? new Set<string>();
      for (const r of report) set.add(r);
      entries.set(user, set);
    }
  }
  return {
    glossary: [...entries].map(([user, report]) => ({ user, report: [...report] })).sort((a, b) => b.user.length - a.user.length),
    stopZh: new Set(stopwords.zh.map(normalizeForMatch)),
    particles: new Set(stopwords.particles),
    stopEn: new Set(stopwords.en.map((w) => w.toLowerCase())),
  };
}
