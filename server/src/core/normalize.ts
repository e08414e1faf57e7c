/** Text normalization shared by speaker matching and question comparison. */

const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC, skipped for pure ASCII (already normalized) to keep large documents fast. */
export function nfkc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text;
}

/**
 * The key two labels are compared by: NFKC (so full-width `Ｑ` and `Q` match), surrounding
 * whitespace trimmed and inner runs of whitespace folded to one space. Case is kept: `MS. PSAKI`
 * and `Ms. Psaki` are different labels (the drift between them is reported separately).
 */
export function speakerKey(label: string): string {
  return nfkc(label).replace(/\s+/g, ' ').trim();
}

/** Case-insensitive form of a label, for matching against role words (`q`, `question`, `提问`). */
export function roleWord(label: string): string {
  return speakerKey(label).toLowerCase();
}

// Everything that is not a letter, mark or number: punctuation, symbols, separators, controls.
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The form questions are compared in: NFKC, case-folded, without whitespace, punctuation and
 * symbols. Label, timestamp and annotations are not part of the text passed in.
 */
export function normalizeQuestion(text: string): string {
  return normalizeSimple(text) ?? nfkc(text).toLowerCase().replace(NOT_WORD, '');
}

/** {@link simpleUnit}: the unit is dropped from the normal form. */
const DROP = -1;
/** {@link simpleUnit}: the unit needs the general path (NFKC with full Unicode tables). */
const GENERAL = -2;

/**
 * What the normal form makes of one UTF-16 unit, for the common text of transcripts (ASCII, CJK
 * ideographs, CJK punctuation and full-width ASCII): the unit it becomes (lower-cased, full-width
 * folded to ASCII as NFKC does), {@link DROP} or {@link GENERAL}.
 */
function simpleUnit(code: number): number {
  if (code >= CJK_FIRST && code <= CJK_LAST) return code; // CJK unified ideograph: kept
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // full-width ASCII → ASCII (as NFKC does)
  else if ((code >= 0x3000 && code <= 0x3004) || (code >= 0x3008 && code <= 0x3020) || code === 0x3030 || (code >= 0x303d && code <= 0x303f) || code === 0xff5f || code === 0xff60) {
    // CJK spaces, punctuation and symbols: dropped. (The rest of U+3000–303F holds letters,
    // numbers and marks such as 々 〇 〡 〪, which take the general path.)
    return DROP;
  } else if (code >= 0x80) return GENERAL;
  // ASCII: letters and digits kept (lower-cased), everything else dropped.
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  return DROP;
}

/**
 * The same normal form, computed in one pass for the common text of transcripts. Returns undefined
 * as soon as a character needs the general path.
 */
function normalizeSimple(text: string): string | undefined {
  let result = '';
  let runStart = 0; // start of a run of characters kept as they are
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const unit = simpleUnit(code);
    if (unit === code) continue; // unchanged: stays in the run
    if (unit === GENERAL) return undefined;
    result += text.slice(runStart, i);
    if (unit !== DROP) result += String.fromCharCode(unit);
    runStart = i + 1;
  }
  return runStart === 0 ? text : result + text.slice(runStart);
}

/**
 * Writes the normal form of `text[from..to)` ({@link normalizeQuestion}) into `out` from index
 * `at`, without making a string, and returns the index after it, for the common text of
 * transcripts; -1 as soon as a character needs the general path (what was written until then is
 * to be ignored: use {@link normalizeQuestion}), and with `stopAtBracket` {@link BRACKET} at the
 * first bracket. `out` must have room for `to - from` units. Piece by piece, it gives the normal
 * form of a text with spans cut out. With `hashes`, it also sets `hashes[slot]` to the
 * {@link unitsHash} of the units it wrote (when it returns their end).
 */
export function normalizeSimpleInto(
  text: string,
  from: number,
  to: number,
  out: Uint16Array,
  at: number,
  stopAtBracket = false,
  hashes?: Int32Array,
  slot = 0,
): number {
  const units = simpleUnits();
  let k = at;
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    let unit = text.charCodeAt(i);
    // A CJK unified ideograph (most of a Chinese text) is kept as it is: no table lookup.
    if (unit < CJK_FIRST || unit > CJK_LAST) {
      unit = units[unit];
      if (unit < 0) {
        if (unit === GENERAL) return -1;
        if (unit === BRACKET && stopAtBracket) return BRACKET;
        continue;
      }
    }
    out[k++] = unit;
    hash = Math.imul(hash ^ unit, FNV_PRIME);
  }
  if (hashes !== undefined) hashes[slot] = finishHash(hash);
  return k;
}

/** The CJK unified ideographs, which the normal form keeps as they are ({@link simpleUnit}). */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function finishHash(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A hash of `units[from..to)` (FNV-1a over the UTF-16 units, then mixed). */
export function unitsHash(units: Uint16Array, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ units[i], FNV_PRIME);
  return finishHash(hash);
}

/**
 * {@link normalizeSimpleInto} with `stopAtBracket`: the text has a bracket that may open an
 * annotation (`(`, `[`, `（`, `【`), whose words are not part of what was said.
 */
export const BRACKET = -3;

let simpleUnitTable: Int32Array | undefined;

/** {@link simpleUnit} of every UTF-16 unit, as a table (256 KB, made on first use): one load per character. */
function simpleUnits(): Int32Array {
  if (simpleUnitTable === undefined) {
    simpleUnitTable = new Int32Array(0x10000);
    for (let code = 0; code < 0x10000; code++) simpleUnitTable[code] = simpleUnit(code);
    // Dropped like any punctuation, but said apart: they may open an annotation.
    for (const bracket of '([（【') simpleUnitTable[bracket.charCodeAt(0)] = BRACKET;
  }
  return simpleUnitTable;
}

/** Copies a string's units into `out` from `at`; the index after them, or -1 if they do not fit. */
export function copyInto(text: string, out: Uint16Array, at: number): number {
  if (at + text.length > out.length) return -1;
  for (let j = 0; j < text.length; j++) out[at + j] = text.charCodeAt(j);
  return at + text.length;
}
