import { el } from '../shared/dom.js';

export const MAX_CHARS = 500;
/** The counter appears this close to the limit, when it starts to matter. */
const COUNTER_FROM = 400;

/**
 * The question box: grows with its text up to a few lines (then scrolls), and shows a
 * character counter near the 500-character limit. Returns the elements and a reset.
 */
export function composer() {
  const input = el('textarea', {
    'aria-label': '输入您的问题',
    placeholder: '请输入问题，回车发送',
    maxlength: String(MAX_CHARS),
    rows: '1',
    enterkeyhint: 'send',
    'aria-describedby': 'qa-counter',
  });
  const counter = el('span', { class: 'counter', id: 'qa-counter', 'aria-live': 'polite', hidden: true });
  const update = function grow() {
    input.style.height = 'auto'; // measure the content, not the previous height
    input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
    const n = [...input.value].length;
    counter.hidden = n < COUNTER_FROM;
    counter.textContent = `${n}/${MAX_CHARS}`;
    counter.classList.toggle('full', n >= MAX_CHARS - 20);
  };
  input.addEventListener('input', update);
  return {
    input,
    counter,
    reset() {
      input.value = '';
      update();
    },
  };
}
