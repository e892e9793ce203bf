import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from '../../evals/lib/chromium.js';
import { servedPages } from './served-pages.js';
import { ask, axeViolations, chatRequests, lastTurn, lowContrastTexts, openWidget } from './widget-page.js';

const pages = servedPages({ viewport: { width: 1280, height: 800 } });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const base = () => pages.server.baseUrl;

describe.skipIf(!browserAvailable)('the chat widget on the demo page (1280×800)', () => {
  it('puts the answer first: the figure, then the quote, tied by [1] to a chip that shows the quote', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    await expect(page.locator('button.fab').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('button.fab').getAttribute('aria-label')).resolves.toMatch(/^收起/);
    const bubble = await ask(page, '行政复议的纠错率是多少？');
    const first = bubble.locator('.answer p').first();
    await expect(first.textContent()).resolves.toBe('纠错率 21.05%。[1]');
    await expect(bubble.locator('.answer').textContent()).resolves.not.toContain('完善行政复议机制'); // no section path in front
    const chip = bubble.locator('.chip').first();
    await expect(chip.locator('.q').textContent()).resolves.toContain('纠错率 21.05%');
    await expect(chip.locator('.sec').isVisible()).resolves.toBe(false);
    await chip.hover();
    await expect(chip.locator('.sec').textContent()).resolves.toBe(
      '四、不断完善依法行政制度体系 › （三）完善行政复议机制，提升行政复议质效',
    );
    await expect(chip.locator('.sec').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: shot('widget-answer-first') });

    await first.locator('.cite').click(); // the inline marker opens the cited words in the report
    await expect(page.locator('.detail mark').textContent()).resolves.toContain('纠错率 21.05%');
    const out = await page.locator('.detail a.out').getAttribute('href');
    expect(out).toMatch(new RegExp(`^${base()}/report/s4\\.3\\?from=\\d+&to=\\d+$`));
    const report = await pages.context.newPage();
    await report.goto(out!);
    await expect(report.locator('mark').textContent()).resolves.toContain('纠错率 21.05%');
    await expect(report.locator('body').textContent()).resolves.not.toMatch(/s4\.3|段落/);
    await report.screenshot({ path: shot('report-paragraph') });
    await report.close();
    await page.keyboard.press('Escape'); // back to the conversation
    await expect(page.locator('.log').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape'); // closes the panel
    await expect(page.locator('.panel').isHidden()).resolves.toBe(true);
    await expect(page.locator('button.fab').getAttribute('aria-expanded')).resolves.toBe('false');
    await page.close();
  });

  it('lists items as bullets in the report’s order, each with its citation, and shows the start of the answer', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    await ask(page, '2023年收到多少件行政复议申请？');
    const bubble = await ask(page, '报告里说存在哪些问题？');
    const items = bubble.locator('ul.items > li');
    const texts = await items.allTextContents();
    expect(texts.map((t) => t.slice(0, 2))).toEqual(['一是', '二是', '三是']);
    for (const [i, t] of texts.entries()) expect(t).toMatch(new RegExp(`\\[${i + 1}\\]$`));
    await expect(
      bubble
        .locator('ul.items')
        .evaluate((ul) => [getComputedStyle(ul).listStylePosition, Number.parseFloat(getComputedStyle(ul).paddingLeft)]),
    ).resolves.toEqual(['outside', expect.any(Number)]);
    // The top of the new answer is in view, not the bottom of the log.
    const [logBox, answerBox] = [await page.locator('.log').boundingBox(), await bubble.boundingBox()];
    expect(answerBox!.y).toBeGreaterThanOrEqual(logBox!.y - 1);
    expect(answerBox!.y).toBeLessThan(logBox!.y + logBox!.height / 2);
    await page.screenshot({ path: shot('widget-list') });
    await page.close();
  });

  it('says the device is offline when it is, and the same turn answers once the network is back', async () => {
    const page = await pages.context.newPage();
    const sent = chatRequests(page);
    await openWidget(page, base());
    try {
      await page.context().setOffline(true);
      const failed = await ask(page, '2023年收到多少件行政复议申请？', 'failed');
      await expect(failed.textContent()).resolves.toContain('您的设备已断网');
      await page.context().setOffline(false);
      await failed.locator('button.retry').click();
      await expect.poll(() => failed.getAttribute('data-state')).toBe('done');
      await expect(failed.textContent()).resolves.toContain('228 件');
      await expect(page.locator('.msg.user').allTextContents()).resolves.toEqual(['2023年收到多少件行政复议申请？']);
      expect(sent.at(-1)!.filter((m) => m.role === 'user').length).toBe(1);
    } finally {
      await page.context().setOffline(false);
      await page.close();
    }
  });

  it('network error, resend, server error, rate limit: each question asked once, each answer kept, one retry per turn', async () => {
    const page = await pages.context.newPage();
    const sent = chatRequests(page);
    await openWidget(page, base());
    const answered = await ask(page, '2023年收到多少件行政复议申请？');

    await page.route('**/api/chat', (route) => route.abort('internetdisconnected'));
    const failed = await ask(page, '那纠错率呢？', 'failed');
    await expect(failed.textContent()).resolves.toContain('网络连接出现问题');
    await expect(page.locator('textarea').inputValue()).resolves.toBe(''); // not put back: Enter cannot send it twice
    await page.locator('textarea').press('Enter');
    await page.unroute('**/api/chat');
    const requestsBefore = sent.length;
    await failed.locator('button.retry').click();
    await expect.poll(() => failed.getAttribute('data-state')).toBe('done');
    await expect(failed.textContent()).resolves.toContain('21.05%');
    expect(sent.length).toBe(requestsBefore + 1);
    expect(
      sent
        .at(-1)!
        .filter((m) => m.role === 'user')
        .map((m) => m.text),
    ).toEqual(['2023年收到多少件行政复议申请？', '那纠错率呢？']);
    await expect(answered.textContent()).resolves.toContain('228 件'); // the earlier answer is untouched

    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"x"}}' }),
    );
    const broken = await ask(page, '负责人出庭了吗？', 'failed');
    await expect(broken.textContent()).resolves.toContain('服务器出错');
    await expect(broken.textContent()).resolves.not.toContain('网络连接出现问题');

    await page.unroute('**/api/chat');
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '3', 'content-type': 'application/json' },
        body: '{"error":{"code":"rate_limited","message":"slow down"}}',
      }),
    );
    const limitedAt = sent.length;
    await broken.locator('button.retry').click();
    await expect.poll(() => broken.textContent()).toMatch(/请等待 [23] 秒后再重试/);
    await expect(broken.locator('button.retry').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: shot('widget-rate-limited') });
    await page.waitForTimeout(1000);
    expect(sent.length, 'no retry before Retry-After').toBe(limitedAt + 1);
    await page.unroute('**/api/chat');
    await expect.poll(() => broken.locator('button.retry').isEnabled(), { timeout: 5000 }).toBe(true);
    await broken.locator('button.retry').click();
    await expect.poll(() => broken.getAttribute('data-state')).toBe('done');

    await expect(page.locator('.msg.user').allTextContents()).resolves.toEqual([
      '2023年收到多少件行政复议申请？',
      '那纠错率呢？',
      '负责人出庭了吗？',
    ]);
    await expect(page.locator('.msg.bot[data-state="done"]').count()).resolves.toBe(3);
    expect(sent.at(-1)!.filter((m) => m.role === 'user').length).toBe(3); // each question once in the history
    await page.close();
  });

  it('says 正在查找报告… with a stop button while the answer is on its way; stopping keeps a retry', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    await page.route('**/api/chat', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => {});
    });
    await page.locator('textarea').fill('行政复议收到多少件？');
    await page.locator('textarea').press('Enter');
    await expect(lastTurn(page).textContent()).resolves.toBe('正在查找报告…');
    await expect(page.locator('button.stop').isVisible()).resolves.toBe(true);
    await expect(page.locator('button.send').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: shot('widget-loading') });
    await page.locator('button.stop').click();
    await expect.poll(() => lastTurn(page).getAttribute('data-state')).toBe('failed');
    await expect(lastTurn(page).textContent()).resolves.toContain('已停止');
    await expect(page.locator('button.send').isVisible()).resolves.toBe(true);
    await page.unroute('**/api/chat');
    await lastTurn(page).locator('button.retry').click();
    await expect.poll(() => lastTurn(page).getAttribute('data-state')).toBe('done');
    await page.close();
  });

  it('declines once, with only related sections and the configured human channel', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    const gdp = await ask(page, '石狮市2023年的GDP是多少？');
    await expect(gdp.locator('.tag').textContent()).resolves.toBe('报告中未找到');
    await expect(gdp.locator('.sugg').count()).resolves.toBe(0); // nothing in the report is about GDP
    await expect.poll(() => gdp.locator('.human a').getAttribute('href')).toBe('tel:12345');
    await expect(gdp.locator('.human').textContent()).resolves.toContain('12345政务服务便民热线');
    const near = await ask(page, '申请行政复议的法定期限是多少天？');
    const sections = await near.locator('.sugg button').allTextContents();
    expect(sections.length).toBeGreaterThan(0);
    const sentence = (await near.locator('p').first().textContent())!;
    for (const s of sections) expect(sentence).not.toContain(s.split(' › ').at(-1)); // said once, as links
    await expect(near.locator('.human a').textContent()).resolves.toBe('12345政务服务便民热线');
    await page.screenshot({ path: shot('widget-declined') });
    await page.close();
  });

  it('keeps the conversation across a reload; 新对话 starts afresh; 复制回答 copies the answer with its sources', async () => {
    await pages.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });
    const page = await pages.context.newPage();
    await openWidget(page, base());
    const bubble = await ask(page, '2023年收到多少件行政复议申请？');
    await bubble.locator('button.copy').click();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('共收到行政复议申请 228 件');
    expect(clip).toContain('来源：');
    expect(clip).toContain('四、不断完善依法行政制度体系 › （三）');
    await expect(bubble.locator('.actions .feedback').count()).resolves.toBe(1); // room for 👍/👎

    await page.reload(); // the panel was open: it comes back open, with the conversation
    await page.locator('button.fab[data-ready="true"][aria-expanded="true"]').waitFor();
    await expect(page.locator('.msg.user').allTextContents()).resolves.toEqual(['2023年收到多少件行政复议申请？']);
    await expect(lastTurn(page).textContent()).resolves.toContain('228 件');
    await expect(lastTurn(page).locator('.chip').count()).resolves.toBe(1);
    const followUp = await ask(page, '那纠错率呢？'); // the restored turn is still the follow-up's context
    await expect(followUp.textContent()).resolves.toContain('21.05%');

    await page.locator('button.new').click();
    await expect(page.locator('.msg.user').count()).resolves.toBe(0);
    await page.reload();
    await page.locator('button.fab[data-ready="true"][aria-expanded="true"]').waitFor();
    await expect(page.locator('.msg.user').count()).resolves.toBe(0);
    await page.locator('button.icon[aria-label="关闭问答窗口"]').click(); // closed, it stays closed
    await page.reload();
    await page.locator('button.fab[data-ready="true"]').waitFor();
    await expect(page.locator('button.fab').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('.panel').isHidden()).resolves.toBe(true);
    await page.close();
  });

  it('grows the input with its text and counts characters near the 500 limit', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    const box = page.locator('textarea');
    const oneLine = (await box.boundingBox())!.height;
    await box.fill('行政复议\n收到\n多少件');
    expect((await box.boundingBox())!.height).toBeGreaterThan(oneLine + 20);
    await expect(page.locator('.counter').isVisible()).resolves.toBe(false);
    await box.fill('问'.repeat(450));
    await expect(page.locator('.counter').textContent()).resolves.toBe('450/500');
    await expect(page.locator('.counter').isVisible()).resolves.toBe(true);
    expect((await box.boundingBox())!.height).toBeLessThanOrEqual(121);
    await page.close();
  });

  it('passes axe-core and keeps every text at 4.5:1 contrast, answers and declines included, in a CJK-first font', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, base());
    await ask(page, '报告里说存在哪些问题？');
    await ask(page, '石狮市2023年的GDP是多少？');
    await page.locator('textarea').fill('问'.repeat(490)); // the counter, in its warning colour
    expect(await lowContrastTexts(page, 'widget')).toEqual([]);
    expect(await axeViolations(page, AXE)).toEqual([]);
    const font = await page.locator('.panel').evaluate((p) => getComputedStyle(p).fontFamily);
    expect(font.split(',')[0]).toMatch(/PingFang SC|Noto Sans CJK SC/);
    await page.close();
  });

  it('works with the keyboard alone and is not restyled by the host page', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${base()}/`); // the demo page sets button { background: lime !important; font-size: 30px !important }
    const fab = page.locator('button.fab[data-ready="true"]');
    const style = await fab.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, size: getComputedStyle(b).fontSize }));
    expect(style).toEqual({ bg: 'rgb(183, 28, 28)', size: '15px' });
    await fab.focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.querySelector('[data-shishi-qa]')!.shadowRoot!.activeElement?.className);
    await expect(page.evaluate(() => document.querySelector('[data-shishi-qa]')!.shadowRoot!.activeElement?.tagName)).resolves.toBe(
      'TEXTAREA',
    );
    await page.keyboard.press('Escape');
    await expect(focused()).resolves.toBe('fab');
    await page.close();
  });

  it('shows markup in a question or answer as text', async () => {
    const page = await pages.context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await openWidget(page, base());
    const xss = '<img src=x onerror=alert(1)>';
    await ask(page, xss);
    await expect(page.locator('.msg.user').last().textContent()).resolves.toBe(xss);
    expect(await page.locator('.log img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
