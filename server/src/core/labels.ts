/**
 * Recognizes a speaker label at the start of a line:
 *
 *     [indent] [timestamp] [**] Label [(timestamp)] [**] (：|:) [**] text
 *
 * Indentation may be spaces, tabs, U+3000, U+00A0 or a BOM. Timestamps: `[00:01:23]`, `[01:23]`,
 * `00:01:23`, `00:03:40.5`, and `Name (00:01:23):` after the name.
 * All offsets are UTF-16 offsets into the whole document string.
 */

export interface OffsetSpan {
  start: number;
  end: number;
}

export interface LabelMatch {
  /** The label as written, without surrounding whitespace, bold markers or timestamp. */
  label: string;
  labelSpan: OffsetSpan;
  colonSpan: OffsetSpan;
  timestamp?: OffsetSpan & { text: string };
  /** Where the turn's own text starts on this line (after the colon and following spaces). */
  textStart: number;
  /** Several lower-case words (`The reasons are as follows:`): accepted only when it recurs. */
  sentenceLike: boolean;
}

// Sentence punctuation, quotes, brackets and markup never appear in a label.
const FORBIDDEN = /[，。？！,?!;；、"“”‘’「」『』《》〈〉<>{}=|\\/…()（）[\]#@*~`^_+%&$]/;
const DOT_AFTER_NON_LETTER = /(?:^|[^\p{L}])\./u;
const HAS_LETTER = /\p{L}/u;
const LEADING_DASH = /^[-–—•·]/;
const LOWER_WORD = /^\p{Ll}/u;

/**
 * Scans lines for labels without allocating per line: the fields of the last successful `scan`
 * describe the label found. Label validity is cached per written label, since labels repeat.
 */
export class LabelScanner {
  label = '';
  labelStart = 0;
  labelEnd = 0;
  colonStart = 0;
  colonEnd = 0;
  /** -1 when there is no timestamp. */
  timestampStart = -1;
  timestampEnd = -1;
  textStart = 0;
  sentenceLike = false;
  /** Written label → 0 (not a label), 1 (a label), 2 (a sentence-like label). */
  private readonly verdicts = new Map<string, number>();

  constructor(private readonly maxLength: number) {}

  scan(text: string, lineStart: number, lineEnd: number): boolean {
    // Indentation.
    let i = lineStart;
    while (i < lineEnd && isIndent(text.charCodeAt(i))) i++;

    // A leading timestamp: `[00:01:23] `, `00:01:23 `, `00:03:40.5`.
    this.timestampStart = -1;
    this.timestampEnd = -1;
    const bracket = text.charCodeAt(i) === 0x5b; /* [ */
    const timeEnd = timeAt(text, bracket ? i + 1 : i, lineEnd);
    if (timeEnd > 0) {
      this.timestampStart = bracket ? i + 1 : i;
      this.timestampEnd = timeEnd;
      i = timeEnd;
      if (text.charCodeAt(i) === 0x5d /* ] */) i++;
      while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 0x2a && text.charCodeAt(i + 1) === 0x2a) i += 2; // **label

    // The label runs to the first colon, or to `(00:01:23)` right before a colon.
    const rawStart = i;
    const limit = Math.min(lineEnd, rawStart + this.maxLength + 40);
    let rawEnd = -1;
    let colon = -1;
    for (let k = rawStart; k < limit; k++) {
      const code = text.charCodeAt(k);
      if (code === 0x3a /* : */ || code === 0xff1a /* ： */) {
        rawEnd = k;
        colon = k;
        break;
      }
      if (code === 0x28 /* ( */ || code === 0x5b /* [ */ || code === 0xff08 /* （ */) {
        const time = timeAt(text, k + 1, lineEnd);
        if (time < 0 || !isCloser(text.charCodeAt(time))) continue;
        let after = time + 1;
        while (after < lineEnd && isSpace(text.charCodeAt(after))) after++;
        if (text.charCodeAt(after) === 0x2a && text.charCodeAt(after + 1) === 0x2a) after += 2;
        const next = text.charCodeAt(after);
        if (next !== 0x3a && next !== 0xff1a) continue;
        if (this.timestampStart < 0) {
          this.timestampStart = k + 1;
          this.timestampEnd = time;
        }
        rawEnd = k;
        colon = after;
        break;
      }
    }
    if (colon < 0 || rawEnd - rawStart > this.maxLength + 8) return false;

    // Trim spaces and a closing `**` around the label.
    let labelStart = rawStart;
    let labelEnd = rawEnd;
    while (labelStart < labelEnd && isSpace(text.charCodeAt(labelStart))) labelStart++;
    while (labelEnd > labelStart && isSpace(text.charCodeAt(labelEnd - 1))) labelEnd--;
    if (labelEnd - labelStart >= 2 && text.charCodeAt(labelEnd - 1) === 0x2a && text.charCodeAt(labelEnd - 2) === 0x2a) {
      labelEnd -= 2;
      while (labelEnd > labelStart && isSpace(text.charCodeAt(labelEnd - 1))) labelEnd--;
    }
    if (labelEnd === labelStart) return false;
    const label = text.slice(labelStart, labelEnd);

    let verdict = this.verdicts.get(label);
    if (verdict === undefined) {
      verdict = isPlausibleLabel(label, this.maxLength) ? (isSentenceLike(label) ? 2 : 1) : 0;
      this.verdicts.set(label, verdict);
    }
    if (verdict === 0) return false;
    const colonEnd = colon + 1;
    const after = text.charCodeAt(colonEnd);
    if (text.charCodeAt(colon) === 0x3a) {
      if (after === 0x2f /* '/' */) return false; // https://…
      if (isDigitCode(after) && isDigitCode(label.charCodeAt(label.length - 1))) return false; // 10:30
    }

    let textStart = colonEnd;
    if (text.charCodeAt(textStart) === 0x2a && text.charCodeAt(textStart + 1) === 0x2a) textStart += 2; // **問：**
    while (textStart < lineEnd && isSpace(text.charCodeAt(textStart))) textStart++;

    this.label = label;
    this.labelStart = labelStart;
    this.labelEnd = labelEnd;
    this.colonStart = colon;
    this.colonEnd = colonEnd;
    this.textStart = Math.min(textStart, lineEnd);
    this.sentenceLike = verdict === 2;
    return true;
  }
}

function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

function isCloser(code: number): boolean {
  return code === 0x29 /* ) */ || code === 0x5d /* ] */ || code === 0xff09 /* ） */;
}

/** Where a time `H:MM`, `HH:MM:SS` or `HH:MM:SS.f` starting at `i` ends, or -1. */
function timeAt(text: string, i: number, end: number): number {
  let k = i;
  const digits = (min: number, max: number): boolean => {
    const from = k;
    while (k < end && k - from < max && isDigitCode(text.charCodeAt(k))) k++;
    return k - from >= min;
  };
  if (!digits(1, 2) || text.charCodeAt(k) !== 0x3a) return -1;
  k++;
  if (!digits(2, 2) || isDigitCode(text.charCodeAt(k))) return -1;
  if (text.charCodeAt(k) === 0x3a && isDigitCode(text.charCodeAt(k + 1))) {
    k++;
    if (!digits(2, 2) || isDigitCode(text.charCodeAt(k))) return -1;
  }
  const mark = text.charCodeAt(k);
  if ((mark === 0x2e || mark === 0x2c) && isDigitCode(text.charCodeAt(k + 1))) {
    k++;
    digits(1, 3);
  }
  return k;
}

/** The label at the start of one line, if any (a convenience over {@link LabelScanner}). */
export function matchLabel(text: string, lineStart: number, lineEnd: number, maxLength: number): LabelMatch | undefined {
  const scanner = new LabelScanner(maxLength);
  if (!scanner.scan(text, lineStart, lineEnd)) return undefined;
  return {
    label: scanner.label,
    labelSpan: { start: scanner.labelStart, end: scanner.labelEnd },
    colonSpan: { start: scanner.colonStart, end: scanner.colonEnd },
    ...(scanner.timestampStart >= 0
      ? { timestamp: { start: scanner.timestampStart, end: scanner.timestampEnd, text: text.slice(scanner.timestampStart, scanner.timestampEnd) } }
      : {}),
    textStart: scanner.textStart,
    sentenceLike: scanner.sentenceLike,
  };
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isPlausibleLabel(label: string, maxLength: number): boolean {
  if (label.length === 0 || label.length > maxLength) return false;
  if (!HAS_LETTER.test(label)) return false;
  if (FORBIDDEN.test(label) || LEADING_DASH.test(label)) return false;
  if (label.includes('.') && DOT_AFTER_NON_LETTER.test(label)) return false;
  return label.split(/\s+/).length <= 6;
}

function isSentenceLike(label: string): boolean {
  const words = label.split(/\s+/);
  if (words.length < 3) return false;
  let lower = 0;
  for (const word of words) if (LOWER_WORD.test(word)) lower++;
  return lower >= 2;
}
