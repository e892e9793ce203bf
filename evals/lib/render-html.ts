import { METRIC_LABELS, formatMetric, type Metrics } from './aggregate.js';
import type { ItemResult } from './score.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface HtmlReport {
  title: string;
  generatedAt: string;
  summary: { heading: string; rows: [string, Metrics][] }[];
  checks?: Record<string, number>;
  results: ItemResult[];
}

function metricsTable(rows: [string, Metrics][]): string {
  const head = `<tr><th></th>${METRIC_LABELS.map(([, l]) => `<th>${escapeHtml(l)}</th>`).join('')}</tr>`;
  const body = rows
    .map(([name, m]) => `<tr><th>${escapeHtml(name)}</th>${METRIC_LABELS.map(([k]) => `<td>${formatMetric(k, m[k])}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${head}${body}</table>`;
}

function citationHtml(c: ItemResult['answer']['citations'][number], i: number): string {
  const ok = c.text.slice(c.start, c.end) === c.quote;
  const text = ok
    ? `${escapeHtml(c.text.slice(0, c.start))}<mark>${escapeHtml(c.quote)}</mark>${escapeHtml(c.text.slice(c.end))}`
    : `${escapeHtml(c.text)}<br><em>quote (not at its offsets):</em> ${escapeHtml(c.quote)}`;
  return `<li><div class="sec">[${i + 1}] ${escapeHtml(c.section)} <code>${escapeHtml(c.id)}</code> <span class="off">${c.start}–${c.end}</span></div><div class="para">${text}</div></li>`;
}

function itemHtml(r: ItemResult): string {
  const { item, answer } = r;
  const history = (item.history ?? [])
    .map((t) => `<div class="turn ${t.role}">${t.role === 'user' ? '问' : '答'}：${escapeHtml(t.content)}</div>`)
    .join('');
  const verdict = r.pass ? '<span class="pass">PASS</span>' : `<span class="fail">FAIL</span> ${r.reasons.map(escape).join('；')}`;
  return `<details class="item ${r.pass ? 'ok' : 'bad'}" data-pass="${r.pass}"><summary>${verdict} <code>${escapeHtml(item.id)}</code> <span class="cat">${escapeHtml(item.split)} · ${escapeHtml(item.category)}</span> ${escapeHtml(item.question)}</summary>
<div class="body">${history}
<p><b>Gold</b>: ${item.answerable ? `${item.gold.map((g) => `<code>${escapeHtml(g)}</code>`).join(' ')} · facts: ${item.facts.map(escape).join('、')}` : '<i>not answerable from the report</i>'}</p>
<p><b>Ranking</b>: ${r.ranking
    .slice(0, 5)
    .map((id) => `<code class="${item.gold.includes(id) ? 'hit' : ''}">${escapeHtml(id)}</code>`)
    .join(' ')} · ${r.latencyMs.toFixed(1)} ms · mode ${escapeHtml(answer.mode)}${answer.abstained ? ' · <b>declined</b>' : ''}</p>
<pre class="answer">${escapeHtml(answer.answer)}</pre>
<ol class="cites">${answer.citations.map(citationHtml).join('')}</ol></div></details>`;
}

/** A self-contained page (no external assets) to read every question, answer and citation. */
export function renderHtml(report: HtmlReport): string {
  const checks =
    report.checks && Object.keys(report.checks).length
      ? `<h2>Citation checks fired</h2><table>${Object.entries(report.checks)
          .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`)
          .join('')}</table>`
      : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(report.title)}</title>
<style>
body{font:14px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:1.5rem;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:13px}th,td{border:1px solid #ccc;padding:2px 6px;text-align:right}th:first-child{text-align:left}
mark{background:#ffe680;padding:0 1px}code{background:#f3f3f3;padding:0 3px;border-radius:3px}code.hit{background:#cdeccd}
.item{border-bottom:1px solid #eee;padding:4px 0}.item summary{cursor:pointer}.pass{color:#1a7f37;font-weight:bold}.fail{color:#c62828;font-weight:bold}
.cat{color:#777;font-size:12px}.body{padding:.5rem 1rem;background:#fafafa}.answer{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.5rem}
.sec{color:#555;font-size:12px}.off{color:#999}.para{margin:.25rem 0 .75rem}.turn{color:#555}
</style></head><body>
<h1>${escapeHtml(report.title)}</h1><p>${escapeHtml(report.generatedAt)} · ${report.results.length} answers · <label><input type="checkbox" id="only-fail"> show failures only</label></p>
${report.summary.map((s) => `<h2>${escapeHtml(s.heading)}</h2>${metricsTable(s.rows)}`).join('')}
${checks}
<h2>Every question</h2>
${report.results.map(itemHtml).join('\n')}
<script>document.getElementById('only-fail').addEventListener('change',function(e){document.querySelectorAll('.item').forEach(function(el){el.style.display=e.target.checked&&el.dataset.pass==='true'?'none':''})})</script>
</body></html>`;
}
