import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../server/src/core/normalize';

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
});
