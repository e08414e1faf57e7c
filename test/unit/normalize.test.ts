import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRACKET, copyInto, normalizeQuestion, normalizeSimpleInto, unitsHash } from '../../server/src/core/normalize';

/** The definition: NFKC, lower case, only letters, marks and numbers. */
function reference(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

describe('normalizeQuestion', () => {
  it.each([
    ['请问城市马拉松的报名人数是多少？', '请问城市马拉松的报名人数是多少'],
    ['What is the PLAN?', 'whatistheplan'],
    ['ＷＨＡＴ　ＩＳ　ＴＨＥ　ＰＬＡＮ？', 'whatistheplan'],
    ['ShopEx是国内80%电子商务', 'shopex是国内80电子商务'],
    ['「引号」《书名》、顿号。', '引号书名顿号'],
    ['Café déjà vu', 'cafédéjàvu'],
    ['年々〇〡〪，〒', '年々〇〡〪'],
    ['①②③ ㈱ ﬁ', reference('①②③ ㈱ ﬁ')],
  ])('%s', (text, expected) => {
    expect(normalizeQuestion(text)).toBe(expected);
  });

  it('agrees with the definition on any text, including the fast path for CJK and ASCII', () => {
    const cjkish = fc.array(
      fc.oneof(
        fc.constantFrom('请', '问', '，', '。', '？', '　', '々', '〇', '〡', '〪', '〱', '〼', '〰', '〒', '〶', 'Ｑ', '１', '％', '｟', 'a', 'Z', '9', ' ', '-', '!', '（', '）', '【'),
        fc.string({ unit: 'grapheme', maxLength: 2 }),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(cjkish, (parts) => {
        const text = parts.join('');
        expect(normalizeQuestion(text)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeSimpleInto writes the same units into a buffer, from any slice of a text, or -1 for the general path', () => {
    const cjkish = fc.array(
      fc.oneof(fc.constantFrom('请', '问', '，', '？', '　', '々', 'Ｑ', '１', 'a', 'Z', ' ', '（', '㈱', 'ﬃ'), fc.string({ unit: 'grapheme', maxLength: 2 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(cjkish, fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const slice = text.slice(from, to);
        const out = new Uint16Array(3 + (to - from));
        out.fill(0xffff);
        const hashes = new Int32Array([7, 7]);
        const end = normalizeSimpleInto(text, from, to, out, 3, false, hashes, 1);
        expect([...out.subarray(0, 3)]).toEqual([0xffff, 0xffff, 0xffff]); // nothing before `at`
        // The hash it leaves is the hash of the units it wrote (what the general path computes after).
        expect(hashes[0]).toBe(7);
        expect(hashes[1]).toBe(end >= 0 ? unitsHash(out, 3, end) : 7);
        // -1 exactly when a character is outside ASCII, CJK ideographs, CJK punctuation and full-width ASCII.
        const simple = /^[\x00-\x7f\u4e00-\u9fff\uff01-\uff60\u3000-\u3004\u3008-\u3020\u3030\u303d-\u303f]*$/.test(slice);
        expect(end >= 0).toBe(simple);
        if (end >= 0) expect(String.fromCharCode(...out.subarray(3, end))).toBe(normalizeQuestion(slice));
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeSimpleInto piece by piece is the normal form of the pieces joined', () => {
    const text = '请问　Ｑ１（笑）WHAT？ 你好';
    const out = new Uint16Array(text.length);
    let end = normalizeSimpleInto(text, 0, 5, out, 0);
    end = normalizeSimpleInto(text, 9, text.length, out, end);
    expect(String.fromCharCode(...out.subarray(0, end))).toBe(normalizeQuestion(text.slice(0, 5) + text.slice(9)));
    expect(normalizeSimpleInto('问（笑）', 0, 4, out, 0, true)).toBe(BRACKET);
    expect(normalizeSimpleInto('a[b', 0, 3, out, 0, true)).toBe(BRACKET);
    expect(String.fromCharCode(...out.subarray(0, normalizeSimpleInto('问（笑）', 0, 4, out, 0)))).toBe('问笑');
    expect(unitsHash(new Uint16Array([1, 2, 3]), 0, 3)).not.toBe(unitsHash(new Uint16Array([1, 3, 2]), 0, 3));
    expect(unitsHash(new Uint16Array([9, 1, 2]), 1, 3)).toBe(unitsHash(new Uint16Array([1, 2]), 0, 2));
    expect(copyInto('abc', out, out.length - 2)).toBe(-1);
    expect(copyInto('abc', out, 0)).toBe(3);
  });
});
