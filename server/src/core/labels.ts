/**
 * Recognizes a speaker label at the start of a line:
 *
 *     [indent] [timestamp] [**] Label [(timestamp)] [**] (：|:) [**] text      (style `colon`)
 *     [indent] *CODE:<tab> text                                                 (style `chat`, CHAT main tier)
 *     [indent] [timestamp] Q|A|问|問|答 <two spaces, a tab or a no-break space> text   (style `bare`)
 *     [indent] Label <spaces> 0:05                                               (style `heading`, text on the next lines)
 *
 * Indentation may be spaces, tabs, U+3000, U+00A0, a form feed or a BOM. Timestamps: `[00:01:23]`,
 * `[01:23]`, `00:01:23`, `00:03:40.5`, and `Name (00:01:23):` after the name.
 * All offsets are UTF-16 offsets into the whole document string. A label without a colon has an
 * empty colon span right after the label.
 */

import { copyInto } from './normalize';

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
  style: LabelStyleCode;
}

/** How a label is written, as a small number (see {@link LabelScanner}); index into {@link LABEL_STYLES}. */
export type LabelStyleCode = 0 | 1 | 2 | 3;
export const LabelStyleCode = { Colon: 0, Chat: 1, Bare: 2, Heading: 3 } as const;

export const LABEL_STYLES = ['colon', 'chat', 'bare', 'heading'] as const;

