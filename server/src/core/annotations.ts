/** Inline annotations inside turns: `(APPLAUSE)`, `[inaudible]`, `(laughs)`, `[crosstalk]`, `（笑）`. */

/**
 * A bracketed or parenthesised note: a few words that start with a letter, optionally followed by a
 * time (`[inaudible 00:12:03]`) or a full stop (`(Laughter.)`, `(Cross-talk.)`). Bracketed times
 * alone (`[00:01:23]`) and long asides are not notes. ASCII brackets glued to a Latin letter or
 * digit are part of a word, not a note: `word(s)`, and the omitted sounds of CHAT (`goin(g)`,
 * `(th)em`, `ye(a)h`).
 */
export const ANNOTATION = /(?:(?<![A-Za-z0-9])[(\[]|[（【])([\p{L}][\p{L}\p{M}' -]{0,30}(?: \d{1,2}:\d{2}(?::\d{2})?)?)\.?(?:[)\]](?![A-Za-z0-9])|[）】])/gu;

/** Finds annotations in `text` between `from` and `to`, calling `found` for each (start, end offsets). */
export function scanAnnotations(text: string, from: number, to: number, found: (start: number, end: number) => void): void {
  ANNOTATION.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = ANNOTATION.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (end > to) break;
    if (match[1].trim().split(/\s+/).length <= 4) found(match.index, end);
  }
}
