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

const TIMESTAMP = '\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?';
const SPACE = '[ \\t\\u3000\\u00a0]';

const patternCache = new Map<number, RegExp>();

function labelPattern(maxLength: number): RegExp {
  let pattern = patternCache.get(maxLength);
  if (!pattern) {
    // Each part is captured so the offsets of later parts can be summed up without the `d` flag.
    pattern = new RegExp(
      '([ \\t\\u3000\\u00a0\\ufeff]*)' + // 1 indentation
        `((\\[?)(${TIMESTAMP})\\]?${SPACE}*)?` + // 2 leading timestamp with brackets and space, 3 "[", 4 time
        '(\\*\\*)?' + // 5 bold open
        `([^\\r\\n:：]{1,${maxLength + 8}}?)` + // 6 label (validated below)
        `(${SPACE}*[(\\[（](${TIMESTAMP})[)\\]）])?` + // 7 timestamp after the name, 8 time
        `${SPACE}*(?:\\*\\*)?` +
        '([:：])' + // 9 colon
        '(\\*\\*)?', // 10 bold close after the colon
      'y',
    );
    patternCache.set(maxLength, pattern);
  }
  return pattern;
}

// Sentence punctuation, quotes, brackets and markup never appear in a label.
const FORBIDDEN = /[，。？！,?!;；、"“”‘’「」『』《》〈〉<>{}=|\\/…()（）[\]#@*~`^_+%&$]/;
const DOT_AFTER_NON_LETTER = /(?:^|[^\p{L}])\./u;
const HAS_LETTER = /\p{L}/u;
const LEADING_DASH = /^[-–—•·]/;
const LOWER_WORD = /^\p{Ll}/u;
const INDENT_OR_SPACE = /[ \t\u3000\u00a0]/;

export function matchLabel(text: string, lineStart: number, lineEnd: number, maxLength: number): LabelMatch | undefined {
  const pattern = labelPattern(maxLength);
  pattern.lastIndex = lineStart;
  const m = pattern.exec(text);
  if (!m || pattern.lastIndex > lineEnd) return undefined;

  const indent = m[1];
  const leadingTimestamp = m[2];
  const rawLabel = m[6];
  const colonEnd = pattern.lastIndex - (m[10]?.length ?? 0);
  const colonStart = colonEnd - 1;

  let labelStart = lineStart + indent.length + (leadingTimestamp?.length ?? 0) + (m[5]?.length ?? 0);
  let labelEnd = labelStart + rawLabel.length;
  while (labelStart < labelEnd && INDENT_OR_SPACE.test(text[labelStart])) labelStart++;
  while (labelEnd > labelStart && INDENT_OR_SPACE.test(text[labelEnd - 1])) labelEnd--;
  const label = text.slice(labelStart, labelEnd);

  if (!isPlausibleLabel(label, maxLength)) return undefined;
  const colon = m[9];
  const after = text.charCodeAt(colonEnd);
  if (colon === ':' && after === 0x2f /* '/' */) return undefined; // https://…
  if (colon === ':' && isDigitCode(after) && isDigitCode(label.charCodeAt(label.length - 1))) return undefined; // 10:30

  let timestamp: LabelMatch['timestamp'];
  if (m[4] !== undefined && leadingTimestamp !== undefined) {
    const start = lineStart + indent.length + (m[3]?.length ?? 0);
    timestamp = { start, end: start + m[4].length, text: m[4] };
  } else if (m[8] !== undefined && m[7] !== undefined) {
    const suffixStart = lineStart + indent.length + (leadingTimestamp?.length ?? 0) + (m[5]?.length ?? 0) + rawLabel.length;
    const start = suffixStart + m[7].indexOf(m[8]);
    timestamp = { start, end: start + m[8].length, text: m[8] };
  }

  let textStart = pattern.lastIndex;
  while (textStart < lineEnd && INDENT_OR_SPACE.test(text[textStart])) textStart++;

  return {
    label,
    labelSpan: { start: labelStart, end: labelEnd },
    colonSpan: { start: colonStart, end: colonEnd },
    ...(timestamp ? { timestamp } : {}),
    textStart,
    sentenceLike: isSentenceLike(label),
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
