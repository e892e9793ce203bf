/**
 * The line hotline staff paste into a reply: quote, report title and number, section path,
 * paragraph id. The report's own “…” inside the quote become ‘…’, as Chinese nests quotation marks.
 *
 * @example citationLine('创建“全国法治政府建设示范市”', { id: 's1.1', section: '一、…' }, '《报告》', '狮政综〔2024〕8号')
 *   // “创建‘全国法治政府建设示范市’”（《报告》狮政综〔2024〕8号，一、…，段落 s1.1）
 */
export function citationLine(quote: string, p: { id: string; section: string }, title: string, docNumber: string): string {
  const inner = quote.trim().replace(/“/g, '‘').replace(/”/g, '’');
  return `“${inner}”（《${title}》${docNumber}，${p.section}，段落 ${p.id}）`;
}
