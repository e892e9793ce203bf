import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/http/create-app.js';
import { json, offlineService } from './helpers.js';
import { checkedAgainstOpenApi } from './openapi-conformance.js';

let app: ReturnType<typeof createApp>;
let pages: ReturnType<typeof createApp>; // HTML pages are outside the OpenAPI document
const config = loadConfig({
  OPENAI_API_KEY: 'sk-secret-never-shown',
  HUMAN_CHANNEL: '石狮市司法局 0595-88888888',
  HUMAN_CHANNEL_URL: 'tel:0595-88888888',
});
beforeAll(async () => {
  pages = createApp({ service: await offlineService(), widget: config.widget });
  app = checkedAgainstOpenApi(pages);
});

describe('GET /api/widget-config', () => {
  it("gives the widget the deployment's human channel and nothing else (no key, no model, no limits)", async () => {
    const res = await app.request('/api/widget-config');
    expect(res.status).toBe(200);
    const raw = await res.clone().text();
    expect(await json(res)).toEqual({ humanChannel: { label: '石狮市司法局 0595-88888888', href: 'tel:0595-88888888' } });
    expect(raw).not.toMatch(/sk-|secret|gpt|openai/i);
  });
});

describe('GET /report/:id (the citizen view a citation links to)', () => {
  it('shows the paragraph under its section path with the quoted words marked, and no staff ids as text', async () => {
    const res = await pages.request('/report/s4.2?from=135&to=161');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<span>（二）加强机制建设，有效降低行政诉讼败诉率</span>');
    expect(page).toContain('<mark>2023 年，全市行政机关负责人出庭率达 100%。</mark>');
    expect(page.replace(/<[^>]*>/g, '')).not.toMatch(/s4\.2|段落 s/);
    expect(page).not.toMatch(/<script/);
  });

  it('drops only the mark for a range outside the paragraph, and says so for an unknown paragraph', async () => {
    const bad = await pages.request('/report/s4.2?from=9000&to=x');
    expect(bad.status).toBe(200);
    expect(await bad.text()).not.toContain('<mark>');
    const missing = await pages.request('/report/no-such-id');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('没有找到这一段');
  });
});
