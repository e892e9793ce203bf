import { describe, expect, it } from 'vitest';
import { browserAvailable, shot } from '../../evals/lib/chromium.js';
import { servedPages } from './served-pages.js';
import { ask, openWidget } from './widget-page.js';

const pages = servedPages({ viewport: { width: 390, height: 844 }, isMobile: true });
const activeTag = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelector('[data-shishi-qa]')!.shadowRoot!.activeElement?.tagName ?? null);

describe.skipIf(!browserAvailable)('the chat widget on a 390×844 phone', () => {
  it('fills the screen without opening the keyboard, with a 16px input and 44px tap targets', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, pages.server.baseUrl);
    await expect(page.locator('.panel').boundingBox()).resolves.toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    expect(await activeTag(page)).not.toBe('TEXTAREA'); // no keyboard over the starters
    await expect(page.locator('textarea').evaluate((t) => Number.parseFloat(getComputedStyle(t).fontSize))).resolves.toBeGreaterThanOrEqual(
      16,
    );
    await page.screenshot({ path: shot('widget-phone-open') });
    await ask(page, '报告里说存在哪些问题？');
    await ask(page, '石狮市的GDP是多少？');
    const small = await page.evaluate(() => {
      const root = document.querySelector('[data-shishi-qa]')!.shadowRoot!;
      return (
        [...root.querySelectorAll<HTMLElement>('.panel button, .panel a, .panel textarea')]
          .filter((e) => e.getClientRects().length)
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          // Inline [n] markers sit in the text: WCAG's inline exception, and they still get 24 px.
          .filter(({ e, r }) => (e.classList.contains('cite') ? r.height < 24 : r.height < 44 || r.width < 44))
          .map(({ e, r }) => `${e.className || e.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`)
      );
    });
    expect(small).toEqual([]);
    await page.screenshot({ path: shot('widget-phone-answers') });
    await page.close();
  });

  it('keeps the input above the keyboard when only the visual viewport shrinks (iOS)', async () => {
    const page = await pages.context.newPage();
    await page.addInitScript(() => {
      // What iOS Safari does when the keyboard opens: the layout viewport stays, the visual one shrinks.
      const vv = Object.assign(new EventTarget(), { height: 844, width: 390, offsetTop: 0, offsetLeft: 0, scale: 1 });
      Object.defineProperty(window, 'visualViewport', { value: vv, configurable: true });
      (window as unknown as { fakeViewport: typeof vv }).fakeViewport = vv;
    });
    await openWidget(page, pages.server.baseUrl);
    await page.locator('textarea').tap();
    await page.evaluate(() => {
      const vv = (window as unknown as { fakeViewport: { height: number } & EventTarget }).fakeViewport;
      vv.height = 470;
      vv.dispatchEvent(new Event('resize'));
    });
    const box = (await page.locator('textarea').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(470);
    await expect(page.locator('.head').boundingBox()).resolves.toMatchObject({ y: 0 });
    await page.screenshot({ path: shot('widget-phone-keyboard') });
    await page.close();
  });

  it('keeps focus inside the full-screen panel and closes with its × (the launcher says so)', async () => {
    const page = await pages.context.newPage();
    await openWidget(page, pages.server.baseUrl);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      const inside = await page.evaluate(() => {
        const root = document.querySelector('[data-shishi-qa]')!.shadowRoot!;
        return document.activeElement?.hasAttribute('data-shishi-qa') && root.querySelector('.panel')!.contains(root.activeElement);
      });
      expect(inside, `after ${i + 1} presses`).toBe(true);
    }
    await page.locator('.head button.icon').tap();
    await expect(page.locator('.panel').isHidden()).resolves.toBe(true);
    await expect(page.locator('button.fab').getAttribute('aria-label')).resolves.toMatch(/^打开/);
    await page.close();
  });
});
