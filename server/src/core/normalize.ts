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
  const folded = nfkc(text).toLowerCase();
  return folded.replace(NOT_WORD, '');
}
