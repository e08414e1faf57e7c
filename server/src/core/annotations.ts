/** Inline annotations inside turns: `(APPLAUSE)`, `[inaudible]`, `(laughs)`, `[crosstalk]`, `（笑）`. */

/**
 * A bracketed or parenthesised note: a few words that start with a letter, optionally followed by a
 * time (`[inaudible 00:12:03]`) or a full stop (`(Laughter.)`, `(Cross-talk.)`). Bracketed times
 * alone (`[00:01:23]`) and long asides are not notes. ASCII brackets glued to a Latin letter or
 * digit are part of a word, not a note: `word(s)`, and the omitted sounds of CHAT (`goin(g)`,
 * `(th)em`, `ye(a)h`).
 */
export const ANNOTATION = /[(\[（【]([\p{L}][\p{L}\p{M}' -]{0,30}(?: \d{1,2}:\d{2}(?::\d{2})?)?)\.?[)\]）】]/gu;

const ALNUM = /[A-Za-z0-9]/;

/** An ASCII bracket glued to a Latin letter or digit on its outer side (`goin(g)`, `(th)em`). */
function gluedToWord(text: string, start: number, end: number): boolean {
  const open = text[start];
  const close = text[end - 1];
  return ((open === '(' || open === '[') && start > 0 && ALNUM.test(text[start - 1])) || ((close === ')' || close === ']') && end < text.length && ALNUM.test(text[end]));
}

/** At most four words: a note, not an aside. (Only spaces can separate the words {@link ANNOTATION} takes.) */
function fewWords(note: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < note.length; i++) {
    const space = note.charCodeAt(i) === 0x20;
    if (!space && !inWord && ++words > 4) return false;
    inWord = !space;
  }
  return true;
}

/**
 * The characters the parser looks for in all of a document's text, found in one pass by the
 * regular-expression engine's own search: question marks and the brackets that open annotations.
 */
const MARK_CHARS = /[?？(\[（【]/g;

/** Where the characters of {@link MARK_CHARS} are in a document, in order. */
export class TextMarks {
  /**
   * Every mark, ascending (`marks[0..count)`): its offset times two, plus 1 for a question mark
   * (0 for a bracket). Read while the character is at hand, so no later pass reads the text again.
   */
  marks = new Int32Array(1024);
  count = 0;

  constructor(text: string) {
    MARK_CHARS.lastIndex = 0;
    while (MARK_CHARS.test(text)) {
      if (this.count === this.marks.length) {
        const bigger = new Int32Array(this.marks.length * 2);
        bigger.set(this.marks);
        this.marks = bigger;
      }
      const at = MARK_CHARS.lastIndex - 1;
      const code = text.charCodeAt(at);
      this.marks[this.count++] = 2 * at + (code === 0x3f || code === 0xff1f ? 1 : 0);
    }
  }
}

/** {@link ANNOTATION} anchored where it is tried. */
const ANNOTATION_AT = new RegExp(ANNOTATION.source, 'uy');

/**
 * Visits the question marks and annotations of `text[from..to)` from the document's
 * {@link TextMarks}: calls `questionMark` for every `?` and `？` (inside annotations too), and
 * `annotation` for every annotation (a match of {@link ANNOTATION} that is not glued to a word and
 * has at most four words; none starts inside the previous one), in document order.
 */
export function scanMarks(
  text: string,
  marks: TextMarks,
  from: number,
  to: number,
  questionMark: (at: number) => void,
  annotation: (start: number, end: number) => void,
): void {
  const { marks: found, count } = marks;
  /** No annotation starts before the end of the previous one (as with a global search). */
  let annotationFrom = from;
  let annotations = true;
  let k = 0;
  while (k < count && found[k] >> 1 < from) k++;
  for (; k < count; k++) {
    const at = found[k] >> 1;
    if (at >= to) break;
    if (found[k] & 1) {
      questionMark(at);
      continue;
    }
    if (!annotations || at < annotationFrom) continue;
    ANNOTATION_AT.lastIndex = at;
    const match = ANNOTATION_AT.exec(text);
    if (match === null) continue;
    const end = at + match[0].length;
    if (end > to) {
      annotations = false;
      continue;
    }
    if (gluedToWord(text, at, end)) continue; // a note may still start inside, as in `word([laughs])`
    annotationFrom = end;
    if (fewWords(match[1])) annotation(at, end);
  }
}
