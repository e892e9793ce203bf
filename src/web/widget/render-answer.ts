import { el } from '../shared/dom.js';
import type { Citation } from './chat-stream.js';

export type OpenCitation = (c: Citation) => void;

/**
 * An answer's text as DOM: lines that start with `· ` become a bulleted list (hanging indent, in
 * the order the report gives them), other lines paragraphs; each `[n]` becomes a small button
 * that opens citation n. Text is inserted as text, never as HTML.
 */
export function answerNodes(text: string, citations: Citation[], open: OpenCitation): Node[] {
  const out: Node[] = [];
  let list: HTMLUListElement | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const bullet = /^[·•]\s*/u.exec(line);
    if (bullet) {
      list ??= el('ul', { class: 'items' });
      list.append(el('li', {}, ...inline(line.slice(bullet[0].length), citations, open)));
      continue;
    }
    if (list) out.push(list);
    list = null;
    out.push(el('p', {}, ...inline(line, citations, open)));
  }
  if (list) out.push(list);
  return out;
}

function inline(line: string, citations: Citation[], open: OpenCitation): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const m of line.matchAll(/\[(\d+)\]/g)) {
    const c = citations.find((x) => x.n === Number(m[1]));
    if (!c) continue;
    nodes.push(document.createTextNode(line.slice(at, m.index)));
    const marker = el('button', { type: 'button', class: 'cite', 'aria-label': `引用 ${c.n}：${c.quote}` }, `[${c.n}]`);
    marker.addEventListener('click', () => open(c));
    nodes.push(marker);
    at = m.index + m[0].length;
  }
  nodes.push(document.createTextNode(line.slice(at)));
  return nodes;
}

/** The source chips under an answer: each shows its quote; the section shows on hover or focus, and a click opens the paragraph. */
export function sourceChips(citations: Citation[], open: OpenCitation): HTMLElement {
  return el(
    'ol',
    { class: 'sources', 'aria-label': '引用来源' },
    ...citations.map((c) => {
      const chip = el(
        'button',
        { type: 'button', class: 'chip', title: c.section, 'aria-label': `引用 ${c.n}：${c.quote}（${c.section}）` },
        el('span', { class: 'n' }, `[${c.n}]`),
        el('span', { class: 'q' }, c.quote),
        el('span', { class: 'sec' }, c.section),
      );
      chip.addEventListener('click', () => open(c));
      return el('li', {}, chip);
    }),
  );
}
