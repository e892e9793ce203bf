import { el } from '../shared/dom.js';
import { perDayChart, shareBar, topicsChart } from './charts.js';
import { renderDecisions } from './decisions.js';
import { openEditor, wireEditor } from './editor.js';
import { questionCard } from './question-card.js';
import type { ReviewData } from './review-types.js';
import { get, LoggedOut, post, startSession } from './staff-api.js';

/** The staff review page: the dashboard, the queues, the editor and what was decided, from GET /api/staff/review. */
const $ = (id: string) => document.getElementById(id)!;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
function say(text: string) {
  $('toast').textContent = text;
  $('toast').classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => $('toast').classList.remove('shown'), 4000);
}
const handle = (question: string) => void openEditor(question).catch((error: Error) => say(error.message));
const none = (text: string) => el('p', { class: 'empty' }, text);

async function load() {
  const data = await get<ReviewData>('/api/staff/review');
  const d = data.dashboard;
  const total = d.answered + d.declined;
  $('charts').replaceChildren(
    perDayChart(d.perDay),
    el(
      'div',
      { class: 'shares' },
      shareBar('已回答', d.answered, total, 'answered'),
      shareBar('未能回答', d.declined, total, 'declined'),
      shareBar('👎 比例', d.ratedDown, total, 'down'),
    ),
    el('h3', {}, '未能回答的主要话题'),
    data.declined.length
      ? topicsChart(data.declined.slice(0, 5).map((g) => ({ label: g.questions[0]!.question, count: g.count })))
      : none('暂无'),
  );
  $('declined').replaceChildren(
    ...(data.declined.length
      ? data.declined.map((g) =>
          el('div', { class: 'group' }, el('p', { class: 'meta' }, `${g.count} 次`), ...g.questions.map((q) => questionCard(q, handle))),
        )
      : [none('近30天没有未能回答的问题。')]),
  );
  $('disliked').replaceChildren(
    ...(data.disliked.length
      ? data.disliked.map((q) =>
          questionCard(q, handle, [
            el('p', { class: 'reasons' }, `👎 ${q.downs} 次${q.reasons.length ? `：${q.reasons.join('；')}` : ''}`),
          ]),
        )
      : [none('近30天没有 👎。')]),
  );
  $('week').replaceChildren(...(data.week.length ? data.week.map((q) => questionCard(q, handle)) : [none('本周还没有提问。')]));
  renderDecisions(data, load, say);
}

async function main() {
  try {
    $('who').textContent = await startSession();
  } catch (error) {
    if (error instanceof LoggedOut) return location.assign('/staff/login/?next=/staff/review/');
    throw error;
  }
  wireEditor(load, say);
  $('logout').addEventListener('click', async () => {
    await post('/api/staff/logout');
    location.assign('/staff/login/');
  });
  $('export').addEventListener('click', async () => {
    const answerIds = [...document.querySelectorAll<HTMLInputElement>('input.pick:checked')].map((i) => i.value);
    try {
      const { written, skipped } = await post<{ written: unknown[]; skipped: string[] }>('/api/staff/export', {
        answerIds: [...new Set(answerIds)],
      });
      say(`已导出 ${written.length} 题${skipped.length ? `，${skipped.length} 题尚未处理，未导出` : ''}`);
    } catch (error) {
      say(`未导出：${(error as Error).message}`);
    }
  });
  await load();
}

void main();
