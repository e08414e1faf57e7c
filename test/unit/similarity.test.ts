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

  it('reports the similarity of each pair', () => {
    const pairs = findSimilarPairs(['whatisthecityplan', 'whatisthecityplans', 'somethingelse'], 0.9);
    expect(pairs).toEqual([{ first: 0, second: 1, similarity: exactJaccard('whatisthecityplan', 'whatisthecityplans') }]);
  });
});
