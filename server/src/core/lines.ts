/**
 * Line index over a document string: line start offsets and the end of each line's content
 * (before its line break). Handles `\n`, `\r\n` and a lone `\r` as LSP does.
 * Columns are UTF-16 code units, exactly as LSP `Position.character` counts them.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { ColumnBuffer } from './columnBuffer';

/** Told of every line as soon as its end is found ({@link LineIndex}). */
export interface LineVisitor {
  /** `start`, `end`: offsets of the line's content. */
  visitLine(line: number, start: number, end: number): void;
}

export class LineIndex {
  /** Offset where each line starts. */
  readonly starts: Int32Array;
  /** Offset where each line's content ends (before `\r`, `\n` or `\r\n`). */
  readonly ends: Int32Array;
  /** Lines that start with a form feed (a new page), in order: found with the line breaks, next to them. */
  readonly formFeedLines: number[] = [];

  /**
   * @param visitor told of every line as soon as its end is found, while the line is still in the
   *   processor's cache: a caller that looks at every line anyway saves a second pass over the
   *   text. (An object of a class rather than a function: the optimized loop then calls its method
   *   whatever the instance, where a new closure per document would send the loop back to the
   *   interpreter on every document.)
   */
  constructor(
    readonly text: string,
    visitor?: LineVisitor,
    /** About how many lines to expect ({@link estimateLineCount}, when the caller has it). */
    expectedLines: number = estimateLineCount(text),
  ) {
    // Without a `\r` (the common case), line breaks are found by the fast search for `\n` alone.
    // (Reads past the end are guarded: one at the last line break would send the optimized loop
    // back to the interpreter.) Each loop is a function of its own that fills `found`: a long loop
    // is compiled on the fly (OSR) during its first call, before the code after it has ever run,
    // and that code would send it back to the interpreter, again and again on a large document.
    if (text.charCodeAt(0) === 0x0c) this.formFeedLines.push(0);
    const found = new LineBreaks(expectedLines, this.formFeedLines);
    const count = text.indexOf('\r') < 0 ? findLineFeeds(text, visitor, found) : findLineBreaks(text, visitor, found);
    const { starts, ends } = found;
    ends[count] = text.length;
    if (visitor !== undefined) visitor.visitLine(count, starts[count], text.length);
    this.starts = starts.subarray(0, count + 1);
    this.ends = ends.subarray(0, count + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** A line with nothing but whitespace (any kind JavaScript's `trim` removes, a BOM included). */
  isBlank(line: number): boolean {
    const text = this.text;
    for (let i = this.starts[line]; i < this.ends[line]; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x09 || code === 0x3000) continue;
      if (!isWhitespace(code)) return false;
    }
    return true;
  }

  lineLength(line: number): number {
    return this.ends[line] - this.starts[line];
  }

  /** Offset of the first character of the next line (or the end of the text for the last line). */
  nextLineStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between `\r` and `\n` belongs to the end of the line.
    const character = Math.min(clamped, this.ends[low]) - this.starts[low];
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.ends[position.line]);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The columns {@link findLineFeeds} and {@link findLineBreaks} fill: where lines start and end, grown as needed. */
class LineBreaks {
  starts: Int32Array;
  ends: Int32Array;

  constructor(
    rows: number,
    /** Lines that start with a form feed. */
    readonly formFeedLines: number[],
  ) {
    const columns = new ColumnBuffer(rows, 2);
    this.starts = columns.int32();
    this.ends = columns.int32();
  }

  /** Twice the rows, the rows so far kept. */
  grow(): void {
    const columns = new ColumnBuffer(this.starts.length * 2, 2);
    this.starts = columns.int32(this.starts);
    this.ends = columns.int32(this.ends);
  }
}

/**
 * The lines of a text whose only line breaks are `\n` (indexOf is much faster than a loop over
 * characters), told to `visitor` as they are found, but the last; returns how many lines that is.
 */
function findLineFeeds(text: string, visitor: LineVisitor | undefined, found: LineBreaks): number {
  let { starts, ends } = found;
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (count + 1 >= starts.length) {
      found.grow();
      ({ starts, ends } = found);
    }
    ends[count] = at;
    if (visitor !== undefined) visitor.visitLine(count, starts[count], at);
    starts[++count] = at + 1;
    if (at + 1 < text.length && text.charCodeAt(at + 1) === 0x0c) found.formFeedLines.push(count);
  }
  return count;
}

/** {@link findLineFeeds} for a text with `\r`: `\n`, `\r\n` and a lone `\r` each end a line. */
function findLineBreaks(text: string, visitor: LineVisitor | undefined, found: LineBreaks): number {
  let { starts, ends } = found;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x0a && code !== 0x0d) continue;
    if (count + 1 >= starts.length) {
      found.grow();
      ({ starts, ends } = found);
    }
    ends[count] = i;
    if (visitor !== undefined) visitor.visitLine(count, starts[count], i);
    if (code === 0x0d && i + 1 < text.length && text.charCodeAt(i + 1) === 0x0a) i++; // CRLF: one break
    starts[++count] = i + 1;
    if (i + 1 < text.length && text.charCodeAt(i + 1) === 0x0c) found.formFeedLines.push(count);
  }
  return count;
}

/**
 * About how many lines a text has, a little more rather than less: the line breaks of its first
 * 16 K characters, scaled to its length (room for per-line arrays made before the lines are
 * counted; they grow if it is too little).
 */
export function estimateLineCount(text: string): number {
  const sample = Math.min(text.length, 1 << 14);
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < sample; at = text.indexOf('\n', at + 1)) breaks++;
  return (1024 + Math.ceil((breaks + 1) * (text.length / Math.max(1, sample)) * 1.1)) | 0;
}

/** Whether a UTF-16 unit is whitespace as JavaScript's `trim` sees it (a BOM included). */
export function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code > 0x3000) return code === 0xfeff; // CJK text and above: one whitespace only
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export function lineRange(line: number, startCharacter: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line, character: endCharacter } };
}
