/** Small text helpers shared by the language features. */
import { isWhitespace } from '../core/lines';

/** One line, at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  // Most names (a Chinese question, the start of a turn) have no whitespace among their first `max`
  // characters: nothing to fold or trim, so they are counted where they are, without copies.
  const plain = cutToLength(text, max, true);
  if (plain !== undefined) return plain;
  // Only the start matters: fold at most a few times `max` UTF-16 units, not a whole long turn.
  let cut = Math.min(text.length, max * 4 + 16);
  if (cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--; // never split a surrogate pair
  return cutToLength(text.slice(0, cut).replace(/\s+/g, ' ').trim(), max, false) ?? '';
}

/**
 * `text` if it has at most `max` characters (code points: an emoji is one, never split), else its
 * first `max - 1` and an ellipsis. With `stopAtSpace`, undefined as soon as whitespace comes first.
 */
function cutToLength(text: string, max: number, stopAtSpace: boolean): string | undefined {
  let characters = 0;
  let keep = 0; // where the first `max - 1` characters end
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (stopAtSpace && (code > 0x3000 ? code === 0xfeff : isWhitespace(code))) return undefined;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++characters === max - 1) keep = i + 1;
    if (characters > max) return text.slice(0, keep).trimEnd() + '…';
  }
  return text;
}

/** Escapes text for Markdown (hover contents). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

export { plural } from '../core/words';
