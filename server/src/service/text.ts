/** Small text helpers shared by the language features. */

/** One line, at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  // Only the start matters: fold at most a few times `max` UTF-16 units, not a whole long turn.
  let cut = Math.min(text.length, max * 4 + 16);
  if (cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--; // never split a surrogate pair
  const oneLine = text.slice(0, cut).replace(/\s+/g, ' ').trim();
  // Count characters (code points: an emoji is one, never split) without an array of them.
  let characters = 0;
  let keep = 0; // where the first `max - 1` characters end
  for (let i = 0; i < oneLine.length && characters <= max; i++) {
    const code = oneLine.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = oneLine.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++characters === max - 1) keep = i + 1;
  }
  return characters <= max ? oneLine : oneLine.slice(0, keep).trimEnd() + '…';
}

/** Escapes text for Markdown (hover contents). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

export { plural } from '../core/words';
