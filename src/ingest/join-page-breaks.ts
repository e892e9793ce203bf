/** A source paragraph rebuilt from one or more non-empty lines. */
export interface SourceBlock {
  text: string;
  /** 1-based line numbers in the source file. */
  lines: number[];
}

/** Punctuation that closes a sentence or introduces what follows; a prose line ending otherwise stops mid-sentence. */
const ENDS_SENTENCE = /[。！？：；…!?:;]$/u;
/** Prose has full-width clause punctuation; headings (`二、…`), names and dates do not. */
const IS_PROSE = /[，。；]/u;
/** A line that opens a new structural unit never continues the previous one. */
const STARTS_UNIT = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|特此报告)/u;

/**
 * Split the source into paragraphs and undo page breaks: a line of prose that stops
 * mid-sentence continues on the next non-empty line. Lines are joined with nothing in
 * between (the break fell inside a word, e.g. `研` + `究部署…`); no character is added or lost.
 */
export function joinPageBreaks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let open: SourceBlock | null = null;
  source.split(/\r?\n/).forEach(function visitLine(raw, index) {
    const line = raw.trim();
    if (line === '') return;
    if (open && !STARTS_UNIT.test(line)) {
      open.text += line;
      open.lines.push(index + 1);
    } else {
      open = { text: line, lines: [index + 1] };
      blocks.push(open);
    }
    if (!(IS_PROSE.test(open.text) && !ENDS_SENTENCE.test(open.text))) open = null;
  });
  return blocks;
}
