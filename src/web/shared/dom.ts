/**
 * Create an element. Text is always set through text nodes, never as HTML, so nothing from
 * the report, the model or the user can become markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A plain button (`type="button"`) that runs `onClick`; `attrs` adds a class, an aria-label… */
export function button(label: string, onClick: () => void, attrs: Record<string, string | undefined> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

export interface Range {
  start: number;
  end: number;
  className?: string;
}

/**
 * The text with the given ranges wrapped in <mark>, as DOM nodes. Ranges may overlap: each
 * stretch of text gets the classes of every range over it (a matched term inside a quoted span
 * is `<mark class="span term">`).
 */
export function highlighted(text: string, ranges: Range[]): Node[] {
  const cuts = new Set([0, text.length]);
  for (const r of ranges) if (r.end > r.start) cuts.add(Math.max(0, r.start)).add(Math.min(text.length, r.end));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const classes = [...new Set(ranges.filter((r) => r.start <= a && b <= r.end).map((r) => r.className ?? 'term'))];
    const piece = text.slice(a, b);
    const last = out[out.length - 1];
    if (!classes.length) out.push(document.createTextNode(piece));
    else if (last instanceof HTMLElement && last.className === classes.join(' ')) last.append(piece);
    else out.push(el('mark', { class: classes.join(' ') }, piece));
  }
  return out;
}

/**
 * Ranges where a query term occurs in the text, ignoring spaces in the text (the report writes
 * `228 件`, staff type `228件`) and letter case.
 */
export function termRanges(text: string, terms: string[]): Range[] {
  const chars: number[] = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    chars.push(i);
    squeezed += text[i]!.toLowerCase();
  }
  const out: Range[] = [];
  for (const term of terms.map((t) => t.replace(/\s+/g, '').toLowerCase()).filter(Boolean)) {
    for (let from = squeezed.indexOf(term); from !== -1; from = squeezed.indexOf(term, from + 1)) {
      out.push({ start: chars[from]!, end: chars[from + term.length - 1]! + 1 });
    }
  }
  return out;
}
