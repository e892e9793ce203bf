import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers for driving the widget as a citizen does (locators pierce its open shadow root). */
export async function openWidget(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('button.fab[data-ready="true"]').click();
  await page.locator('.panel').waitFor();
}

/** The answer bubble of the latest turn. */
export const lastTurn = (page: Page): Locator => page.locator('.msg.bot[data-state]').last();

/** Type a question, press Enter and wait until its turn settles (done or failed). */
export async function ask(page: Page, question: string, settled: 'done' | 'failed' = 'done'): Promise<Locator> {
  const before = await page.locator('.msg.bot[data-state]').count();
  await page.locator('textarea').fill(question);
  await page.locator('textarea').press('Enter');
  const bubble = page.locator('.msg.bot[data-state]').nth(before);
  await expect.poll(() => bubble.getAttribute('data-state'), { timeout: 15_000 }).toBe(settled);
  return bubble;
}

/** Every POST /api/chat the page makes, as the messages it sent. */
export function chatRequests(page: Page): { role: string; text: string }[][] {
  const sent: { role: string; text: string }[][] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/api/chat') || r.method() !== 'POST') return;
    const body = r.postDataJSON() as { messages: { role: string; parts: { text: string }[] }[] };
    sent.push(body.messages.map((m) => ({ role: m.role, text: m.parts.map((p) => p.text).join('') })));
  });
  return sent;
}

/** The contrast ratio of every rendered text against its effective background, in the widget and the page. */
export async function lowContrastTexts(page: Page, scope: 'widget' | 'page'): Promise<string[]> {
  return page.evaluate((where) => {
    const root: ParentNode = where === 'widget' ? document.querySelector('[data-shishi-qa]')!.shadowRoot! : document;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (e: Element | null): number[] => {
      for (let n = e; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) >= 0.99) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    for (const e of root.querySelectorAll('*')) {
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!own || !(e as HTMLElement).offsetParent || (e as HTMLButtonElement).disabled) continue;
      const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) bad.push(`${e.tagName.toLowerCase()}.${e.className} “${e.textContent!.trim().slice(0, 20)}” ${ratio.toFixed(2)}`);
    }
    return bad;
  }, scope);
}

/** axe-core's violations on the page, its open shadow roots included. */
export async function axeViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.evaluate(axeSource); // evaluated by the test runner, so the page's CSP does not apply
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated script defines
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  });
}
