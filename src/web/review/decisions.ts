import { button, el } from '../shared/dom.js';
import type { ReviewData } from './review-types.js';
import { post } from './staff-api.js';

/** What staff decided: approved answers (withdrawn ones flagged with why), referrals, vocabulary proposals with accept/reject. */
export function renderDecisions(data: ReviewData, done: () => Promise<void>, say: (text: string) => void) {
  const act = (label: string, run: () => Promise<unknown>) =>
    button(label, async () => {
      try {
        await run();
        await done();
      } catch (error) {
        say(`未保存：${(error as Error).message}`);
      }
    });
  document
    .getElementById('approved')!
    .replaceChildren(
      ...data.approved.map((a) =>
        el(
          'article',
          { class: `decision ${a.status}`, 'data-id': a.id },
          el('p', { class: 'q' }, a.question, a.status === 'withdrawn' ? el('strong', { class: 'flag' }, ' 已撤回') : null),
          a.withdrawnReason ? el('p', { class: 'flag' }, a.withdrawnReason) : null,
          el('p', {}, a.framing),
          el('ul', { class: 'cites' }, ...a.quotes.map((q) => el('li', {}, `${q.paragraphId}：${q.text}`))),
          el('p', { class: 'meta' }, `${a.author} · ${a.createdAt.slice(0, 16).replace('T', ' ')}`),
          a.status === 'active' ? act('撤回', () => post(`/api/staff/approved/${a.id}/withdraw`, { reason: '工作人员撤回' })) : null,
        ),
      ),
    );
  document.getElementById('referrals')!.replaceChildren(
    ...data.referrals.map((r) =>
      el(
        'article',
        { class: 'decision', 'data-id': r.id },
        el('p', { class: 'q' }, r.question),
        el('p', {}, `${r.office} · ${r.phone}`),
        act('撤回', () => post(`/api/staff/referrals/${r.id}/withdraw`, {})),
      ),
    ),
  );
  document
    .getElementById('proposals')!
    .replaceChildren(
      ...data.proposals.map((p) =>
        el(
          'article',
          { class: 'decision' },
          el(
            'p',
            {},
            `${p.reportTerm} ← ${p.citizenWord}（${{ proposed: '待审核', accepted: '已接受', rejected: '已拒绝' }[p.status] ?? p.status}）`,
          ),
          p.status === 'proposed' ? act('接受', () => post(`/api/staff/vocab/${p.id}`, { status: 'accepted' })) : null,
          p.status === 'proposed' ? act('拒绝', () => post(`/api/staff/vocab/${p.id}`, { status: 'rejected' })) : null,
        ),
      ),
    );
}
