import { el, highlighted } from '../shared/dom.js';
import { ChatError, streamChat, type ChatMessage, type Citation, type FinalAnswer } from './chat-stream.js';
import { adoptStyles, STYLES } from './styles.js';

/**
 * The citizen chat widget. A site adds it with one tag:
 *   <script src="https://host/widget.js" data-title="法治政府报告问答" async></script>
 * Everything lives in a Shadow DOM; every piece of text from the user, the model or the report
 * is inserted as text, never as HTML.
 */
const script = document.currentScript as HTMLScriptElement | null;
const api = (script?.dataset.api ?? (script?.src ? new URL(script.src).origin : location.origin)).replace(/\/$/, '');
const title = script?.dataset.title ?? '法治政府报告问答';
const starters = (script?.dataset.starters ?? '老百姓告政府，负责人出庭了吗？|2023年收到多少件行政复议申请？|孩子上学能在网上报名吗？')
  .split('|')
  .filter(Boolean);

const host = el('div', { 'data-shishi-qa': '' });
const shadow = host.attachShadow({ mode: 'open' });
adoptStyles(shadow, STYLES);

const fab = el(
  'button',
  { class: 'fab', type: 'button', 'aria-label': `打开${title}`, 'aria-expanded': 'false', 'aria-controls': 'qa-panel' },
  '问答',
);
const close = el('button', { type: 'button', 'aria-label': '关闭问答窗口' }, '×');
const heading = el('h2', { id: 'qa-title' }, title);
const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'aria-label': '对话记录' });
const detail = el('div', { class: 'detail', hidden: true, role: 'region', 'aria-label': '引用原文' });
const input = el('textarea', { 'aria-label': '输入您的问题', placeholder: '请输入问题，回车发送', maxlength: '500', rows: '1' });
const send = el('button', { type: 'submit' }, '发送');
const form = el('form', { class: 'form' }, input, send);
const panel = el(
  'div',
  { class: 'panel', id: 'qa-panel', role: 'dialog', 'aria-labelledby': 'qa-title', hidden: true },
  el('div', { class: 'head' }, heading, close),
  log,
  detail,
  form,
);
const root = el('div', { class: `root${script?.dataset.position === 'left' ? ' left' : ''}` }, panel, fab);
shadow.append(root);

const messages: ChatMessage[] = [];
let busy = false;
let lastFocus: HTMLElement | null = null;

function open() {
  panel.hidden = false;
  fab.setAttribute('aria-expanded', 'true');
  if (!log.childElementCount) greet();
  input.focus();
}
function hide() {
  panel.hidden = true;
  fab.setAttribute('aria-expanded', 'false');
  fab.focus();
}

