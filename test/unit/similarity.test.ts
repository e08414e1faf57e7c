import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnitTexts, findSimilarPairs, findSimilarPairsIn, MIN_SIMILAR_LENGTH } from '../../server/src/core/similarity';
import type { CodeUnitTexts, SimilarityMethod } from '../../server/src/core/similarity';

/** Reference: the Jaccard similarity of two strings' bags (multisets) of bigrams, computed the plain way. */
function exactJaccard(a: string, b: string): number {
  const grams = (text: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < text.length; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const bagB = grams(b);
  let shared = 0;
  for (const [gram, count] of grams(a)) shared += Math.min(count, bagB.get(gram) ?? 0);
  return shared / (a.length - 1 + (b.length - 1) - shared);
}

function bruteForce(texts: string[], threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < texts.length; j++) {
    for (let i = 0; i < j; i++) {
      if (texts[i].length < MIN_SIMILAR_LENGTH || texts[j].length < MIN_SIMILAR_LENGTH || texts[i] === texts[j]) continue;
      if (exactJaccard(texts[i], texts[j]) >= threshold) pairs.push([i, j]);
    }
  }
  return pairs;
}

describe('findSimilarPairs', () => {
  it('computes bigram Jaccard similarity', () => {
    expect(exactJaccard('abcd', 'abcd')).toBe(1);
    expect(exactJaccard('abcd', 'abce')).toBeCloseTo(2 / 4);
    expect(exactJaccard('abcd', 'wxyz')).toBe(0);
  });

  it('finds the same pairs as comparing all pairs', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'd', '城', '市', '马');
    const word = fc.array(alphabet, { minLength: 2, maxLength: 14 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.constantFrom(0.5, 0.7, 0.9), (texts, threshold) => {
        const found = findSimilarPairs(texts, threshold).map((pair) => [pair.first, pair.second]);
        expect(found).toEqual(bruteForce(texts, threshold));
      }),
      { numRuns: 200 },
    );
  });

  // Each candidate filter on its own (auto picks one by the data), with long texts, larger
  // alphabets and near-copies, so that pairs near the threshold are common.
  for (const method of ['prefix', 'partition'] as const) {
    it(`finds the same pairs as comparing all pairs (${method} filter)`, () => {
      const alphabet = fc.oneof(fc.constantFrom('a', 'b', 'c', '城', '市'), fc.integer({ min: 0x4e00, max: 0x4e40 }).map((code) => String.fromCharCode(code)));
      const word = fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((chars) => chars.join(''));
      const edit = fc.tuple(fc.nat(), fc.nat(3), alphabet);
      const texts = fc
        .tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), edit), { maxLength: 30 }))
        .map(([base, edits]) => [
          ...base,
          // Near-copies: one small edit (insert, replace or delete a character) of an earlier text.
          ...edits.map(([which, [at, kind, char]]) => {
            const source = base[which % base.length];
            const i = at % (source.length + 1);
            if (kind === 0) return source.slice(0, i) + char + source.slice(i);
            if (kind === 1) return source.slice(0, i) + char + source.slice(i + 1);
            return source.slice(0, i) + source.slice(i + 1);
          }),
        ]);
      // Thresholds with few decimals: a Jaccard index a hair below one (1e-9) counts as reaching it.
      const threshold = fc.oneof(fc.constantFrom(0.5, 0.6, 0.75, 0.8, 0.85, 0.9, 0.95, 1), fc.integer({ min: 500, max: 1000 }).map((n) => n / 1000));
      fc.assert(
        fc.property(texts, threshold, (list, t) => {
          const found = findSimilarPairs(list, t, method).map((pair) => [pair.first, pair.second]);
          expect(found).toEqual(bruteForce(list, t));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('reports the similarity of each pair', () => {
    const pairs = findSimilarPairs(['whatisthecityplan', 'whatisthecityplans', 'somethingelse'], 0.9);
    expect(pairs).toEqual([{ first: 0, second: 1, similarity: exactJaccard('whatisthecityplan', 'whatisthecityplans') }]);
  });
});

/** The strings a code-unit buffer holds. */
function stringsOf(texts: CodeUnitTexts): string[] {
  return Array.from({ length: texts.count }, (_, i) => String.fromCharCode(...texts.units.subarray(texts.starts[i], texts.ends[i])));
}

const METHODS: SimilarityMethod[] = ['auto', 'prefix', 'partition'];

describe('codeUnitTexts', () => {
  it('lays the texts out one after another, as UTF-16 code units', () => {
    const texts = codeUnitTexts(['ab', '', '城市😀', 'x']);
    expect(texts.count).toBe(4);
    expect(Array.from(texts.starts)).toEqual([0, 2, 2, 6]);
    expect(Array.from(texts.ends)).toEqual([2, 2, 6, 7]);
    expect(Array.from(texts.units)).toEqual([0x61, 0x62, 0x57ce, 0x5e02, 0xd83d, 0xde00, 0x78]);
    expect(stringsOf(texts)).toEqual(['ab', '', '城市😀', 'x']);
  });
});

describe('findSimilarPairsIn', () => {
  it('pairs texts whose bags of bigrams are equal or close, counting repeats, but never identical texts', () => {
    // 'abacad' and 'acabad' have the same bigrams {ab, ba, ac, ca, ad}, once each. 'aaaa', 'aaaaa'
    // and 'aaaaaa' have only 'aa', but three, four and five times: at most 4/5 alike.
    const texts = ['abacad', 'aaaa', 'acabad', 'aaaaaa', 'abacad', 'aaaaa', 'abcdefgh', 'abcdefgh'];
    for (const method of METHODS) {
      expect(findSimilarPairsIn(codeUnitTexts(texts), 0.9, method)).toEqual([
        { first: 0, second: 2, similarity: 1 },
        { first: 2, second: 4, similarity: 1 },
      ]);
      expect(findSimilarPairsIn(codeUnitTexts(texts), 0.8, method)).toContainEqual({ first: 3, second: 5, similarity: 0.8 });
    }
  });

  it('compares code units: surrogate pairs are two units, and texts under the minimum length never pair', () => {
    // '😀😀' is four code units with two distinct bigrams (d83d·de00, de00·d83d), like '😀😀😀';
    // '😀😁' has three (d83d·de01 besides), and '😀' is too short.
    const texts = ['😀😀', '😀😀😀', '😀😁', '😀', 'abc', 'abc', '😀😀x'];
    for (const method of METHODS) {
      const found = findSimilarPairsIn(codeUnitTexts(texts), 0.5, method).map((pair) => [pair.first, pair.second]);
      expect(found).toEqual(bruteForce(texts, 0.5));
      expect(found).toContainEqual([0, 1]);
    }
    expect(MIN_SIMILAR_LENGTH).toBe(4);
  });

  it('reads each text from its own range of the buffer, wherever it lies', () => {
    // Out of order, with unused units between texts, and two entries on one range (identical).
    const units = Uint16Array.from('##whatisthecityplans##whatisthecityplan#somethingelse', (c) => c.charCodeAt(0));
    const texts: CodeUnitTexts = { units, starts: Int32Array.from([22, 2, 40, 2]), ends: Int32Array.from([39, 20, 53, 20]), count: 4 };
    expect(stringsOf(texts)).toEqual(['whatisthecityplan', 'whatisthecityplans', 'somethingelse', 'whatisthecityplans']);
    for (const method of METHODS) {
      expect(findSimilarPairsIn(texts, 0.9, method)).toEqual([
        { first: 0, second: 1, similarity: exactJaccard('whatisthecityplan', 'whatisthecityplans') },
        { first: 0, second: 3, similarity: exactJaccard('whatisthecityplan', 'whatisthecityplans') },
      ]);
    }
  });

  it('finds the same pairs as comparing all pairs, for every method, from a buffer with gaps', () => {
    // Small alphabets (repeated bigrams are common), a surrogate pair, and near-copies.
    const alphabet = fc.constantFrom('a', 'b', 'c', '城', '市', '😀', '\ud83d');
    const word = fc.array(alphabet, { minLength: 0, maxLength: 24 }).map((chars) => chars.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.nat(2), alphabet);
    const texts = fc.tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(edit, { maxLength: 20 })).map(([base, edits]) => [
      ...base,
      ...edits.map(([which, at, kind, char]) => {
        const source = base[which % base.length];
        const i = at % (source.length + 1);
        if (kind === 0) return source.slice(0, i) + char + source.slice(i);
        if (kind === 1) return source.slice(0, i) + char + source.slice(i + 1);
        return source.slice(0, i) + source.slice(i + 1);
      }),
    ]);
    const threshold = fc.oneof(fc.constantFrom(0.5, 0.75, 0.8, 0.9, 1), fc.integer({ min: 400, max: 1000 }).map((n) => n / 1000));
    fc.assert(
      fc.property(texts, threshold, fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }), (list, t, gaps) => {
        // The texts in reverse order of index, with `gaps` units of junk between them.
        const units: number[] = [];
        const starts = new Int32Array(list.length);
        const ends = new Int32Array(list.length);
        for (let i = list.length - 1; i >= 0; i--) {
          for (let g = gaps[i % gaps.length]; g > 0; g--) units.push(0x5e02);
          starts[i] = units.length;
          for (let k = 0; k < list[i].length; k++) units.push(list[i].charCodeAt(k));
          ends[i] = units.length;
        }
        const buffer: CodeUnitTexts = { units: Uint16Array.from(units), starts, ends, count: list.length };
        const expected = bruteForce(list, t);
        for (const method of METHODS) {
          const found = findSimilarPairsIn(buffer, t, method);
          expect(found.map((pair) => [pair.first, pair.second])).toEqual(expected);
          for (const pair of found) expect(pair.similarity).toBe(exactJaccard(list[pair.first], list[pair.second]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same pairs as comparing all pairs for long texts too', () => {
    // Texts over 128 code units are deduplicated in a table of their own; mixed with short ones.
    const alphabet = fc.constantFrom('a', 'b', 'c', 'd', 'e', '城', '市', '规', '划');
    const text = fc.array(alphabet, { minLength: 100, maxLength: 300 }).map((chars) => chars.join(''));
    const texts = fc
      .tuple(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.nat(), alphabet), { maxLength: 8 }))
      .map(([base, edits]) => [
        ...base,
        ...edits.map(([which, at, char]) => {
          const source = base[which % base.length];
          const i = at % source.length;
          return source.slice(0, i) + char + source.slice(i + 1);
        }),
        ...base.map((source) => source.slice(0, 40)),
      ]);
    fc.assert(
      fc.property(texts, fc.constantFrom(0.8, 0.9, 0.95, 0.99), (list, t) => {
        const expected = bruteForce(list, t);
        for (const method of METHODS) expect(findSimilarPairsIn(codeUnitTexts(list), t, method).map((pair) => [pair.first, pair.second])).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same pairs when called again after a larger input (work arrays are reused)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `问题${i % 97}城市${(i * 7) % 13}规划${i % 5}`);
    const small = ['城市规划问题一', '城市规划问题二', '城市规划问题一', '完全不同的话题'];
    const expectedSmall = bruteForce(small, 0.6);
    const first = findSimilarPairsIn(codeUnitTexts(big), 0.9);
    for (const method of METHODS) {
      expect(findSimilarPairsIn(codeUnitTexts(small), 0.6, method).map((pair) => [pair.first, pair.second])).toEqual(expectedSmall);
    }
    expect(findSimilarPairsIn(codeUnitTexts(big), 0.9)).toEqual(first);
    expect(findSimilarPairsIn(codeUnitTexts(big), 0.9, 'prefix')).toEqual(first);
  });

  it('gives the same pairs when partition signatures are far too unselective (many sets share one group)', () => {
    // 6,000 texts that differ only in their last two characters: most of their groups are the same,
    // so partition filtering would compare nearly all pairs (and gives way to prefix filtering).
    const texts = Array.from({ length: 6000 }, (_, i) => 'qwertyuiopasdfgh' + String.fromCharCode(0x4e00 + (i % 80), 0x4f00 + Math.floor(i / 80)));
    for (let i = 0; i < 30; i++) texts.push(texts[i * 7] + 'z');
    const expected = findSimilarPairsIn(codeUnitTexts(texts), 0.9, 'prefix');
    expect(expected.map((pair) => [pair.first, pair.second])).toEqual(Array.from({ length: 30 }, (_, i) => [i * 7, 6000 + i]));
    expect(findSimilarPairsIn(codeUnitTexts(texts), 0.9, 'partition')).toEqual(expected);
  });

  it('returns nothing for fewer than two texts long enough to compare', () => {
    expect(findSimilarPairsIn(codeUnitTexts([]), 0.9)).toEqual([]);
    expect(findSimilarPairsIn(codeUnitTexts(['abcdef', 'abc']), 0.5)).toEqual([]);
  });
});
