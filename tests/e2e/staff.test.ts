import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, shot } from '../../evals/lib/chromium.js';
import { servedPages } from './served-pages.js';
import { axeViolations, lowContrastTexts } from './widget-page.js';

const pages = servedPages({ viewport: { width: 1280, height: 800 } });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
beforeAll(async () => {
  await pages.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.server.baseUrl });
});

async function staffPage(hash = ''): Promise<Page> {
  const page = await pages.context.newPage();
  await page.goto(`${pages.server.baseUrl}/staff/${hash}`);
  await page.locator('#outline a').first().waitFor();
  return page;
}
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe.skipIf(!browserAvailable)('the hotline staff lookup page', () => {
  it('lists only the paragraphs that hold the term, marks it, and says how many', async () => {
    const page = await staffPage();
    for (const [query, ids] of [
      ['闽执法', ['s5.3']],
      ['洛江', ['s4.2']],
      ['纠错率', ['s4.3']],
    ] as const) {
      await page.locator('#q').fill(query);
      await expect.poll(() => page.locator('#list article').evaluateAll((a) => a.map((x) => x.getAttribute('data-id')))).toEqual(ids);
      await expect(page.locator('#status').textContent()).resolves.toBe(`${ids.length} 段包含“${query}”`);
      await expect(page.locator('#list article mark').first().textContent()).resolves.toBe(query);
    }
    await page.locator('#q').fill('228');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^\d+ 段包含“228”$/);
    for (const text of await page.locator('#list article .text').allTextContents()) expect(text.replace(/\s/g, '')).toContain('228');
    await page.screenshot({ path: shot('staff-search') });
    await page.close();
  });

  it('goes from / to a copied citation with the keyboard alone, and the quote is the matching sentence, never a heading', async () => {
    const page = await staffPage();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.type('出庭率');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/段包含“出庭率”/);
    await page.keyboard.press('ArrowDown');
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    const first = await focusedId();
    expect(first).toBeTruthy();
    await page.keyboard.press('c');
    const clip = await clipboard(page);
    expect(clip).toMatch(/^“[^”]*出庭率[^”]*”（《石狮市人民政府关于2023年度法治政府建设情况的报告》狮政综〔2024〕8号，/);
    expect(clip).not.toMatch(/^“[一二三四五六七八九]、/); // not a heading
    await expect(page.locator('#toast').textContent()).resolves.toContain('已复制引用：“');
    const count = await page.locator('#list article').count();
    if (count > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await focusedId()).not.toBe(first);
      await page.keyboard.press('ArrowUp');
      expect(await focusedId()).toBe(first);
    }
    await page.keyboard.press('ArrowUp'); // from the first result back to the box
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.press('Tab'); // the results come next in tab order, not the outline
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('#results')))).resolves.toBe(true);
    await page.close();
  });

  it('copies a clicked sentence, the whole paragraph or a link; nested quotes become ‘’', async () => {
    const page = await staffPage('#s1.1');
    await page.locator('article.target[data-id="s1.1"]').waitFor();
    const sentence = page.locator('article[data-id="s1.1"] .s', { hasText: '全国法治政府建设示范市' }).first();
    await sentence.click();
    await page.locator('article[data-id="s1.1"] button.cite').click();
    const clip = await clipboard(page);
    expect(clip).toContain('‘全国法治政府建设示范市’');
    expect(clip).toMatch(/^“[^“”]+”（/); // one pair of double quotes, around the whole quote
    await page.locator('article[data-id="s1.1"] button', { hasText: '复制整段' }).click();
    expect((await clipboard(page)).length).toBeGreaterThan(clip.length);
    await expect(page.locator('#toast').textContent()).resolves.toContain('已复制整段');
    await page.locator('article[data-id="s1.1"] button', { hasText: '复制链接' }).click();
    await expect(clipboard(page)).resolves.toBe(`${pages.server.baseUrl}/staff/#s1.1`);
    await page.close();
  });

  it('keeps the search box in view after a permalink jump and says when an id is unknown', async () => {
    const page = await staffPage('#s7.2');
    await page.locator('article.target[data-id="s7.2"]').waitFor();
    await expect(page.locator('article.target .text').textContent()).resolves.toContain('实体、热线、网络三大平台');
    const header = (await page.locator('header').boundingBox())!;
    expect(header.y).toBe(0);
    expect((await page.locator('article.target').boundingBox())!.y).toBeGreaterThanOrEqual(header.height - 1);
    await expect(page.locator('#q').isVisible()).resolves.toBe(true);
    await page.locator('nav a[data-id="s5.3"]').click();
    await page.locator('article.target[data-id="s5.3"]').waitFor();
    await page.screenshot({ path: shot('staff-permalink') });
    await page.goto(`${pages.server.baseUrl}/staff/#s99.9`);
    await expect.poll(() => page.locator('#status').textContent()).toContain('没有编号为“s99.9”的段落');
    await page.close();
  });

  it('passes axe-core with every text at 4.5:1', async () => {
    const page = await staffPage();
    await page.locator('#q').fill('纠错率');
    await expect.poll(() => page.locator('#list article').count()).toBe(1);
    expect(await lowContrastTexts(page, 'page')).toEqual([]);
    expect(await axeViolations(page, AXE)).toEqual([]);
    await page.close();
  });

  it('shows results before the outline on a phone', async () => {
    const phone = await launch({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${pages.server.baseUrl}/staff/?q=纠错率`);
    await page.locator('#list article').first().waitFor();
    const [results, nav] = [await page.locator('#results').boundingBox(), await page.locator('nav').boundingBox()];
    expect(results!.y).toBeLessThan(nav!.y);
    await page.screenshot({ path: shot('staff-phone') });
    await phone.close();
  });
});
