import type { OutlineNode, Paragraph, ParagraphKind } from '../types.js';
import { chineseNumeral } from './chinese-numeral.js';
import type { SourceBlock } from './join-page-breaks.js';
import { splitClauses, splitSentences } from './split-sentences.js';

const PART = /^([一二三四五六七八九十]+)、(.+)$/u;
const SUBPART = /^（([一二三四五六七八九十]+)）/u;
const SEP = ' › ';

/** Roles of the lines around the body, recognised by their form (first match wins). */
const HEADER_ROLES: [string, RegExp][] = [
  ['docno', /〔\d{4}〕\d+号$/u],
  ['signer', /^签发人[:：]/u],
  ['addressee', /[:：]$/u],
  ['title', /^.*关于.*报告$/u],
  ['issuer', /文件$/u],
];
const CLOSING_ROLES: [string, RegExp][] = [
  ['statement', /^特此报告/u],
  ['contact', /联系人|联系电话/u],
  ['print-date', /^\d{4}年\d{1,2}月\d{1,2}日印发$/u],
  ['date', /^\d{4}年\d{1,2}月\d{1,2}日$/u],
];

type Draft = Omit<Paragraph, 'sentences' | 'clauses' | 'order'>;

/**
 * Recognise the report's structure and give every block a stable id:
 * `header-<role>` for the header block, `intro` for the opening paragraph, `s<N>` for a
 * part heading `N、`, `s<N>.<M>` for a sub-part `（M）` paragraph, `s<N>.p<k>` for the k-th
 * other paragraph of part N, and `closing-<role>` after 特此报告. Ids depend only on the
 * document's own markers, so rebuilding the index never changes them.
 */
export function parseStructure(blocks: SourceBlock[]): { paragraphs: Paragraph[]; outline: OutlineNode[] } {
  const drafts: Draft[] = [];
  const outline: OutlineNode[] = [];
  let zone: 'header' | 'body' | 'closing' = 'header';
  let part: { n: number; title: string; node: OutlineNode; plain: number } | null = null;
  const used = new Set<string>();

  function uniqueId(base: string): string {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  }
  function push(draft: Omit<Draft, 'id'> & { id: string }) {
    drafts.push({ ...draft, id: uniqueId(draft.id) });
    return drafts[drafts.length - 1]!;
  }

  for (const block of blocks) {
    const { text, lines } = block;
    const partMatch = PART.exec(text);
    const partNumber = partMatch && !/[。；]/u.test(text) ? chineseNumeral(partMatch[1]!) : null;

    if (zone !== 'closing' && CLOSING_ROLES[0]![1].test(text)) zone = 'closing';

    if (zone === 'closing') {
      const role = CLOSING_ROLES.find(([, re]) => re.test(text))?.[0] ?? closingOrgRole(drafts);
      push({ id: `closing-${role}`, kind: 'closing', section: '文尾', part: null, subpart: null, text, lines });
    } else if (partNumber !== null) {
      zone = 'body';
      const title = text;
      const id = `s${partNumber}`;
      const node: OutlineNode = { title, id, paragraphIds: [id], children: [] };
      outline.push(node);
      part = { n: partNumber, title, node, plain: 0 };
      push({ id, kind: 'heading', section: title, part: partNumber, subpart: null, text, lines });
    } else if (zone === 'body' && part) {
      const sub = SUBPART.exec(text);
      const subNumber = sub ? chineseNumeral(sub[1]!) : null;
      if (subNumber !== null) {
        const subTitle = text.split('。')[0]!;
        const id = `s${part.n}.${subNumber}`;
        const p = push({ id, kind: 'body', section: part.title + SEP + subTitle, part: part.n, subpart: subNumber, text, lines });
        part.node.children.push({ title: subTitle, id: p.id, paragraphIds: [p.id], children: [] });
      } else {
        part.plain += 1;
        const p = push({ id: `s${part.n}.p${part.plain}`, kind: 'body', section: part.title, part: part.n, subpart: null, text, lines });
        part.node.paragraphIds.push(p.id);
      }
    } else {
      // Header lines are short labels; the first line of prose is the opening paragraph.
      const role = /[，。；]/u.test(text) ? undefined : HEADER_ROLES.find(([, re]) => re.test(text))?.[0];
      const kind: ParagraphKind = role ? 'header' : 'intro';
      push({ id: role ? `header-${role}` : 'intro', kind, section: role ? '文件头' : '导语', part: null, subpart: null, text, lines });
    }
  }

  const leading = drafts.filter((d) => d.kind === 'header' || d.kind === 'intro');
  const closing = drafts.filter((d) => d.kind === 'closing');
  if (leading.length) outline.unshift({ title: '文件头', id: leading[0]!.id, paragraphIds: leading.map((d) => d.id), children: [] });
  if (closing.length) outline.push({ title: '文尾', id: closing[0]!.id, paragraphIds: closing.map((d) => d.id), children: [] });

  const paragraphs = drafts.map(function finish(draft, order): Paragraph {
    const sentences = draft.kind === 'body' || draft.kind === 'intro' ? splitSentences(draft.text) : [{ start: 0, end: draft.text.length }];
    return { ...draft, sentences, clauses: splitClauses(draft.text), order };
  });
  return { paragraphs, outline };
}

/** An organisation line in the closing block signs the report before the contact line and prints it after. */
function closingOrgRole(drafts: Draft[]): string {
  return drafts.some((d) => d.id === 'closing-contact') ? 'printer' : 'signature';
}