function greet() {
  const list = el('div', { class: 'starters' }, ...starters.map((q) => button(q, () => ask(q))));
  log.append(
    el(
      'div',
      { class: 'msg bot' },
      '您好！我可以回答关于《石狮市人民政府关于2023年度法治政府建设情况的报告》的问题，每个回答都会标明出处。您可以试试：',
      list,
    ),
  );
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Answer text with `[n]` markers turned into buttons that open the cited paragraph. */
function renderAnswer(target: HTMLElement, text: string, citations: Map<number, Citation>) {
  const nodes: Node[] = [];
  let at = 0;
  for (const m of text.matchAll(/\[(\d+)\]/g)) {
    const c = citations.get(Number(m[1]));
    if (!c) continue;
    nodes.push(document.createTextNode(text.slice(at, m.index)));
    nodes.push(button(`[${c.n}]`, () => showCitation(c), { class: 'cite', 'aria-label': `查看引用 ${c.n}：${c.section}` }));
    at = m.index + m[0].length;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  target.replaceChildren(...nodes);
}

function showCitation(c: Pick<Citation, 'id' | 'section' | 'text' | 'start' | 'end'>) {
  lastFocus = shadow.activeElement as HTMLElement | null;
  const back = button('← 返回对话', backToChat, { class: 'back' });
  detail.replaceChildren(
    back,
    el('p', { class: 'sec' }, `${c.section}（段落 ${c.id}）`),
    el('div', { class: 'para' }, ...highlighted(c.text, c.end > c.start ? [{ start: c.start, end: c.end, className: 'quote' }] : [])),
    el(
      'div',
      { class: 'links' },
      el('a', { href: `${api}/staff/#${encodeURIComponent(c.id)}`, target: '_blank', rel: 'noopener' }, '在报告速查页中查看'),
    ),
  );
  log.hidden = true;
  detail.hidden = false;
  back.focus();
}

function backToChat() {
  detail.hidden = true;
  log.hidden = false;
  (lastFocus ?? input).focus();
}

async function openParagraph(id: string) {
  try {
    const res = await fetch(`${api}/api/paragraphs/${encodeURIComponent(id)}`);
    if (res.ok) {
      const p = await res.json();
      showCitation({ id: p.id, section: p.section, text: p.text, start: 0, end: 0 });
    }
  } catch {
    // leave the chat as it is; the suggestion stays clickable
  }
}

async function ask(question: string) {
  question = question.trim();
  if (!question || busy) return;
  busy = true;
  send.disabled = true;
  input.value = '';
  log.append(el('div', { class: 'msg user' }, question));
  messages.push({ id: `u${messages.length}`, role: 'user', parts: [{ type: 'text', text: question }] });

  const bubble = el('div', { class: 'msg bot', 'aria-busy': 'true' });
  const body = el('div', { class: 'typing' });
  const sources = el('ol', { class: 'sources', 'aria-label': '引用' });
  bubble.append(body);
  log.append(bubble);
  log.scrollTop = log.scrollHeight;

  const citations = new Map<number, Citation>();
  let text = '';
  let final: FinalAnswer | null = null;
  try {
    await streamChat(api, messages.slice(-11), {
      onTextStart() {
        text = '';
      },
      onText(delta) {
        text += delta;
        body.textContent = text;
        log.scrollTop = log.scrollHeight;
      },
      onCitation(c) {
        citations.set(c.n, c);
      },
      onFinal(a) {
        final = a;
      },
    });
  } catch (e) {
    bubble.remove();
    messages.pop();
    const kind = e instanceof ChatError ? e.kind : 'network';
    const message =
      kind === 'busy'
        ? '提问太频繁了，请稍等片刻再试。'
        : kind === 'rejected'
          ? `问题无法处理：${(e as ChatError).message || '请修改后再试。'}`
          : '网络连接出现问题，请稍后重试。';
    const retry = button('重试', () => {
      errorBubble.remove();
      log.lastElementChild?.remove(); // the user bubble is added again by ask()
      void ask(question);
    });
    const errorBubble = el('div', { class: 'msg err', role: 'alert' }, message, kind === 'rejected' ? null : retry);
    log.append(errorBubble);
    input.value = question; // the typed question is kept
    busy = false;
    send.disabled = false;
    input.focus();
    return;
  }

  const answer = final as FinalAnswer | null;
  body.classList.remove('typing');
  bubble.removeAttribute('aria-busy');
  if (answer) {
    text = answer.answer;
    if (answer.abstained) {
      bubble.classList.add('declined');
      bubble.prepend(el('span', { class: 'tag' }, '报告中未找到'));
      body.textContent = text;
      if (answer.suggestions?.length) {
        bubble.append(
          el(
            'div',
            { class: 'sugg' },
            el('span', { class: 'note' }, '可以看看这些相关部分：'),
            ...answer.suggestions.map((s) => button(s.section, () => void openParagraph(s.id))),
          ),
        );
      }
    } else {
      renderAnswer(body, text, citations);
      const cited = answer.citations.map((c) => citations.get(c.n)).filter((c): c is Citation => Boolean(c));
      sources.replaceChildren(
        ...cited.map((c) =>
          el(
            'li',
            {},
            button(`[${c.n}] ${c.section}`, () => showCitation(c), { 'aria-label': `查看引用 ${c.n}：${c.section}` }),
          ),
        ),
      );
      if (cited.length) bubble.append(sources);
      if (answer.degraded)
        bubble.append(
          el(
            'div',
            { class: 'note' },
            answer.degradedReason === 'unverified'
              ? '生成的回答未能通过原文核对，以上为报告原文摘录。'
              : '智能回答暂时不可用，以上为报告原文摘录。',
          ),
        );
    }
  }
  messages.push({ id: `a${messages.length}`, role: 'assistant', parts: [{ type: 'text', text }] });
  busy = false;
  send.disabled = false;
  log.scrollTop = log.scrollHeight;
}

fab.addEventListener('click', () => (panel.hidden ? open() : hide()));
close.addEventListener('click', hide);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void ask(input.value);
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    void ask(input.value);
  }
});
root.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || panel.hidden) return;
  e.stopPropagation();
  if (!detail.hidden) backToChat();
  else hide();
});

function mount() {
  document.body.append(host);
  fab.dataset.ready = 'true';
  performance.mark?.('shishi-qa:ready'); // for `npm run bench:widget`
}
if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount);
