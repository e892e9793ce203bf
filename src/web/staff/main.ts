import { button, el, highlighted, type Range, termRanges } from '../shared/dom.js';
import { citationLine } from './citation-line.js';
import { listKeys } from './list-keys.js';

interface Paragraph {
  id: string;
  kind: string;
  section: string;
  text: string;
  sentences: { start: number; end: number }[];
}
interface OutlineNode {
  title: string;
  id: string;
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
const byId = new Map<string, Paragraph>();
let inflight: AbortController | null = null;

async function copy(text: string, what: string) {
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
  const t = $('toast');
  t.textContent = `已复制${what}：${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
  t.classList.add('show');
  setTimeout(() => t.classList.remove('show'), 2500);
}

/**
 * One paragraph: its sentences are clickable (the clicked one becomes the quote), matched terms
 * are marked; copy the chosen sentence as a citation, the whole paragraph, or a link to it.
 */
function card(p: Paragraph, terms: string[]): HTMLElement {
  const ranges = termRanges(p.text, terms);
  const sentences = (p.sentences.length ? p.sentences : [{ start: 0, end: p.text.length }]).map((s) => {
    const inside: Range[] = ranges
      .filter((r) => r.start < s.end && r.end > s.start)
      .map((r) => ({ start: Math.max(0, r.start - s.start), end: Math.min(s.end, r.end) - s.start }));
    const span = el('span', { class: 's', 'data-start': String(s.start), 'data-end': String(s.end) });
    span.append(...highlighted(p.text.slice(s.start, s.end), inside));
    return span;
  });
  // The quote: the first sentence holding a matched term, else the first sentence (a heading is never a quote).
  let chosen = sentences.find((s) => s.querySelector('mark')) ?? sentences[0]!;
  const text = el('p', { class: 'text' }, ...sentences);
  text.addEventListener('click', (e) => {
    const s = (e.target as HTMLElement).closest('.s');
    if (!(s instanceof HTMLElement)) return;
    chosen.classList.remove('chosen');
    chosen = s;
    s.classList.add('chosen');
  });
  if (terms.length) chosen.classList.add('chosen');
  const quote = () => p.text.slice(Number(chosen.dataset.start), Number(chosen.dataset.end)).replace(/[；，、：]$/u, '。');
  const article = el(
    'article',
    { id: `p-${p.id}`, 'data-id': p.id, tabindex: '-1' },
    el('div', { class: 'sec' }, el('span', {}, p.section), el('code', {}, p.id)),
    text,
    el(
      'div',
      { class: 'actions' },
      button('复制引用', () => copy(citationLine(quote(), p, title, docNumber), '引用'), {
        'aria-label': `复制引用（段落 ${p.id} 所选句子）`,
        class: 'cite',
      }),
      button('复制整段', () => copy(citationLine(p.text, p, title, docNumber), '整段'), { 'aria-label': `复制整段（段落 ${p.id}）` }),
      button('复制链接', () => copy(`${location.origin}/staff/#${p.id}`, '链接'), { 'aria-label': `复制链接（段落 ${p.id}）` }),
      el('a', { class: 'permalink', href: `#${p.id}`, 'aria-label': `段落 ${p.id} 的固定链接` }, '固定链接'),
    ),
  );
  return article;
}

function showAll() {
  list.replaceChildren(...paragraphs.map((p) => card(p, [])));
  status.textContent = `全文 ${paragraphs.length} 段 · 在上方输入即可搜索`;
}

/** Only paragraphs that hold every typed term are listed as matches; the ranking's other suggestions are labelled as such. */
async function search(q: string) {
  inflight?.abort();
  if (!q.trim()) return showAll();
  inflight = new AbortController();
  const terms = q.split(/\s+/).filter(Boolean);
  try {
    // Only the ids are read: the page holds every paragraph already.
    const res = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=20&text=false`, { signal: inflight.signal });
    const body = await res.json();
    if (!res.ok) {
      status.textContent = body?.error?.message ?? '搜索失败';
      return;
    }
    const hits = (body.hits as { id: string }[]).map((h) => byId.get(h.id)).filter((p): p is Paragraph => Boolean(p));
    const holds = (p: Paragraph) => terms.every((t) => termRanges(p.text, [t]).length > 0);
    // Every paragraph that holds the terms, in the report's order: the ranking may leave some out.
    const matches = paragraphs.filter((p) => p.kind !== 'heading' && holds(p));
    if (matches.length) {
      list.replaceChildren(...matches.map((p) => card(p, terms)));
      status.textContent = `${matches.length} 段包含“${q}”`;
    } else {
      const related = hits.filter((p) => p.kind !== 'heading').slice(0, 8);
      list.replaceChildren(...related.map((p) => card(p, [])));
      status.textContent = related.length ? `没有段落包含“${q}”；以下 ${related.length} 段内容相关` : `没有找到与“${q}”相关的段落`;
    }
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
  if (!byId.has(id)) {
    status.textContent = `没有编号为“${id}”的段落。请检查链接，或在上方搜索。`;
    return;
  }
  let target = document.getElementById(`p-${id}`);
  if (!target) {
    // The paragraph is not in the current results: go back to the whole report.
    input.value = '';
    showAll();
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
  for (const p of paragraphs) byId.set(p.id, p);
  $('doc-title').textContent = `${title}（${docNumber}）`;
  $('outline').replaceChildren(outlineTree(outline.sections));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    await search(initial);
  } else showAll();
  focusHash();
  input.addEventListener('input', () => void search(input.value));
  window.addEventListener('hashchange', focusHash);
  listKeys(input, list);
}

start().catch(() => {
  status.textContent = '加载失败，请刷新页面';
});
