import SQLite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from '../../evals/lib/chromium.js';
import { servedPages } from './served-pages.js';
import { ask, openWidget } from './widget-page.js';

const dataDir = mkdtempSync(join(tmpdir(), 'widget-feedback-'));
const pages = servedPages({ viewport: { width: 1280, height: 800 } }, { DATA_DIR: dataDir });

/** What the office will see: each rated turn of the server's SQLite file, with its feedback. */
function ratedTurns() {
  const db = new SQLite(join(dataDir, 'qa.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `select t.question_redacted as question, t.conversation_id as conversation, f.rating, f.reason
         from feedback f join turns t on t.answer_id = f.answer_id order by f.created_at`,
      )
      .all() as { question: string; conversation: string; rating: string; reason: string | null }[];
  } finally {
    db.close();
  }
}

describe.skipIf(!browserAvailable)('feedback in the widget (👍/👎, keyboard only)', () => {
  it('rates answers from the keyboard, asks an optional reason after 👎, says thanks, and stores both with their turns', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, pages.server.baseUrl);

    const first = await ask(page, '行政复议的纠错率是多少？');
    const down = first.locator('.feedback button.down');
    await expect(down.getAttribute('aria-label')).resolves.toBe('没有帮助');
    await down.focus();
    await page.keyboard.press('Enter');
    const reason = first.locator('.feedback input.reason');
    await expect.poll(() => reason.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('我想知道具体案件，电话13812345678');
    await page.screenshot({ path: shot('widget-feedback-reason') });
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('.feedback [role="status"]').textContent()).toBe('谢谢，我们会改进。');

    const second = await ask(page, '2023年收到多少件行政复议申请？');
    await second.locator('.feedback button.up').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => second.locator('.feedback [role="status"]').textContent()).toBe('谢谢您的反馈！');
    await page.screenshot({ path: shot('widget-feedback-thanks') });

    await expect.poll(() => ratedTurns().length).toBe(2);
    const [downRow, upRow] = ratedTurns();
    expect(downRow).toMatchObject({ question: '行政复议的纠错率是多少？', rating: 'down', reason: '我想知道具体案件，电话[手机号]' });
    expect(upRow).toMatchObject({ question: '2023年收到多少件行政复议申请？', rating: 'up', reason: null });
    // One conversation id, made by the widget, for both turns of the conversation.
    expect(downRow!.conversation).toMatch(/^[\w-]{8,64}$/);
    expect(upRow!.conversation).toBe(downRow!.conversation);

    // A reload keeps the thanks instead of offering the buttons again.
    await page.reload();
    await page.locator('button.fab[data-ready="true"]').click();
    await expect.poll(() => page.locator('.feedback [role="status"]').allTextContents()).toEqual(['谢谢，我们会改进。', '谢谢您的反馈！']);
    await page.close();
  });

  it('rates a decline too: 👎 on "not found" reaches the office with its reason', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, pages.server.baseUrl);
    const before = ratedTurns().length;
    const declined = await ask(page, '公共法律服务中心周末几点开门？');
    await expect(declined.getAttribute('class')).resolves.toContain('declined');
    await declined.locator('.feedback button.down').click();
    await declined.locator('.feedback input.reason').fill('报告里应该有开放时间');
    await page.keyboard.press('Enter');
    await expect.poll(() => declined.locator('.feedback [role="status"]').textContent()).toBe('谢谢，我们会改进。');
    await expect.poll(() => ratedTurns().length).toBe(before + 1);
    expect(ratedTurns().at(-1)).toMatchObject({
      question: '公共法律服务中心周末几点开门？',
      rating: 'down',
      reason: '报告里应该有开放时间',
    });
    await page.close();
  });

  it('Escape closes the reason and returns to 👎 without sending anything', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, pages.server.baseUrl);
    const bubble = await ask(page, '负责人出庭应诉率是多少？');
    const before = ratedTurns().length;
    await bubble.locator('.feedback button.down').focus();
    await page.keyboard.press('Enter');
    await bubble.locator('.feedback input.reason').waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => bubble.locator('.feedback button.down').evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await expect(page.locator('.panel').isVisible()).resolves.toBe(true);
    expect(ratedTurns().length).toBe(before);
    await page.close();
  });
});
