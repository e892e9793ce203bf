import { el } from '../shared/dom.js';
import type { Turn } from './conversation.js';

/** What became of the citizen's rating of one answer (kept with the turn, so a reload still says thanks). */
export interface TurnFeedback {
  rating: 'up' | 'down';
  /** `reason`: 👎 chosen, the optional reason being written; `sent`: stored; `failed`: not stored, may be tried again. */
  state: 'reason' | 'sending' | 'sent' | 'failed';
}

export interface FeedbackActions {
  /** POST /api/feedback; true when it was stored. */
  send(turn: Turn, rating: 'up' | 'down', reason: string): Promise<boolean>;
  /** Persist the turn (its feedback state) with the conversation. */
  save(): void;
}

export const MAX_REASON_CHARS = 200;

/**
 * 👍/👎 for one answer in its `.feedback` slot. 👍 is sent at once; 👎 first asks for an
 * optional short reason (Enter or 提交 sends, 跳过 sends without one, Escape goes back). Plain
 * buttons and a text field, so it all works from the keyboard; the outcome is announced.
 */
export function renderFeedback(slot: HTMLElement, turn: Turn & { feedback?: TurnFeedback }, actions: FeedbackActions): void {
  const set = (feedback: TurnFeedback | undefined) => {
    turn.feedback = feedback;
    actions.save();
    renderFeedback(slot, turn, actions);
  };
  const submit = async (rating: 'up' | 'down', reason: string) => {
    set({ rating, state: 'sending' });
    const ok = await actions.send(turn, rating, reason).catch(() => false);
    set({ rating, state: ok ? 'sent' : 'failed' });
    slot.querySelector<HTMLElement>('[role="status"]')?.focus();
  };
  const f = turn.feedback;
  slot.classList.toggle('open', f?.state === 'reason');
  if (!turn.answer?.answerId) return void slot.replaceChildren();

  if (f?.state === 'sent' || f?.state === 'sending') {
    const text = f.state === 'sending' ? '正在发送…' : f.rating === 'up' ? '谢谢您的反馈！' : '谢谢，我们会改进。';
    return void slot.replaceChildren(el('span', { role: 'status', class: 'thanks', tabindex: '-1' }, text));
  }
  if (f?.state === 'reason') {
    const reason = el('input', {
      type: 'text',
      class: 'reason',
      maxlength: String(MAX_REASON_CHARS),
      placeholder: '哪里不对？（可不填）',
      'aria-label': '哪里不对？（可不填，请勿填写电话、身份证号等个人信息）',
    });
    const form = el(
      'form',
      { class: 'reason-form' },
      reason,
      el('button', { type: 'submit' }, '提交'),
      el('button', { type: 'button', class: 'skip' }, '跳过'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit('down', reason.value.trim());
    });
    form.querySelector('.skip')?.addEventListener('click', () => void submit('down', ''));
    form.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation(); // Escape closes the reason, not the whole widget
      set(undefined);
      slot.querySelector<HTMLElement>('.down')?.focus();
    });
    slot.replaceChildren(form);
    return void reason.focus();
  }
  const up = el('button', { type: 'button', class: 'up', 'aria-label': '有帮助', title: '有帮助' }, '👍');
  const down = el('button', { type: 'button', class: 'down', 'aria-label': '没有帮助', title: '没有帮助' }, '👎');
  up.addEventListener('click', () => void submit('up', ''));
  down.addEventListener('click', () => set({ rating: 'down', state: 'reason' }));
  slot.replaceChildren(up, down, f?.state === 'failed' ? el('span', { role: 'status', class: 'failed' }, '反馈未发送，请重试') : '');
}
