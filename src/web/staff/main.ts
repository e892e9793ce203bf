import { el, highlighted, termRanges, type Range } from '../shared/dom.js';

interface Paragraph {
  id: string;
  section: string;
  text: string;
}
interface Hit extends Paragraph {
  spans: { start: number; end: number; quote: string }[];
}
interface OutlineNode {
  title: string;
  id: string;
  paragraphIds: string[];
  children: OutlineNode[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLInputElement>('q');
// Search runs as the staff type; Enter must not reload the page (no inline handler: the CSP allows none).
input.form?.addEventListener('submit', (e) => e.preventDefault());
const list = $('list');
const status = $('status');
let title = '';
let docNumber = '';
let paragraphs: Paragraph[] = [];
let inflight: AbortController | null = null;

/** The line hotline staff paste into a reply: quote, report title and number, section path, paragraph id. */
export function citationLine(quote: string, p: Paragraph): string {
  return `“${quote.trim()}”（《${title}》${docNumber}，${p.section}，段落 ${p.id}）`;
}

async function copy(text: string) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API needs a secure context; fall back to a selection copy.
    const area = el('textarea', { class: 'offscreen' }, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  toast('已复制引用');
}

function toast(message: string) {
  const t = $('toast');
  t.textContent = message;
  t.classList.add('show');
  setTimeout(() => t.classList.remove('show'), 1500);
}

function card(p: Paragraph, ranges: Range[], quote: string): HTMLElement {
  const permalink = `#${p.id}`;
  return el(
    'article',
    { id: `p-${p.id}`, 'data-id': p.id, tabindex: '-1' },
    el('div', { class: 'sec' }, el('span', {}, p.section), el('code', {}, p.id)),
    el('p', { class: 'text' }, ...highlighted(p.text, ranges)),
    el(
      'div',
      { class: 'actions' },
      button('复制引用', () => copy(citationLine(quote, p)), `复制段落 ${p.id} 的引用`),
      el('a', { class: 'permalink', href: permalink, 'aria-label': `段落 ${p.id} 的固定链接` }, '固定链接'),
    ),
  );
}

function button(label: string, onClick: () => void, ariaLabel?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', 'aria-label': ariaLabel }, label);
  b.addEventListener('click', onClick);
  return b;
}

function showAll() {
  list.replaceChildren(...paragraphs.map((p) => card(p, [], p.text)));
  status.textContent = `全文 ${paragraphs.length} 段 · 在上方输入即可搜索`;
  focusHash();
}

async function search(q: string) {
  inflight?.abort();
  if (!q.trim()) return showAll();
  inflight = new AbortController();
  const started = performance.now();
  try {
    const res = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=20`, { signal: inflight.signal });
    const body = await res.json();
    if (!res.ok) {
      status.textContent = body?.error?.message ?? '搜索失败';
      return;
    }
    const hits = body.hits as Hit[];
    const terms = q.split(/\s+/).filter(Boolean);
    list.replaceChildren(
      ...hits.map((h) => {
        const ranges: Range[] = [...h.spans.slice(0, 1).map((s) => ({ ...s, className: 'span' })), ...termRanges(h.text, terms)];
        return card(h, ranges, h.spans[0]?.quote ?? h.text);
      }),
    );
    status.textContent = hits.length
      ? `找到 ${hits.length} 段 · ${Math.round(performance.now() - started)} ms`
      : `没有找到与“${q}”相关的段落`;
  } catch (e) {
    if ((e as Error).name !== 'AbortError') status.textContent = '网络错误，请重试';
  }
}

function outlineTree(nodes: OutlineNode[]): HTMLElement {
  return el(
    'ul',
    {},
    ...nodes.map((n) =>
      el('li', {}, el('a', { href: `#${n.id}`, 'data-id': n.id }, n.title), n.children.length ? outlineTree(n.children) : null),
    ),
  );
}

function focusHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  for (const a of document.querySelectorAll('article.target')) a.classList.remove('target');
  for (const a of document.querySelectorAll('nav a[aria-current]')) a.removeAttribute('aria-current');
  if (!id) return;
  let target = document.getElementById(`p-${id}`);
  if (!target && paragraphs.some((p) => p.id === id)) {
    // The paragraph is not in the current results: go back to the whole report.
    input.value = '';
    list.replaceChildren(...paragraphs.map((p) => card(p, [], p.text)));
    target = document.getElementById(`p-${id}`);
  }
  document.querySelector(`nav a[data-id="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'true');
  if (target) {
    target.classList.add('target');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

async function start() {
  const [all, outline] = await Promise.all([fetch('/api/paragraphs').then((r) => r.json()), fetch('/api/outline').then((r) => r.json())]);
  title = all.title;
  docNumber = all.docNumber;
  paragraphs = all.paragraphs;
  $('doc-title').textContent = `${title}（${docNumber}）`;
  $('outline').replaceChildren(outlineTree(outline.sections));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    await search(initial);
  } else showAll();
  input.addEventListener('input', () => void search(input.value));
  window.addEventListener('hashchange', focusHash);
}

start().catch(() => {
  status.textContent = '加载失败，请刷新页面';
});
