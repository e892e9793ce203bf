import { button, el, highlighted } from '../shared/dom.js';
import { ChatError, type Citation, streamChat } from './chat-stream.js';
import { composer } from './composer.js';
import { Conversation, type Turn } from './conversation.js';
import { FULL_SCREEN, fitToViewport, trapFocus } from './phone-layout.js';
import { adoptStyles, STYLES } from './styles.js';
import { answerAsText, type HumanChannel, renderTurn, type TurnActions } from './turn-view.js';

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

const fab = el('button', { class: 'fab', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'qa-panel' });
const close = el('button', { type: 'button', class: 'icon', 'aria-label': '关闭问答窗口' }, '×');
const fresh = el('button', { type: 'button', class: 'new' }, '新对话');
const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录' });
const detail = el('div', { class: 'detail', hidden: true, role: 'region', 'aria-label': '引用原文' });
const { input, counter, reset } = composer();
const send = el('button', { type: 'submit', class: 'send' }, '发送');
const stop = el('button', { type: 'button', class: 'stop', hidden: true }, '停止');
const panel = el(
  'div',
  { class: 'panel', id: 'qa-panel', role: 'dialog', 'aria-labelledby': 'qa-title', hidden: true, tabindex: '-1' },
  el('div', { class: 'head' }, el('h2', { id: 'qa-title' }, title), fresh, close),
  el('p', { class: 'notice' }, '回答摘自正式发布的报告原文，仅供参考，不构成法律意见。'),
  log,
  detail,
  el('form', { class: 'form' }, input, counter, send, stop),
);
const root = el('div', { class: `root${script?.dataset.position === 'left' ? ' left' : ''}` }, panel, fab);
shadow.append(root);

const conversation = new Conversation(`shishi-qa:${api}`);
const bubbles = new Map<Turn, HTMLElement>();
let active: { turn: Turn; controller: AbortController } | null = null;
let lastFocus: HTMLElement | null = null;
let humanChannel: Promise<HumanChannel | null> | null = null;

const actions: TurnActions = {
  openCitation: showCitation,
  openSection: (id) => void openSection(id),
  retry: (turn) => void run(turn),
  copy: (turn, b) => void copyAnswer(turn, b),
  feedback: { send: sendFeedback, save: () => conversation.save() },
  get humanChannel() {
    humanChannel ??= fetch(`${api}/api/widget-config`)
      .then((r) => (r.ok ? r.json() : null))
      .then((c: { humanChannel: HumanChannel | null } | null) => c?.humanChannel ?? null)
      .catch(() => null);
    return humanChannel;
  },
};

function labelFab(open: boolean) {
  fab.textContent = open ? '收起' : '问答';
  fab.setAttribute('aria-label', open ? `收起${title}` : `打开${title}`);
  fab.setAttribute('aria-expanded', String(open));
  root.classList.toggle('open', open); // a full-screen panel covers the button: the panel's × closes it
}

/** `restoring`: reopened after a reload, where moving the focus would pull the page away from where the reader was. */
function open({ restoring = false } = {}) {
  panel.hidden = false;
  labelFab(true);
  rememberOpen(true);
  if (!log.childElementCount) renderConversation();
  if (restoring) return;
  // On a phone, focusing the input would open the keyboard over the starters: focus the dialog instead.
  if (matchMedia(FULL_SCREEN).matches || matchMedia('(pointer: coarse)').matches) panel.focus();
  else input.focus();
}
function hide() {
  panel.hidden = true;
  labelFab(false);
  rememberOpen(false);
  fab.focus();
}

/** Whether the panel is open is kept with the conversation, so a reload shows it as it was. */
const OPEN_KEY = `shishi-qa:${api}:open`;
function rememberOpen(isOpen: boolean) {
  try {
    sessionStorage.setItem(OPEN_KEY, isOpen ? 'open' : '');
  } catch {
    // storage blocked: the panel starts closed after a reload
  }
}
function wasOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === 'open';
  } catch {
    return false;
  }
}

function renderConversation() {
  bubbles.clear();
  const greeting = el(
    'div',
    { class: 'msg bot greet' },
    '您好！我可以回答关于《石狮市人民政府关于2023年度法治政府建设情况的报告》的问题，每个回答都会标明出处。您可以试试：',
    el('div', { class: 'starters' }, ...starters.map((q) => button(q, () => ask(q)))),
  );
  log.replaceChildren(greeting);
  for (const turn of conversation.turns) appendTurn(turn);
}

function appendTurn(turn: Turn): HTMLElement {
  const bubble = el('div', { class: 'msg bot' });
  log.append(el('div', { class: 'msg user' }, turn.question), bubble);
  bubbles.set(turn, bubble);
  renderTurn(bubble, turn, actions);
  return bubble;
}

