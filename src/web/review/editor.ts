import { el } from '../shared/dom.js';
import type { Quote } from './review-types.js';
import { get, post } from './staff-api.js';

interface Paragraph {
  id: string;
  section: string;
  text: string;
  sentences: { start: number; end: number }[];
}

let paragraphs: Paragraph[] = [];
let quotes: Quote[] = [];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Open the editor on a question: the report's paragraphs that match it, sentence by sentence, to pick quotes from. */
export async function openEditor(question: string) {
  if (!paragraphs.length) paragraphs = (await get<{ paragraphs: Paragraph[] }>('/api/paragraphs')).paragraphs;
  $('editor').hidden = false;
  $<HTMLInputElement>('e-question').value = question;
  quotes = [];
  renderQuotes();
  const { hits } = await get<{ hits: { id: string }[] }>(`/api/search?q=${encodeURIComponent(question)}&limit=5`);
  showParagraphs(hits.map((h) => h.id));
  $('editor').scrollIntoView();
  $<HTMLInputElement>('e-question').focus();
}

function showParagraphs(ids: string[]) {
  const list = ids.map((id) => paragraphs.find((p) => p.id === id)).filter((p): p is Paragraph => Boolean(p));
  $('e-paragraphs').replaceChildren(...(list.length ? list.map(paragraphView) : [el('p', {}, '没有找到相关段落，请换个关键词。')]));
}

function paragraphView(p: Paragraph): HTMLElement {
  const sentences = p.sentences.map((s) => {
    const text = p.text.slice(s.start, s.end);
    const button = el('button', { type: 'button', class: 's', 'aria-pressed': 'false' }, text);
    button.addEventListener('click', () => {
      const at = quotes.findIndex((q) => q.paragraphId === p.id && q.start === s.start);
      if (at >= 0) quotes.splice(at, 1);
      else quotes.push({ paragraphId: p.id, start: s.start, end: s.end, text });
      button.setAttribute('aria-pressed', String(at < 0));
      renderQuotes();
    });
    return button;
  });
  return el('article', { class: 'para', 'data-id': p.id }, el('h3', {}, `${p.id} ${p.section}`), el('p', {}, ...sentences));
}

function renderQuotes() {
  $('e-quotes').replaceChildren(...quotes.map((q) => el('li', {}, `${q.paragraphId}：${q.text}`)));
}

/** Wire the editor's buttons; `done` reloads the review after a change, `say` tells the user. */
export function wireEditor(done: () => Promise<void>, say: (text: string) => void) {
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  const act = (button: string, run: () => Promise<string>) =>
    $(button).addEventListener('click', async () => {
      try {
        say(await run());
        await done();
      } catch (error) {
        say(`未保存：${(error as Error).message}`);
      }
    });
  $('e-search').addEventListener('change', async () => {
    const q = value('e-search');
    if (!q) return;
    const { hits } = await get<{ hits: { id: string }[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=8`);
    showParagraphs(hits.map((h) => h.id));
  });
  act('e-approve', async () => {
    await post('/api/staff/approved', { question: value('e-question'), framing: value('e-framing'), quotes });
    return '已核准：之后同样的问题将得到这个回答。';
  });
  act('e-refer', async () => {
    await post('/api/staff/referrals', { question: value('e-question'), office: value('e-office'), phone: value('e-phone') });
    return '已转介：之后同样的问题将告知该部门和电话。';
  });
  act('e-propose', async () => {
    await post('/api/staff/vocab', { reportTerm: value('e-term'), citizenWord: value('e-word') });
    return '已提议加入词表，待审核。';
  });
}
