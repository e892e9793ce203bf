import type { ReviewData } from './review-types.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

/** Questions per day as stacked bars (answered below, declined above), drawn as inline SVG: no library, no inline style. */
export function perDayChart(perDay: ReviewData['dashboard']['perDay']): SVGSVGElement {
  const [w, h, pad] = [560, 160, 24];
  const max = Math.max(1, ...perDay.map((d) => d.answered + d.declined));
  const bar = (w - pad) / perDay.length;
  const y = (n: number) => ((h - pad) * n) / max;
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'per-day-title', class: 'chart' });
  chart.append(svg('title', { id: 'per-day-title' }, `每日提问数：共 ${perDay.reduce((n, d) => n + d.answered + d.declined, 0)} 个`));
  perDay.forEach((d, i) => {
    const x = pad + i * bar;
    const answered = y(d.answered);
    const declined = y(d.declined);
    const tip = `${d.day}：已回答 ${d.answered}，未能回答 ${d.declined}`;
    chart.append(
      svg('rect', { x, y: h - pad - answered, width: bar - 2, height: answered, class: 'answered' }, svg('title', {}, tip)),
      svg('rect', { x, y: h - pad - answered - declined, width: bar - 2, height: declined, class: 'declined' }, svg('title', {}, tip)),
    );
    if (i % 7 === 0 || i === perDay.length - 1) chart.append(svg('text', { x, y: h - 6, class: 'axis' }, d.day.slice(5)));
  });
  chart.append(svg('text', { x: 0, y: 12, class: 'axis' }, String(max)));
  return chart;
}

/** One share as a horizontal bar with its percentage. */
export function shareBar(label: string, part: number, whole: number, className: string): HTMLElement {
  const share = whole ? part / whole : 0;
  const [w, h] = [240, 14];
  const figure = document.createElement('figure');
  const caption = document.createElement('figcaption');
  caption.textContent = `${label}：${(share * 100).toFixed(1)}%（${part}/${whole}）`;
  figure.append(
    caption,
    svg(
      'svg',
      { viewBox: `0 0 ${w} ${h}`, width: w, height: h, 'aria-hidden': 'true', class: 'share' },
      svg('rect', { x: 0, y: 0, width: w, height: h, class: 'track' }),
      svg('rect', { x: 0, y: 0, width: Math.round(w * share), height: h, class: className }),
    ),
  );
  return figure;
}

/** Horizontal bars for the largest declined topics (led by their most-asked question). */
export function topicsChart(topics: { label: string; count: number }[]): SVGSVGElement {
  const row = 22;
  const w = 560;
  const max = Math.max(1, ...topics.map((t) => t.count));
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${Math.max(row, topics.length * row)}`,
    role: 'img',
    'aria-labelledby': 'topics-title',
    class: 'chart',
  });
  chart.append(svg('title', { id: 'topics-title' }, '未能回答的主要话题'));
  topics.forEach((t, i) => {
    const width = ((w - 300) * t.count) / max;
    chart.append(
      svg('text', { x: 0, y: i * row + 15, class: 'label' }, t.label.length > 18 ? `${t.label.slice(0, 18)}…` : t.label),
      svg('rect', { x: 290, y: i * row + 4, width, height: row - 8, class: 'declined' }),
      svg('text', { x: 294 + width, y: i * row + 15, class: 'axis' }, String(t.count)),
    );
  });
  return chart;
}
