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

/** Finds annotations in `text` between `from` and `to`, calling `found` for each (start, end offsets). */
export function scanAnnotations(text: string, from: number, to: number, found: (start: number, end: number) => void): void {
  ANNOTATION.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = ANNOTATION.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (end > to) break;
    if (gluedToWord(text, match.index, end)) {
      ANNOTATION.lastIndex = match.index + 1; // a note may still start inside, as in `word([laughs])`
      continue;
    }
    if (match[1].trim().split(/\s+/).length <= 4) found(match.index, end);
  }
}
