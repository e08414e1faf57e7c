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
 * The annotations in `text[from..to)` (a turn's text), in order, as `[start, end, start, end, …]`
 * offsets: matches of {@link ANNOTATION} that are not glued to a word and have at most four words,
 * none starting inside the previous one.
 */
export function findAnnotations(text: string, from: number, to: number): number[] {
  const found: number[] = [];
  // The search runs over the range alone (a slice shares the text's characters), so it never looks
  // past it; whether a bracket is glued to a word is checked in the whole text.
  const range = text.slice(from, to);
  ANNOTATION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ANNOTATION.exec(range)) !== null) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (gluedToWord(text, start, end)) {
      ANNOTATION.lastIndex = match.index + 1; // a note may still start inside, as in `word([laughs])`
      continue;
    }
    if (fewWords(match[1])) found.push(start, end);
  }
  return found;
}
