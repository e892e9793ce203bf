import { el } from '../shared/dom.js';
import type { AskedQuestion } from './review-types.js';

const MODE_LABEL: Record<string, string> = { extractive: '摘录回答', llm: '模型回答', approved: '已核准回答', referred: '已转介' };

/** One recorded question with the answer it got (mode, declined or not, citations), a button to handle it and a box to export it. */
export function questionCard(q: AskedQuestion, onHandle: (question: string) => void, extra: Node[] = []): HTMLElement {
  const outcome = q.abstained ? `未能回答（${MODE_LABEL[q.mode] ?? q.mode}）` : (MODE_LABEL[q.mode] ?? q.mode);
  const handle = el('button', { type: 'button', class: 'handle' }, '处理');
  handle.addEventListener('click', () => onHandle(q.question));
  return el(
    'article',
    { class: 'question', 'data-answer-id': q.answerId },
    el('p', { class: 'q' }, el('label', {}, el('input', { type: 'checkbox', class: 'pick', value: q.answerId }), q.question)),
    el(
      'p',
      { class: 'meta' },
      `问了 ${q.count} 次 · ${outcome}${q.degradedReason ? ` · 降级：${q.degradedReason}` : ''} · 最近 ${q.lastAsked.slice(0, 16).replace('T', ' ')}`,
    ),
    q.citations.length
      ? el('ul', { class: 'cites' }, ...q.citations.map((c) => el('li', {}, el('a', { href: `/staff/#${c.id}` }, c.id), ` ${c.section}`)))
      : el('p', { class: 'meta' }, '无引文'),
    ...extra,
    handle,
  );
}
