import { beforeAll, describe, expect, it } from 'vitest';
import { servedPages } from './served-pages.js';
import { browserAvailable, shot } from '../../evals/lib/chromium.js';

const pages = servedPages();
beforeAll(async () => {
  await pages.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.server.baseUrl });
});

describe.skipIf(!browserAvailable)('the hotline staff lookup page', () => {
  it('finds figures and names as you type, with the matches highlighted', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${pages.server.baseUrl}/staff/`);
    await page.locator('#outline a').first().waitFor();
    for (const [query, id, marked] of [
      ['228', 's4.3', '228'],
      ['闽执法', 's5.3', '闽执法'],
      ['洛江', 's4.2', '洛江'],
    ] as const) {
      await page.locator('#q').fill(query);
      await expect.poll(() => page.locator('#list article').first().getAttribute('data-id')).toBe(id);
      await expect(page.locator('#list article').first().locator('mark.term').first().textContent()).resolves.toContain(marked);
    }
    await page.screenshot({ path: shot('staff-search') });
    await page.close();
  });

  it('copies a ready-to-paste citation: quote, report title, section path and paragraph id', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${pages.server.baseUrl}/staff/`);
    await page.locator('#q').fill('纠错率');
    await expect.poll(() => page.locator('#list article').first().getAttribute('data-id')).toBe('s4.3');
    await page.locator('#list article[data-id="s4.3"] button').click();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('纠错率 21.05%');
    expect(clip).toContain('《石狮市人民政府关于2023年度法治政府建设情况的报告》');
    expect(clip).toContain('四、不断完善依法行政制度体系 › （三）完善行政复议机制，提升行政复议质效');
    expect(clip).toContain('段落 s4.3');
    await page.close();
  });

  it('browses the outline and opens a paragraph by its permalink', async () => {
    const page = await pages.context.newPage();
    await page.goto(`${pages.server.baseUrl}/staff/#s7.2`);
    await page.locator('article.target[data-id="s7.2"]').waitFor();
    await expect(page.locator('article.target .text').textContent()).resolves.toContain('实体、热线、网络三大平台');
    await page.locator('nav a[data-id="s5.3"]').click();
    await page.locator('article.target[data-id="s5.3"]').waitFor();
    await page.screenshot({ path: shot('staff-permalink') });
    await page.close();
  });
});
