/**
 * The page layout of transcripts converted from paper (court transcripts from PDF): a line-number
 * margin before every line (` 5   CHIEF JUSTICE ROBERTS: …`), form feeds that start pages, page
 * furniture (a lone page number, a repeated header or footer such as the court reporter's name)
 * and a trailing word index with no speakers (`want 14:7 16:17`). None of it is speech: the parser
 * skips margins before labels and keeps all of it out of the spoken text of turns.
 *
 * Everything here is linear in the size of the text and allocates per-line arrays only for documents
 * that have pages (a margin or form feeds).
 */
import type { LineIndex } from './lines';

/** A line of text (or a blank line). */
export const LINE_TEXT = 0;
/** A line with only a margin line number (` 11`): as good as blank. */
export const LINE_NUMBER_ONLY = 1;
/** A lone page number or a repeated page header or footer. */
export const LINE_FURNITURE = 2;

export interface Layout {
  /**
   * Where each line's content starts: after a form feed and a line-number margin. The very array of
   * `lines.starts` when the document has neither.
   */
  readonly contentStarts: Int32Array;
  /** Per line: {@link LINE_TEXT}, {@link LINE_NUMBER_ONLY} or {@link LINE_FURNITURE}; undefined when the document has no pages. */
  readonly kinds: Uint8Array | undefined;
  readonly lineNumberMargin: boolean;
  /** Lines that start with a form feed. */
  readonly pageBreakLines: number[];
  /** Lines of page furniture, in order. */
  readonly furnitureLines: number[];
}

/** How far (in lines) from a page break or page number a header or footer line may be. */
const FURNITURE_WINDOW = 6;
/** A header or footer repeats on at least this many pages. */
const FURNITURE_MIN_PAGES = 3;
/** Page boundaries closer than this (in lines) are one page's (its page number, then a form feed). */
const MIN_PAGE_LINES = 20;

export function analyzeLayout(lines: LineIndex, firstLine: number): Layout {
  const { text } = lines;
  const count = lines.lineCount;
  const lineNumberMargin = detectLineNumberMargin(lines, firstLine);

  const pageBreakLines = lines.formFeedLines.filter((line) => line >= firstLine);
  if (!lineNumberMargin && pageBreakLines.length === 0) {
    return { contentStarts: lines.starts, kinds: undefined, lineNumberMargin, pageBreakLines, furnitureLines: [] };
  }

  const contentStarts = lines.starts.slice();
  const kinds = new Uint8Array(count);
  /** Lines whose content sits after a margin number: text of the page body, never furniture. */
  const numbered = new Uint8Array(count);
  const boundaries: number[] = [];
  let nextBreak = 0;
  for (let line = firstLine; line < count; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    let content = start;
    const isBreak = nextBreak < pageBreakLines.length && pageBreakLines[nextBreak] === line;
    if (isBreak) {
      nextBreak++;
      content++;
    }
    if (lineNumberMargin) {
      const after = marginEnd(text, content, end);
      if (after >= 0) {
        content = after;
        numbered[line] = 1;
      }
    }
    contentStarts[line] = content;
    const first = firstNonSpace(text, content, end);
    if (first === end) {
      if (numbered[line]) kinds[line] = LINE_NUMBER_ONLY;
      else if (isBreak) kinds[line] = LINE_FURNITURE;
      if (isBreak) boundaries.push(line);
      continue;
    }
    if (!numbered[line] && isLonePageNumber(text, first, end)) {
      kinds[line] = LINE_FURNITURE;
      boundaries.push(line);
    } else if (isBreak) {
      boundaries.push(line);
    }
  }

  // Headers and footers: the same text near the boundaries of several pages (a page number and
  // the form feed after it are one page's boundary: boundaries closer than a page count once).
  const pages = new Map<string, number>();
  const lastPage = new Map<string, number>();
  for (const boundary of boundaries) {
    const from = Math.max(boundary - FURNITURE_WINDOW, firstLine);
    const to = Math.min(count - 1, boundary + FURNITURE_WINDOW);
    for (let line = from; line <= to; line++) {
      if (kinds[line] !== LINE_TEXT || numbered[line]) continue;
      const key = text.slice(contentStarts[line], lines.ends[line]).trim();
      if (key === '' || key.length > 120) continue;
      const previous = lastPage.get(key);
      if (previous !== undefined && boundary - previous < MIN_PAGE_LINES) continue;
      lastPage.set(key, boundary);
      pages.set(key, (pages.get(key) ?? 0) + 1);
    }
  }
  const furniture = new Set<string>();
  for (const [key, times] of pages) if (times >= FURNITURE_MIN_PAGES) furniture.add(key);
  if (furniture.size > 0) {
    // The same header or footer elsewhere (the first page's header, before any page break).
    for (let line = firstLine; line < count; line++) {
      if (kinds[line] !== LINE_TEXT || numbered[line]) continue;
      const start = contentStarts[line];
      const end = lines.ends[line];
      if (start === end) continue;
      if (furniture.has(text.slice(start, end).trim())) kinds[line] = LINE_FURNITURE;
    }
  }
  const furnitureLines: number[] = [];
  for (let line = firstLine; line < count; line++) if (kinds[line] === LINE_FURNITURE) furnitureLines.push(line);
  return { contentStarts, kinds, lineNumberMargin, pageBreakLines, furnitureLines };
}

