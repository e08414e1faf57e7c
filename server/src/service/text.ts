/** Small text helpers shared by the language features. */
import { isWhitespace } from '../core/lines';

/** One line, at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return cutToLength(text, 0, text.length, max, true) ?? shortenFolding(text, max);
}

/** {@link shorten} of `text[from..to)` without the whitespace at its ends (as `trim` leaves it), without copying it first. */
export function shortenTrimmed(text: string, from: number, to: number, max: number): string {
  while (from < to && isWhitespace(text.charCodeAt(from))) from++;
  while (to > from && isWhitespace(text.charCodeAt(to - 1))) to--;
  return cutToLength(text, from, to, max, true) ?? shortenFolding(text.slice(from, to), max);
}

/** {@link shorten} of a text with whitespace to fold or trim among its first `max` characters. */
function shortenFolding(text: string, max: number): string {
  // Only the start matters: fold at most a few times `max` UTF-16 units, not a whole long turn.
  let cut = Math.min(text.length, max * 4 + 16);
  if (cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--; // never split a surrogate pair
  const oneLine = text.slice(0, cut).replace(/\s+/g, ' ').trim();
  return cutToLength(oneLine, 0, oneLine.length, max, false) ?? '';
}

/**
 * `text[from..to)` if it has at most `max` characters (code points: an emoji is one, never split),
 * else its first `max - 1` and an ellipsis. With `stopAtSpace`, undefined as soon as whitespace
 * comes first: most names (a Chinese question, the start of a turn) have none among their first
 * `max` characters, nothing to fold or trim, and are counted where they are, without copies.
 */
function cutToLength(text: string, from: number, to: number, max: number, stopAtSpace: boolean): string | undefined {
  let characters = 0;
  let keep = from; // where the first `max - 1` characters end
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (stopAtSpace && isWhitespace(code)) return undefined;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++characters === max - 1) keep = i + 1;
    if (characters > max) return text.slice(from, keep).trimEnd() + '…';
  }
  return text.slice(from, to);
}

/** Escapes text for Markdown (hover contents). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

export { plural } from '../core/words';
