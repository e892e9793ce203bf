import { z } from 'zod';

export const TERM_KINDS = [
  'institution',
  'office',
  'document',
  'procedure',
  'group',
  'platform',
  'measure',
  'metric',
  'event',
  'place',
  'concept',
  'action',
] as const;

const variants = z.array(z.string().min(2, 'a variant of one character matches too much')).default([]);

/**
 * The citizen vocabulary (corpus/vocabulary.json): every domain term of the report, as the
 * report writes it, with the words people use for it — Simplified Chinese, Traditional wording
 * that differs beyond script, English. Reviewed data, organised by the report's term.
 */
export const vocabularySchema = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  terms: z.array(
    z.object({
      term: z.string().min(1),
      kind: z.enum(TERM_KINDS),
      zh: variants,
      zht: variants,
      en: variants,
      note: z.string().optional(),
    }),
  ),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type VocabularyTerm = Vocabulary['terms'][number];

/** Every word a citizen may use for a term: Simplified, Traditional wording, English. */
export function citizenWords(term: VocabularyTerm): string[] {
  return [...term.zh, ...term.zht, ...term.en];
}

/**
 * The vocabulary as query expansions: each citizen word → the report term(s) it names.
 * Terms that share a word are merged by the lexicon, which groups by word.
 *
 * @example vocabularyEntries(v).find((e) => e.user.includes('商家'))?.report // ['市场主体']
 */
export function vocabularyEntries(vocabulary: Vocabulary): { user: string[]; report: string[] }[] {
  return vocabulary.terms.filter((t) => citizenWords(t).length > 0).map((t) => ({ user: citizenWords(t), report: [t.term] }));
}

/** Kinds of term that name one body or platform (not a group such as 企业 or 执法人员, which many paragraphs count): a figure about one is not a figure about another. */
const NAMED_KINDS = new Set<VocabularyTerm['kind']>(['institution', 'office', 'platform']);

/**
 * The report's terms that name a body or a platform (金牌调解室, 法律顾问, i石狮).
 *
 * @example namedBodies(v).includes('金牌调解室') // true
 */
export function namedBodies(vocabulary: Vocabulary): string[] {
  return vocabulary.terms.filter((t) => NAMED_KINDS.has(t.kind)).map((t) => t.term);
}

/**
 * The report's terms for groups of people or organisations (市场主体, 企业, 执法人员): counted by a number
 * of them (17 万户), never by an amount of money or a percentage.
 */
export function groupTerms(vocabulary: Vocabulary): string[] {
  return vocabulary.terms.filter((t) => t.kind === 'group').map((t) => t.term);
}