// Sentence punctuation, quotes, brackets and markup never appear in a label.
const FORBIDDEN = /[，。？！,?!;；、"“”‘’「」『』《》〈〉<>{}=|\\/…()（）[\]#@*~`^_+%&$]/;
const DOT_AFTER_NON_LETTER = /(?:^|[^\p{L}])\./u;
const HAS_LETTER = /\p{L}/u;
const LEADING_DASH = /^[-–—•·]/;
const LOWER_WORD = /^\p{Ll}/u;

/** How many recent labels {@link LabelScanner} compares a line with before slicing a new string. */
const RECENT_LABELS = 8;
/** How much longer than the maximum label length the text before a colon may be (spaces and `**` around the label). */
const MAX_LABEL_SLACK = 8;
/** How many recent label-line beginnings {@link LabelScanner} tries before scanning a line. */
const RECENT_PREFIXES = 4;

/** The beginning of a label line (indentation, label, colon) and what the scan found in it; offsets from the line's start. */
export interface LabelPrefix {
  /** The line's beginning as UTF-16 units, up to and including the colon: compared one by one, faster than `startsWith` for a few units. */
  readonly units: Uint16Array;
  /** Where the colon ends: the length of {@link units}. */
  readonly colonEnd: number;
  readonly label: string;
  readonly labelStart: number;
  readonly labelEnd: number;
  /** The label's first UTF-16 unit: a cheap first test before comparing the whole prefix. */
  readonly firstCode: number;
  readonly asciiColon: boolean;
  readonly sentenceLike: boolean;
  /** Free for the scanner's caller ({@link LabelScanner.matchedPrefix}); -1 at first. */
  tag: number;
}

/** The UTF-16 units of `text[from..to)` (made once per remembered line beginning). */
function codeUnits(text: string, from: number, to: number): Uint16Array {
  const units = new Uint16Array(to - from);
  copyInto(text.slice(from, to), units, 0);
  return units;
}

/** Whether the line at `lineStart` starts with `prefix` (a cheap test of the label's first unit first). */
function startsWithPrefix(text: string, lineStart: number, lineEnd: number, prefix: LabelPrefix): boolean {
  const units = prefix.units;
  const length = units.length;
  if (lineStart + length > lineEnd || text.charCodeAt(lineStart + prefix.labelStart) !== prefix.firstCode) return false;
  for (let k = 0; k < length; k++) if (text.charCodeAt(lineStart + k) !== units[k]) return false;
  return true;
}

/** After an ASCII colon: `https://…` or a clock time (`10:30`, the label ending in a digit): not a label. */
function urlOrClockAfterColon(text: string, colonEnd: number, label: string): boolean {
  const after = text.charCodeAt(colonEnd);
  return after === 0x2f /* '/' */ || (isDigitCode(after) && isDigitCode(label.charCodeAt(label.length - 1)));
}

/** Where a label's text starts: after the colon, a closing `**` (`**問：**`) and spaces. */
export function textAfterColon(text: string, colonEnd: number, lineEnd: number): number {
  let textStart = colonEnd;
  if (text.charCodeAt(textStart) === 0x2a && text.charCodeAt(textStart + 1) === 0x2a) textStart += 2;
  while (textStart < lineEnd && isSpace(text.charCodeAt(textStart))) textStart++;
  return Math.min(textStart, lineEnd);
}

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
  style: LabelStyleCode = LabelStyleCode.Colon;
  /** Written label → 0 (not a label), 1 (a label), 2 (a sentence-like label). */
  private readonly verdicts = new Map<string, number>();

  /**
   * The last few distinct labels seen, most recent first: a line whose label is one of them gets the
   * very same string, without slicing a new one and hashing it (a transcript has few labels, each
   * on thousands of lines).
   */
  private readonly recent: string[] = [];
  /** How the last few label lines start, most recent first ({@link knownPrefix}). */
  private readonly prefixes: LabelPrefix[] = [];
  /** The prefixes of the last two label lines that had one. */
  private previous: LabelPrefix | undefined;
  private beforePrevious: LabelPrefix | undefined;
  /**
   * The remembered prefix the last successful scan matched or remembered (undefined for a label
   * found otherwise): its {@link LabelPrefix.tag} is the caller's, to keep what it derives from
   * the label (an id) with the prefix rather than look it up again.
   */
  matchedPrefix: LabelPrefix | undefined;
  /** The verdict ({@link verdictOf}) of each of {@link recent}. */
  private readonly recentVerdicts: number[] = [];

  constructor(private readonly maxLength: number) {}

  /** 0 (not a label), 1 (a label), 2 (a sentence-like label): decided once per written label. */
  private verdictOf(label: string): number {
    let verdict = this.verdicts.get(label);
    if (verdict === undefined) {
      verdict = isPlausibleLabel(label, this.maxLength) ? (isSentenceLike(label) ? 2 : 1) : 0;
      this.verdicts.set(label, verdict);
    }
    return verdict;
  }

  /** Which of the recent labels is written at `text[start..end)`, or -1. */
  private recentLabel(text: string, start: number, end: number): number {
    const recent = this.recent;
    for (let k = 0; k < recent.length; k++) {
      const label = recent[k];
      if (label.length === end - start && text.startsWith(label, start)) return k;
    }
    return -1;
  }

  /** Makes `label` the most recent label (index 0), with its verdict. */
  private remember(label: string): string {
    const { recent, recentVerdicts } = this;
    if (recent.length === RECENT_LABELS) {
      recent.pop();
      recentVerdicts.pop();
    }
    recent.unshift(label);
    recentVerdicts.unshift(this.verdictOf(label));
    return label;
  }

  /** Records a label found on the line (the fields a successful scan describes). */
  private found(label: string, labelStart: number, labelEnd: number, colonStart: number, colonEnd: number, textStart: number, style: LabelStyleCode): true {
    this.label = label;
    this.labelStart = labelStart;
    this.labelEnd = labelEnd;
    this.colonStart = colonStart;
    this.colonEnd = colonEnd;
    this.textStart = textStart;
    this.style = style;
    return true;
  }

  scan(text: string, lineStart: number, lineEnd: number): boolean {
    const prefix = this.knownPrefix(text, lineStart, lineEnd);
    if (prefix === undefined) return this.scanFull(text, lineStart, lineEnd);
    const colonEnd = lineStart + prefix.colonEnd;
    this.matchedPrefix = prefix;
    this.timestampStart = -1;
    this.timestampEnd = -1;
    this.sentenceLike = prefix.sentenceLike;
    return this.found(prefix.label, lineStart + prefix.labelStart, lineStart + prefix.labelEnd, colonEnd - 1, colonEnd, textAfterColon(text, colonEnd, lineEnd), LabelStyleCode.Colon);
  }

  /**
   * The recent label line's beginning (`　　提问：`, up to and including the colon) that this line
   * starts with exactly, if any: then it has the same label, and {@link scan} would find it from
   * the prefix alone (the label starts and ends where the prefix says, the colon ends the prefix,
   * the text starts after it: {@link textAfterColon}, and the label is not sentence-like unless the
   * prefix says so), since a remembered label has no timestamp and no bracket. Only what follows
   * the colon is looked at: the URL and clock checks of an ASCII colon. A caller that takes the
   * result from the prefix skips the fields of {@link scan}; otherwise it calls {@link scanFull}.
   */
  knownPrefix(text: string, lineStart: number, lineEnd: number): LabelPrefix | undefined {
    // First the prefix of the label line before the last one: in an interview, questions and
    // answers take turns.
    const guess = this.beforePrevious;
    let prefix = guess !== undefined && startsWithPrefix(text, lineStart, lineEnd, guess) ? guess : undefined;
    if (prefix === undefined) {
      const prefixes = this.prefixes;
      for (let k = 0; k < prefixes.length; k++) {
        if (prefixes[k] !== guess && startsWithPrefix(text, lineStart, lineEnd, prefixes[k])) {
          prefix = prefixes[k];
          break;
        }
      }
      if (prefix === undefined) return undefined;
    }
    if (prefix.asciiColon && urlOrClockAfterColon(text, lineStart + prefix.colonEnd, prefix.label)) return undefined; // the full scan decides (a heading?)
    this.beforePrevious = this.previous;
    this.previous = prefix;
    return prefix;
  }

  /** {@link scan} of a line that starts with no {@link knownPrefix}. */
  scanFull(text: string, lineStart: number, lineEnd: number): boolean {
    this.matchedPrefix = undefined;
    if (!this.scanLine(text, lineStart, lineEnd)) return false;
    if (this.style === LabelStyleCode.Colon && this.timestampStart < 0) this.rememberPrefix(text, lineStart);
    return true;
  }

  /** Remembers how the label line just scanned starts (most recent first). */
  private rememberPrefix(text: string, lineStart: number): void {
    const prefixes = this.prefixes;
    if (prefixes.length === RECENT_PREFIXES) prefixes.pop();
    const prefix: LabelPrefix = {
      units: codeUnits(text, lineStart, this.colonEnd),
      colonEnd: this.colonEnd - lineStart,
      label: this.label,
      labelStart: this.labelStart - lineStart,
      labelEnd: this.labelEnd - lineStart,
      firstCode: text.charCodeAt(this.labelStart),
      asciiColon: text.charCodeAt(this.colonStart) === 0x3a,
      sentenceLike: this.sentenceLike,
      tag: -1,
    };
    prefixes.unshift(prefix);
    this.beforePrevious = this.previous;
    this.previous = prefix;
    this.matchedPrefix = prefix;
  }

  private scanLine(text: string, lineStart: number, lineEnd: number): boolean {
    // Indentation.
    let i = lineStart;
    while (i < lineEnd && isIndent(text.charCodeAt(i))) i++;
    this.timestampStart = -1;
    this.timestampEnd = -1;
    this.sentenceLike = false;
    this.style = LabelStyleCode.Colon;

    // A CHAT main tier: `*CHI:` + tab. A single `*` never starts any other label.
    if (text.charCodeAt(i) === 0x2a /* * */ && text.charCodeAt(i + 1) !== 0x2a) return this.scanChatTier(text, i, lineEnd);

    // A leading timestamp: `[00:01:23] `, `00:01:23 `, `00:03:40.5`.
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

    // `Q    Thanks, Jen.`: a role letter with no colon, then wide spacing.
    if (this.scanBareRole(text, i, lineEnd)) return true;
    if (this.scanColonLabel(text, i, lineEnd)) return true;
    // `Sam Reyes  0:05` alone on its line (the text follows on the next lines).
    return this.timestampStart < 0 && this.scanHeading(text, i, lineEnd);
  }

  /** `Label:` from `i` (after indentation, a leading timestamp and `**`). */
  private scanColonLabel(text: string, i: number, lineEnd: number): boolean {
    // The label runs to the first colon, or to `(00:01:23)` right before a colon.
    const rawStart = i;
    // A colon or bracket any further makes the label too long (below): no need to look further.
    const limit = Math.min(lineEnd, rawStart + this.maxLength + MAX_LABEL_SLACK + 1);
    let rawEnd = -1;
    let colon = -1;
    let trailingStart = -1;
    let trailingEnd = -1;
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
          trailingStart = k + 1;
          trailingEnd = time;
        }
        rawEnd = k;
        colon = after;
        break;
      }
    }
    if (colon < 0 || rawEnd - rawStart > this.maxLength + MAX_LABEL_SLACK) return false;

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
    const recent = this.recentLabel(text, labelStart, labelEnd);
    const label = recent >= 0 ? this.recent[recent] : this.remember(text.slice(labelStart, labelEnd));
    const verdict = this.recentVerdicts[recent >= 0 ? recent : 0];
    if (verdict === 0) return false;
    const colonEnd = colon + 1;
    if (text.charCodeAt(colon) === 0x3a && urlOrClockAfterColon(text, colonEnd, label)) return false;
    if (trailingStart >= 0) {
      this.timestampStart = trailingStart;
      this.timestampEnd = trailingEnd;
    }
    this.sentenceLike = verdict === 2;
    return this.found(label, labelStart, labelEnd, colon, colonEnd, textAfterColon(text, colonEnd, lineEnd), LabelStyleCode.Colon);
  }

  /** `*CODE:` followed by a tab, a space or the line end; `i` is at the `*`. */
  private scanChatTier(text: string, i: number, lineEnd: number): boolean {
    const codeStart = i + 1;
    let k = codeStart;
    if (!isUpperAscii(text.charCodeAt(k))) return false;
    while (k < lineEnd && k - codeStart < 16 && isCodeChar(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x3a /* : */ || k - codeStart > this.maxLength) return false;
    const after = k + 1;
    if (after < lineEnd && !isSpace(text.charCodeAt(after))) return false;
    let textStart = after;
    while (textStart < lineEnd && isSpace(text.charCodeAt(textStart))) textStart++;
    return this.found(text.slice(codeStart, k), codeStart, k, k, after, textStart, LabelStyleCode.Chat);
  }

  /**
   * A role letter (`Q`, `A`, `问`, `問`, `答`, full-width `Ｑ`, `Ａ`) with no colon, followed by a tab,
   * a no-break space or at least two spaces, then text (not a colon: `Q  : …` is a colon label).
   */
  private scanBareRole(text: string, i: number, lineEnd: number): boolean {
    if (!isBareRoleLetter(text.charCodeAt(i))) return false;
    const gap = text.charCodeAt(i + 1);
    if (!(gap === 0x09 || gap === 0xa0 || gap === 0x3000 || (gap === 0x20 && isWideGap(text.charCodeAt(i + 2))))) return false;
    let textStart = i + 1;
    while (textStart < lineEnd && isSpace(text.charCodeAt(textStart))) textStart++;
    if (textStart >= lineEnd) return false;
    const next = text.charCodeAt(textStart);
    if (next === 0x3a || next === 0xff1a) return false;
    return this.found(text[i], i, i + 1, i + 1, i + 1, textStart, LabelStyleCode.Bare);
  }

  /** `Label  0:05` with nothing after the time: an export that puts the text on the next lines. */
  private scanHeading(text: string, i: number, lineEnd: number): boolean {
    let end = lineEnd;
    while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === i || !isDigitCode(text.charCodeAt(end - 1))) return false;
    let timeStart = end;
    while (timeStart > i && isTimeChar(text.charCodeAt(timeStart - 1))) timeStart--;
    if (timeStart === i || !isSpace(text.charCodeAt(timeStart - 1))) return false;
    while (timeStart < end && !isDigitCode(text.charCodeAt(timeStart))) timeStart++;
    if (timeAt(text, timeStart, end) !== end) return false;
    let labelEnd = timeStart;
    while (labelEnd > i && isSpace(text.charCodeAt(labelEnd - 1))) labelEnd--;
    if (labelEnd === i) return false;
    const label = text.slice(i, labelEnd);
    if (label.includes(':') || label.includes('：')) return false;
    if (this.verdictOf(label) !== 1) return false;
    this.timestampStart = timeStart;
    this.timestampEnd = end;
    return this.found(label, i, labelEnd, labelEnd, labelEnd, lineEnd, LabelStyleCode.Heading);
  }
}

