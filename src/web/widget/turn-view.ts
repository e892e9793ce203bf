import { button, el } from '../shared/dom.js';
import type { Citation } from './chat-stream.js';
import type { Turn } from './conversation.js';
import { type FeedbackActions, renderFeedback } from './feedback-view.js';
import { answerNodes, type OpenCitation, sourceChips } from './render-answer.js';

export interface HumanChannel {
  label: string;
  href: string | null;
}

export interface TurnActions {
  openCitation: OpenCitation;
  openSection(id: string): void;
  retry(turn: Turn): void;
  copy(turn: Turn, button: HTMLButtonElement): void;
  feedback: FeedbackActions;
  /** The deployment's human channel (from /api/widget-config), null when it has none or it could not be read. */
  humanChannel: Promise<HumanChannel | null>;
}

/** What a failed turn says: offline, a server fault and a rate limit are different things to the citizen. */
function failureText(turn: Turn, now: number): string {
  const f = turn.failure!;
  switch (f.kind) {
    case 'busy': {
      const wait = Math.max(0, Math.ceil(((f.retryAt ?? now) - now) / 1000));
      return wait > 0 ? `提问太频繁，请等待 ${wait} 秒后再重试。` : '现在可以重试了。';
    }
    case 'server':
      return '服务器出错了，没能给出回答（不是您的网络问题）。请稍后重试。';
    case 'rejected':
      return `问题无法处理：${f.message || '请修改后再试。'}`;
    case 'stopped':
      return '已停止回答。';
    default:
      return navigator.onLine === false
        ? '您的设备已断网，问题没有发出。恢复网络后请重试。'
        : '网络连接出现问题，没能收到回答。请检查网络后重试。';
  }
}

/** Fill a turn's answer bubble for its state: sending, streaming, done (answer or decline) or failed. */
export function renderTurn(bubble: HTMLElement, turn: Turn, actions: TurnActions): void {
  bubble.dataset.state = turn.state;
  bubble.className = 'msg bot';
  bubble.toggleAttribute('aria-busy', turn.state === 'sending' || turn.state === 'streaming');
  if (turn.state === 'sending') {
    bubble.replaceChildren(el('span', { class: 'loading' }, '正在查找报告…'));
  } else if (turn.state === 'streaming') {
    bubble.replaceChildren(el('div', { class: 'typing' }, turn.text));
  } else if (turn.state === 'failed') {
    bubble.classList.add('err');
    const text = el('span', { role: 'alert' }, failureText(turn, Date.now()));
    const kind = turn.failure?.kind;
    const retry = kind === 'rejected' ? null : button('重试', () => actions.retry(turn), { class: 'retry' });
    bubble.replaceChildren(text, retry ?? '');
    if (retry && kind === 'busy') waitThenEnable(turn, text, retry);
  } else if (turn.answer?.abstained) {
    renderDecline(bubble, turn, actions);
  } else {
    const cited = turn.citations;
    bubble.replaceChildren(
      el('div', { class: 'answer' }, ...answerNodes(turn.text, cited, actions.openCitation)),
      cited.length ? sourceChips(cited, actions.openCitation) : '',
      turn.answer?.degraded
        ? el(
            'p',
            { class: 'note' },
            turn.answer.degradedReason === 'unverified'
              ? '生成的回答未能通过原文核对，以上为报告原文摘录。'
              : '智能回答暂时不可用，以上为报告原文摘录。',
          )
        : '',
      actionRow(turn, actions),
    );
  }
}

/** Copy, and 👍/👎 in the feedback slot (the slot keeps its width, so the row does not jump). */
function actionRow(turn: Turn, actions: TurnActions): HTMLElement {
  const copy = button('复制回答', () => actions.copy(turn, copy), { class: 'copy' });
  return el('div', { class: 'actions' }, copy, feedbackSlot(turn, actions));
}

/** 👍/👎 for an answer or a decline: a decline the report should not have given is what staff most need to hear of. */
function feedbackSlot(turn: Turn, actions: TurnActions): HTMLElement {
  const slot = el('span', { class: 'feedback', 'data-slot': 'feedback', role: 'group', 'aria-label': '这个回答有帮助吗？' });
  renderFeedback(slot, turn, actions.feedback);
  return slot;
}

function renderDecline(bubble: HTMLElement, turn: Turn, actions: TurnActions) {
  bubble.classList.add('declined');
  const suggestions = turn.answer?.suggestions ?? [];
  const human = el('p', { class: 'human' });
  bubble.replaceChildren(
    el('span', { class: 'tag' }, '报告中未找到'),
    el('p', {}, turn.text),
    suggestions.length
      ? el(
          'div',
          { class: 'sugg' },
          el('span', { class: 'note' }, '报告中相关的部分：'),
          ...suggestions.map((s) => button(s.section, () => actions.openSection(s.id))),
        )
      : '',
    human,
    el('div', { class: 'actions' }, feedbackSlot(turn, actions)),
  );
  void actions.humanChannel.then((channel) => {
    if (!channel) return human.remove();
    const name = channel.href ? el('a', { href: channel.href }, channel.label) : el('strong', {}, channel.label);
    human.replaceChildren('需要人工帮助？可以咨询', name, '。');
  });
}

/** A 429's retry waits for Retry-After, counting down; it never fires by itself. */
function waitThenEnable(turn: Turn, text: HTMLElement, retry: HTMLButtonElement) {
  retry.disabled = true;
  const tick = function countDown() {
    text.textContent = failureText(turn, Date.now());
    if (Date.now() >= (turn.failure?.retryAt ?? 0)) retry.disabled = false;
    else setTimeout(tick, 1000);
  };
  tick();
}

/** The answer as plain text with its sources, for the clipboard. */
export function answerAsText(turn: Turn): string {
  const sources = turn.citations.map((c: Citation) => `[${c.n}] ${c.section}：${c.quote}`);
  return [turn.text, ...(sources.length ? ['', '来源：《石狮市人民政府关于2023年度法治政府建设情况的报告》', ...sources] : [])].join('\n');
}
