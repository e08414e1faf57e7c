import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shorten, shortenTrimmed } from '../../server/src/service/text';

/** The definition: one line, whitespace folded, at most `max` characters (code points), an ellipsis when cut. */
function reference(text: string, max: number): string {
  let cut = Math.min(text.length, max * 4 + 16);
  if (cut < text.length && /[\ud800-\udbff]/.test(text[cut - 1])) cut--;
  const oneLine = text.slice(0, cut).replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length <= max ? oneLine : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

describe('shorten', () => {
  it('keeps short text, folds whitespace and cuts long text with an ellipsis', () => {
    expect(shorten('  What   is\nthe plan?  ', 60)).toBe('What is the plan?');
    expect(shorten('请问城市马拉松的报名人数是多少？', 8)).toBe('请问城市马拉松…');
    expect(shorten('ab😀cdef', 4)).toBe('ab😀…');
    expect(shorten('abc', 3)).toBe('abc');
  });

  it('counts code points as the string iterator does (emoji and lone surrogates), for any text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('😀', '\ud83d', '\ude00', ' ', '\n', '问', 'a', '\t'), fc.string({ maxLength: 3 })), { maxLength: 40 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (parts, max) => {
        const input = parts.join('');
        expect(shorten(input, max)).toBe(reference(input, max));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same for text without whitespace (counted where it is) and with every kind of it', () => {
    const unit = fc.constantFrom('问', '题', 'a', '？', '，', '😀', '\ud83d', '\ude00', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u205f', '\u3001', '\uff1f');
    // Mostly without whitespace (the common case), sometimes with it anywhere, long and short.
    const text = fc.oneof(
      fc.array(fc.constantFrom('问', '题', 'a', '？', '😀', '\ud83d', '\ude00', '\u3001', '\uff1f'), { maxLength: 140 }),
      fc.array(unit, { maxLength: 140 }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 64 }), (parts, max) => {
        const input = parts.join('');
        expect(shorten(input, max)).toBe(reference(input, max));
      }),
      { numRuns: 2000 },
    );
    expect(shorten('问'.repeat(61), 60)).toBe('问'.repeat(59) + '…');
    expect(shorten('问'.repeat(60), 60)).toBe('问'.repeat(60));
    expect(shorten('问'.repeat(59) + '\u3000', 60)).toBe('问'.repeat(59));
  });

  it('shortens a span of a text as the trimmed slice would be, a surrogate pair at its end cut or not', () => {
    const unit = fc.constantFrom('问', 'a', ' ', '\u3000', '\n', '\ufeff', '😀', '\ud83d', '\ude00', '？');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 30 }), (parts, a, b, max) => {
        const text = parts.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        expect(shortenTrimmed(text, from, to, max)).toBe(reference(text.slice(from, to).trim(), max));
      }),
      { numRuns: 2000 },
    );
  });
});
