import type { Handler } from 'hono';
import { html, raw } from 'hono/html';
import type { QaService } from '../qa-service.js';

/**
 * `GET /report/:id?from=&to=`: one paragraph of the report as a citizen reads it — the report's
 * title, where in the report it stands (the section path, not our ids), the paragraph with the
 * quoted words marked, and the paragraphs before and after. The widget's citations link here; the
 * staff page is for hotline staff. Server-rendered text only (no script), so it passes the CSP.
 * A bad `from`/`to` only loses the mark; an unknown id is a 404 page that says so.
 */
export function paragraphPage(service: QaService): Handler {
  return function showParagraph(c) {
    const { meta, paragraphs } = service.document;
    const index = paragraphs.findIndex((p) => p.id === c.req.param('id'));
    const paragraph = paragraphs[index];
    if (!paragraph) {
      return c.html(page(meta.title, html`<p class="missing">没有找到这一段。请回到问答窗口重新打开引用。</p>`), 404);
    }
    const [from, to] = [Number(c.req.query('from')), Number(c.req.query('to'))];
    const marked = Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= paragraph.text.length;
    const text = marked
      ? html`${paragraph.text.slice(0, from)}<mark>${paragraph.text.slice(from, to)}</mark>${paragraph.text.slice(to)}`
      : html`${paragraph.text}`;
    const neighbour = (p: (typeof paragraphs)[number] | undefined, label: string) =>
      p ? html`<a href="./${encodeURIComponent(p.id)}">${label}</a>` : '';
    const body = html`<p class="where">${paragraph.section.split(' › ').map((s, i) => html`${i ? raw(' › ') : ''}<span>${s}</span>`)}</p>
<p class="text">${text}</p>
<nav class="near" aria-label="前后段落">${neighbour(paragraphs[index - 1], '← 上一段')}${neighbour(paragraphs[index + 1], '下一段 →')}</nav>`;
    return c.html(page(`${meta.title}（${meta.docNumber}）`, body));
  };
}

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>报告原文 · ${title}</title><link rel="stylesheet" href="/report.css"></head>
<body><main><h1>${title}</h1>${body}
<p class="note">以上为正式发布的报告原文，仅供参考，不构成法律意见。</p></main></body></html>`;
}
