import { normalizeForMatch } from '../text/normalize.js';

/** Whether the report uses this term, compared as check:vocab compares (normalised, spaces ignored). */
export function reportHasTerm(reportText: string, term: string): boolean {
  const squash = (s: string) => normalizeForMatch(s).replace(/\s+/gu, '');
  return squash(term).length > 0 && squash(reportText).includes(squash(term));
}