/**
 * Whether most non-blank lines start with a margin line number (1-2 digits after at most three
 * spaces, then spacing or the line end) that counts up and starts again at 1 on each page.
 */
function detectLineNumberMargin(lines: LineIndex, firstLine: number): boolean {
  const { text } = lines;
  let nonBlank = 0;
  let numbered = 0;
  let inSequence = 0;
  let previous = 0;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    if (firstNonSpace(text, start, end) === end) continue;
    nonBlank++;
    let from = start;
    if (text.charCodeAt(from) === 0x0c) from++;
    const number = marginNumber(text, from, end);
    if (number > 0) {
      numbered++;
      if (number === previous + 1 || number === 1) inSequence++;
      previous = number;
    }
    // Give up early on ordinary text: no margin in the first couple of thousand lines.
    if (nonBlank === 2000 && numbered * 10 < nonBlank) return false;
  }
  return numbered >= 20 && numbered * 5 >= nonBlank * 2 && inSequence * 5 >= numbered * 4;
}

/** The margin number at `i` (1..99), or -1 when the line does not start with one. */
function marginNumber(text: string, i: number, end: number): number {
  if (marginEnd(text, i, end) < 0) return -1;
  let k = i;
  while (text.charCodeAt(k) === 0x20) k++;
  let value = 0;
  while (isDigit(text.charCodeAt(k))) value = value * 10 + text.charCodeAt(k++) - 0x30;
  return value;
}

/**
 * Where the content after a margin line number starts (` 5   text` → at `text`; ` 11` → the line
 * end), or -1 when the line does not start with one: at most three spaces, one or two digits (not
 * 0), then spacing or the line end.
 */
function marginEnd(text: string, i: number, end: number): number {
  let k = i;
  while (k < end && k - i < 3 && text.charCodeAt(k) === 0x20) k++;
  const digitsStart = k;
  while (k < end && k - digitsStart < 3 && isDigit(text.charCodeAt(k))) k++;
  const digits = k - digitsStart;
  if (digits < 1 || digits > 2) return -1;
  if (text.charCodeAt(digitsStart) === 0x30 && digits === 1) return -1;
  if (k < end) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x09) return -1;
    while (k < end && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k++;
  }
  return k;
}

/** A line holding only a page number (1-4 digits), from its first non-space character. */
function isLonePageNumber(text: string, first: number, end: number): boolean {
  let k = first;
  while (k < end && isDigit(text.charCodeAt(k))) k++;
  if (k === first || k - first > 4) return false;
  return firstNonSpace(text, k, end) === end;
}