function update(turn: Turn) {
  const bubble = bubbles.get(turn);
  if (bubble) renderTurn(bubble, turn, actions);
}

/** Show the start of an element at the top of the log: a long answer is read from its first line. */
function scrollToStart(node: Element | null | undefined) {
  if (node instanceof HTMLElement) log.scrollTop = node.offsetTop - 8;
}

function ask(text: string) {
  const question = text.trim();
  if (!question || active) return; // Enter while an answer is coming does nothing: the typed text stays
  reset();
  const turn = conversation.add(question);
  appendTurn(turn);
  void run(turn);
}

/** Send one turn (again): only that turn's question, after the turns answered before it. */
async function run(turn: Turn) {
  if (active) return;
  const controller = new AbortController();
  active = { turn, controller };
  Object.assign(turn, { state: 'sending', text: '', citations: [], answer: undefined, failure: undefined });
  update(turn);
  scrollToStart(bubbles.get(turn)?.previousElementSibling);
  busy(true);
  const citations = new Map<number, Citation>(); // drafts and the final answer both send them: the last wins
  try {
    await streamChat(
      api,
      { messages: conversation.messagesFor(turn), conversationId: conversation.id },
      {
        onTextStart() {
          turn.text = '';
        },
        onText(delta) {
          turn.state = 'streaming';
          turn.text += delta;
          update(turn);
        },
        onCitation: (c) => void citations.set(c.n, c),
        onFinal(answer) {
          const n = new Set(answer.citations.map((c) => c.n));
          Object.assign(turn, { state: 'done', text: answer.answer, answer, citations: [...citations.values()].filter((c) => n.has(c.n)) });
        },
      },
      controller.signal,
    );
  } catch (e) {
    const error = e instanceof ChatError ? e : new ChatError('network', String(e));
    turn.state = 'failed';
    turn.failure = { kind: error.kind, message: error.message, retryAt: Date.now() + error.retryAfter * 1000 };
  }
  active = null;
  busy(false);
  conversation.save();
  update(turn);
  scrollToStart(bubbles.get(turn)?.previousElementSibling);
}

function busy(on: boolean) {
  send.hidden = on;
  stop.hidden = !on;
  if (!on && shadow.activeElement === stop) input.focus();
}

/** One rating of one answer; the service redacts personal data in the reason too. */
async function sendFeedback(turn: Turn, rating: 'up' | 'down', reason: string): Promise<boolean> {
  const res = await fetch(`${api}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answerId: turn.answer?.answerId, rating, ...(reason ? { reason } : {}) }),
  });
  return res.status === 202;
}

async function copyAnswer(turn: Turn, b: HTMLButtonElement) {
  try {
    await navigator.clipboard.writeText(answerAsText(turn));
    b.textContent = '已复制';
  } catch {
    b.textContent = '复制失败';
  }
  setTimeout(() => (b.textContent = '复制回答'), 2000);
}

function showCitation(c: Pick<Citation, 'id' | 'section' | 'text' | 'start' | 'end'>) {
  lastFocus = shadow.activeElement as HTMLElement | null;
  const back = button('← 返回对话', backToChat, { class: 'back' });
  const range = c.end > c.start ? `?from=${c.start}&to=${c.end}` : '';
  detail.replaceChildren(
    back,
    el('p', { class: 'sec' }, c.section),
    el('div', { class: 'para' }, ...highlighted(c.text, c.end > c.start ? [{ start: c.start, end: c.end, className: 'quote' }] : [])),
    el(
      'a',
      { class: 'out', href: `${api}/report/${encodeURIComponent(c.id)}${range}`, target: '_blank', rel: 'noopener' },
      '在新窗口查看报告原文',
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

async function openSection(id: string) {
  try {
    const res = await fetch(`${api}/api/paragraphs/${encodeURIComponent(id)}`);
    if (res.ok) showCitation({ ...(await res.json()), start: 0, end: 0 });
  } catch {
    // leave the chat as it is; the suggestion stays clickable
  }
}

fab.addEventListener('click', () => (panel.hidden ? open() : hide()));
close.addEventListener('click', hide);
fresh.addEventListener('click', () => {
  active?.controller.abort();
  conversation.clear();
  renderConversation();
  if (!matchMedia(FULL_SCREEN).matches) input.focus();
});
stop.addEventListener('click', () => active?.controller.abort());
panel.addEventListener('submit', (e) => {
  e.preventDefault();
  ask(input.value);
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    ask(input.value);
  }
});
panel.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  e.stopPropagation();
  if (!detail.hidden) backToChat();
  else hide();
});
trapFocus(shadow, panel);
fitToViewport(panel);
labelFab(false);

function mount() {
  document.body.append(host);
  if (wasOpen()) open({ restoring: true });
  fab.dataset.ready = 'true';
  performance.mark?.('shishi-qa:ready'); // for `npm run bench:widget`
}
if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount);
