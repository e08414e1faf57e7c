import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, MIN_SIMILAR_LENGTH } from '../../server/src/core/similarity';

/** Reference: bigram Jaccard similarity of two strings, computed the plain way. */
function exactJaccard(a: string, b: string): number {
  const grams = (text: string) => new Set(Array.from({ length: text.length - 1 }, (_, i) => text.slice(i, i + 2)));
  const setA = grams(a);
  const setB = grams(b);
  let shared = 0;
  for (const gram of setA) if (setB.has(gram)) shared++;
  return shared / (setA.size + setB.size - shared);
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
