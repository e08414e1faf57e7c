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

/**
 * The same normal form, computed in one pass for the common text of transcripts: ASCII, CJK
 * ideographs, CJK punctuation and full-width ASCII. Returns undefined as soon as a character needs
 * the general path (NFKC with full Unicode tables).
 */
function normalizeSimple(text: string): string | undefined {
  let result = '';
  let runStart = 0; // start of a run of characters kept as they are
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) continue; // CJK unified ideograph: kept
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // full-width ASCII → ASCII (as NFKC does)
    else if ((code >= 0x3000 && code <= 0x3004) || (code >= 0x3008 && code <= 0x3020) || code === 0x3030 || (code >= 0x303d && code <= 0x303f) || code === 0xff5f || code === 0xff60) {
      // CJK spaces, punctuation and symbols: dropped. (The rest of U+3000–303F holds letters,
      // numbers and marks such as 々 〇 〡 〪, which take the general path.)
      result += text.slice(runStart, i);
      runStart = i + 1;
      continue;
    } else if (code >= 0x80) return undefined;
    // ASCII: letters and digits kept (lower-cased), everything else dropped.
    const isDigit = code >= 0x30 && code <= 0x39;
    const isLower = code >= 0x61 && code <= 0x7a;
    const isUpper = code >= 0x41 && code <= 0x5a;
    if (isLower || isDigit) {
      if (code === text.charCodeAt(i)) continue; // unchanged: stays in the run
      result += text.slice(runStart, i) + String.fromCharCode(code);
    } else if (isUpper) {
      result += text.slice(runStart, i) + String.fromCharCode(code + 32);
    } else {
      result += text.slice(runStart, i);
    }
    runStart = i + 1;
  }
  return runStart === 0 ? text : result + text.slice(runStart);
}
