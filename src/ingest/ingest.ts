import type { ReportDocument, ReportMeta } from '../types.js';
import { joinPageBreaks } from './join-page-breaks.js';
import { parseStructure } from './parse-structure.js';

/** Source text → paragraphs with stable ids, sentences, clauses and the outline. Pure: no I/O. */
export function ingest(source: string, meta: ReportMeta): ReportDocument {
  const { paragraphs, outline } = parseStructure(joinPageBreaks(source));
  return { meta, paragraphs, outline };
}
