/** Small text helpers shared by the language features. */

/** One line, at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  // Only the start matters: fold at most a few times `max` UTF-16 units, not a whole long turn.
  let cut = Math.min(text.length, max * 4 + 16);
  if (cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--; // never split a surrogate pair
  const head = text.slice(0, cut);
  const oneLine = head.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length <= max ? oneLine : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** Escapes text for Markdown (hover contents). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

export { plural } from '../core/words';