function isBareRoleLetter(code: number): boolean {
  return (
    code === 0x51 /* Q */ || code === 0x41 /* A */ || code === 0xff31 /* Ｑ */ || code === 0xff21 /* Ａ */ ||
    code === 0x95ee /* 问 */ || code === 0x554f /* 問 */ || code === 0x7b54 /* 答 */
  );
}

/** The second character of a gap of at least two spaces (or a no-break space). */
function isWideGap(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x09 || code === 0x3000;
}

function isUpperAscii(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isCodeChar(code: number): boolean {
  return isUpperAscii(code) || isDigitCode(code) || code === 0x5f /* _ */;
}

function isTimeChar(code: number): boolean {
  return isDigitCode(code) || code === 0x3a || code === 0x2e || code === 0x2c;
}

function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x0c /* form feed */;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

function isCloser(code: number): boolean {
  return code === 0x29 /* ) */ || code === 0x5d /* ] */ || code === 0xff09 /* ） */;
}

/** Where a time `H:MM`, `HH:MM:SS` or `HH:MM:SS.f` starting at `i` ends, or -1. */
function timeAt(text: string, i: number, end: number): number {
  if (!isDigitCode(text.charCodeAt(i))) return -1; // most lines: no time at all
  let k = digitsAt(text, i, end, 1, 2);
  if (k < 0 || text.charCodeAt(k) !== 0x3a) return -1;
  k = digitsAt(text, k + 1, end, 2, 2);
  if (k < 0 || isDigitCode(text.charCodeAt(k))) return -1;
  if (text.charCodeAt(k) === 0x3a && isDigitCode(text.charCodeAt(k + 1))) {
    k = digitsAt(text, k + 1, end, 2, 2);
    if (k < 0 || isDigitCode(text.charCodeAt(k))) return -1;
  }
  const mark = text.charCodeAt(k);
  if ((mark === 0x2e || mark === 0x2c) && isDigitCode(text.charCodeAt(k + 1))) return Math.max(k + 1, digitsAt(text, k + 1, end, 1, 3));
  return k;
}

/** Where a run of `min` to `max` digits from `i` (before `end`) ends, or -1 if it is shorter than `min`. */
function digitsAt(text: string, i: number, end: number, min: number, max: number): number {
  let k = i;
  while (k < end && k - i < max && isDigitCode(text.charCodeAt(k))) k++;
  return k - i >= min ? k : -1;
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
    style: scanner.style,
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
