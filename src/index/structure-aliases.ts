import type { StructureLabels } from '../corpus/corpus-files.js';
import type { Paragraph } from '../types.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Words people use for a paragraph's place in the document (文号, 落款, 第五部分…),
 * derived from its structural role, so structural questions find the right paragraph.
 */
export function structureAliases(paragraph: Paragraph, labels: StructureLabels, lastPart: number | null = null): string[] {
  const role = paragraph.id.replace(/-\d+$/, '');
  const out = [...(labels.roles[role] ?? [])];
  const fill = (template: string, n: number, m = 0) =>
    template
      .replaceAll('{n}', CN[n] ?? String(n))
      .replaceAll('{d}', String(n))
      .replaceAll('{e}', EN[n] ?? String(n))
      .replaceAll('{m}', CN[m] ?? String(m));
  if (paragraph.part !== null && paragraph.kind === 'heading') {
    out.push(...labels.part.map((t) => fill(t, paragraph.part!)), ...labels.heading);
    if (paragraph.part === lastPart) out.push(...labels.lastPart);
  }
  if (paragraph.part !== null && paragraph.subpart !== null)
    out.push(...labels.subpart.map((t) => fill(t, paragraph.part!, paragraph.subpart!)));
  return out;
}