function firstNonSpace(text: string, from: number, end: number): number {
  let k = from;
  while (k < end) {
    const code = text.charCodeAt(k);
    if (code === 0x20 || code === 0x09 || code === 0x0c || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x0b) k++;
    else break;
  }
  return k;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether a line counts as blank for where turns end: blank, only a margin number, or page furniture. */
export function isLayoutBlank(layout: Layout, line: number): boolean {
  return layout.kinds !== undefined && layout.kinds[line] !== LINE_TEXT;
}

// ---------------------------------------------------------------------------------------------
// The trailing index.

const REFERENCE = /\d{1,4}:\d{1,2}/;

/**
 * How a line reads as an index entry: 1 for entries (`abiding 39:12  63:25 64:20`, `  43:24 44:1`;
 * at least as many page:line references as words), 0 for neutral lines (a section letter `A`, a
 * single word), -1 for text.
 */
function indexLineClass(content: string): number {
  const tokens = content.trim().split(/\s+/);
  let references = 0;
  let words = 0;
  for (const token of tokens) {
    if (token === '') continue;
    if (REFERENCE.test(token)) references++;
    else if (token.length > 1) words++; // a section letter (`C`) between columns is not a word
  }
  if (references === 0) return words <= 1 ? 0 : -1;
  return references >= words ? 1 : -1;
}

/**
 * The first line of a trailing word index: a long run of lines after the last speaker label most of
 * which are index entries (words followed by page:line references). Returns -1 when there is none.
 * Walks back from the end and stops at `lastLabelLine` or as soon as the tail reads as text, so an
 * ordinary transcript costs a handful of lines.
 */
export function findTrailingIndex(lines: LineIndex, layout: Layout, lastLabelLine: number): number {
  const { text } = lines;
  let content = 0;
  let entries = 0;
  let run = 0;
  let start = -1;
  for (let line = lines.lineCount - 1; line > lastLabelLine; line--) {
    if (isLayoutBlank(layout, line)) continue;
    const from = layout.contentStarts[line];
    const end = lines.ends[line];
    if (firstNonSpace(text, from, end) === end) continue;
    const kind = indexLineClass(text.slice(from, end));
    if (kind === 0) continue;
    content++;
    if (kind > 0) {
      entries++;
      run++;
      if (run >= 5 && entries >= 10 && entries * 5 >= content * 4) start = line;
    } else {
      run = 0;
    }
    if (content >= 8 && entries * 2 <= content) break;
  }
  return start;
}

// ---------------------------------------------------------------------------------------------
// Closing lines.

/**
 * A closing line of a briefing or release: the time it ended (`7:37 P.M. EST`), `END` with or
 * without that time, or an end mark (`###`, `# # #`, `-30-`).
 */
const CLOSING = /^(?:\(?END\)?(?:[\s\u00a0]+\d{1,2}:\d{2}[\s\u00a0]*[AaPp]\.?[\s\u00a0]?[Mm]\.?(?:[\s\u00a0]+[A-Z]{2,4})?)?|\d{1,2}:\d{2}[\s\u00a0]*[AaPp]\.?[\s\u00a0]?[Mm]\.?(?:[\s\u00a0]+[A-Z]{2,4})?|\\?#(?:[\s\u00a0]?\\?#){2}|-30-)$/;

/**
 * The first of the closing lines that end the document after the last label (`7:37 P.M. EST`,
 * `###`), or -1. Only lines of that shape (and blank lines) may follow it.
 */
export function findClosingLines(lines: LineIndex, layout: Layout, lastLabelLine: number): number {
  const { text } = lines;
  let start = -1;
  for (let line = lines.lineCount - 1; line > lastLabelLine; line--) {
    if (isLayoutBlank(layout, line)) continue;
    const content = text.slice(layout.contentStarts[line], lines.ends[line]).trim();
    if (content === '') continue;
    if (!CLOSING.test(content)) break;
    start = line;
  }
  return start;
}
