import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedPages } from './served-pages.js';
import { browserAvailable } from '../../evals/lib/chromium.js';

const pages = servedPages();

/** Every CSP violation the page reports, as the browser words it. */
async function open(path: string): Promise<{ page: Page; violations: string[] }> {
  const page = await pages.context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(pages.server.baseUrl + path);
  return { page, violations };
}

describe.skipIf(!browserAvailable)('the pages under their Content-Security-Policy', () => {
  it('the demo page and its widget run and are styled, with no violation', async () => {
    const { page, violations } = await open('/');
    const fab = page.locator('button.fab[data-ready="true"]');
    await fab.waitFor();
    // The widget's own colour (its stylesheet applied) and the page's (demo.css applied).
    await expect(fab.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(183, 28, 28)');
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe('rgb(242, 242, 242)');
    await fab.click();
    await expect(page.locator('textarea').isVisible()).resolves.toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the staff page searches as staff type, Enter does not reload it, and nothing is refused', async () => {
    const { page, violations } = await open('/staff/');
    await page.locator('#outline a').first().waitFor(); // loaded: the search listens from here on
    await page.locator('#q').fill('闽执法');
    await page.locator('#q').press('Enter');
    await page.locator('article mark').first().waitFor();
    const header = page.locator('header');
    await expect(header.evaluate((h) => getComputedStyle(h).backgroundColor)).resolves.toBe('rgb(183, 28, 28)');
    await expect(page.locator('#q').inputValue()).resolves.toBe('闽执法');
    expect(violations).toEqual([]);
    await page.close();
  });
});
