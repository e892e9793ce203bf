import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedPages } from './served-pages.js';
import { browserAvailable, launch, shot } from '../../evals/lib/chromium.js';

const pages = servedPages();

async function openWidget(page: Page) {
  await page.goto(`${pages.server.baseUrl}/`);
  await page.locator('button.fab[data-ready="true"]').click();
  await expect(page.locator('textarea').isVisible()).resolves.toBe(true);
}

async function ask(page: Page, question: string) {
  const before = await page.locator('.msg.bot').count();
  await page.locator('textarea').fill(question);
  await page.locator('textarea').press('Enter');
  const bubble = page.locator('.msg.bot').nth(before);
  await bubble.waitFor();
  await page.waitForFunction((n) => {
    const host = document.querySelector('[data-shishi-qa]');
    const bots = host?.shadowRoot?.querySelectorAll('.msg.bot');
    return bots && bots.length > n && !bots[n]!.hasAttribute('aria-busy');
  }, before);
  return bubble;
}

describe.skipIf(!browserAvailable)('the chat widget on the demo page', () => {
  it('answers a question with a numbered citation that opens the exact quoted words', async () => {
    const page = await pages.context.newPage();
    await openWidget(page);
    await page.screenshot({ path: shot('widget-open') });
    const bubble = await ask(page, '老百姓告政府，负责人出庭了吗？');
    await expect(bubble.textContent()).resolves.toContain('出庭率达 100%');
    await page.screenshot({ path: shot('widget-answer') });

    await bubble.locator('.sources button').first().click();
    const detail = page.locator('.detail');
    await expect(detail.locator('.sec').textContent()).resolves.toContain(
      '四、不断完善依法行政制度体系 › （二）加强机制建设，有效降低行政诉讼败诉率',
    );
    await expect(detail.locator('mark').textContent()).resolves.toContain('全市行政机关负责人出庭率达 100%');
    await expect(detail.locator('a').getAttribute('href')).resolves.toBe(`${pages.server.baseUrl}/staff/#s4.2`);
    await page.screenshot({ path: shot('widget-citation') });

    await page.keyboard.press('Escape'); // back to the conversation
    await expect(page.locator('.log').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape'); // closes the panel
    await expect(page.locator('.panel').isHidden()).resolves.toBe(true);
    await page.close();
  });

  it('keeps the conversation for follow-ups', async () => {
    const page = await pages.context.newPage();
    await openWidget(page);
    await ask(page, '2023年收到多少件行政复议申请？');
    const bubble = await ask(page, '那纠错率呢？');
    await expect(bubble.textContent()).resolves.toContain('21.05%');
    await page.screenshot({ path: shot('widget-follow-up') });
    await page.close();
  });

  it('shows a declined answer as such, with related sections to open', async () => {
    const page = await pages.context.newPage();
    await openWidget(page);
    const bubble = await ask(page, '石狮市2023年的GDP是多少？');
    await expect(bubble.getAttribute('class')).resolves.toContain('declined');
    await expect(bubble.locator('.tag').textContent()).resolves.toBe('报告中未找到');
    expect(await bubble.locator('.sugg button').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('widget-declined') });
    await page.close();
  });

  it('shows markup in a question or answer as text', async () => {
    const page = await pages.context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await openWidget(page);
    const xss = '<img src=x onerror=alert(1)>';
    await ask(page, xss);
    await expect(page.locator('.msg.user').last().textContent()).resolves.toBe(xss);
    expect(await page.locator('.log img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.screenshot({ path: shot('widget-xss-as-text') });
    await page.close();
  });

  it('keeps the typed question and offers a retry when the network fails or the service is busy', async () => {
    const page = await pages.context.newPage();
    await openWidget(page);
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: '{"error":{"code":"rate_limited","message":"slow down"}}' }),
    );
    await page.locator('textarea').fill('行政复议收到多少件？');
    await page.locator('textarea').press('Enter');
    await page.locator('.msg.err').waitFor();
    await expect(page.locator('.msg.err').textContent()).resolves.toContain('稍等片刻');
    await expect(page.locator('textarea').inputValue()).resolves.toBe('行政复议收到多少件？');

    await page.unroute('**/api/chat');
    await page.route('**/api/chat', (route) => route.abort('connectionrefused'));
    await page.locator('.msg.err button').click();
    await page.locator('.msg.err').waitFor();
    await expect(page.locator('.msg.err').textContent()).resolves.toContain('网络连接出现问题');
    await page.screenshot({ path: shot('widget-network-error') });

    await page.unroute('**/api/chat');
    await page.locator('.msg.err button').click();
    await page.waitForFunction(() => {
      const bots = document.querySelector('[data-shishi-qa]')?.shadowRoot?.querySelectorAll('.msg.bot');
      return bots && bots.length > 1 && !bots[bots.length - 1]!.hasAttribute('aria-busy');
    });
    await expect(page.locator('.msg.bot').last().textContent()).resolves.toContain('228 件');
    await page.close();
  });

  it('works with the keyboard alone and labels its controls for screen readers', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${pages.server.baseUrl}/`);
    await page.locator('button.fab[data-ready="true"]').waitFor();
    await page.locator('button.fab').focus();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.querySelector('[data-shishi-qa]')!.shadowRoot!.activeElement?.tagName);
    expect(focused).toBe('TEXTAREA');
    await expect(page.locator('.log').getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.locator('textarea').getAttribute('aria-label')).resolves.toBeTruthy();
    await expect(page.locator('.panel').getAttribute('role')).resolves.toBe('dialog');
    await page.keyboard.press('Escape');
    const back = await page.evaluate(() => document.querySelector('[data-shishi-qa]')!.shadowRoot!.activeElement?.className);
    expect(back).toBe('fab');
    await page.close();
  });

  it('is not restyled by the host page', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${pages.server.baseUrl}/`); // the demo page sets button { background: lime !important; font-size: 30px !important }
    const fab = page.locator('button.fab[data-ready="true"]');
    const style = await fab.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, size: getComputedStyle(b).fontSize }));
    expect(style.bg).toBe('rgb(183, 28, 28)');
    expect(style.size).toBe('15px');
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('the chat widget on a 360-px phone', () => {
  it('fills the screen and answers', async () => {
    const phone = await launch({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await openWidget(page);
    const box = await page.locator('.panel').boundingBox();
    expect(box!.width).toBe(360);
    const bubble = await ask(page, '孩子上学能在网上报名吗？');
    await expect(bubble.textContent()).resolves.toContain('入学一件事');
    await page.screenshot({ path: shot('widget-phone') });
    await phone.close();
  });
});
