import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { normalizeQuestion } from '../../server/src/core/normalize';
import { resolveSettings } from '../../server/src/core/settings';
import { fixture } from './helpers';

const summary = (text: string, settings?: unknown) =>
  analyzeText(text, resolveSettings(settings)).findings.map((finding) => [
    finding.code,
    finding.range.start.line + 1,
    finding.related.map((place) => place.range.start.line + 1),
  ]);

describe('duplicate-question', () => {
  it('flags the later copy, with the first as related information', () => {
    expect(summary(fixture('zh-interview.txt'))).toEqual([
      ['duplicate-question', 15, [11]],
      ['unanswered-question', 15, []],
    ]);
  });

  it('compares after NFKC, case folding, and without whitespace, punctuation, label and timestamp', () => {
    expect(summary(fixture('en-qa.txt'))).toEqual([
      ['duplicate-question', 5, [1]],
      ['unanswered-question', 5, []],
    ]);
    const text = '[00:00:01] Q: What is the PLAN?\nA: Later.\n[00:09:59] Q:  what is the plan ...??\nA: Later still.\nＱ：ＷＨＡＴ　ＩＳ　ＴＨＥ　ＰＬＡＮ？\nA: Never.';
    expect(summary(text)).toEqual([
      ['duplicate-question', 3, [1, 5]],
      ['duplicate-question', 5, [1, 3]],
      // The full-width `Ｑ` is the same speaker as `Q`, written differently.
      ['inconsistent-speaker', 5, [1]],
    ]);
  });

  it('ignores annotations when comparing', () => {
    expect(summary('Q: Why now (laughs)?\nA: Because.\nQ: Why now?\nA: Again.')).toEqual([['duplicate-question', 3, [1]]]);
  });

  it('does not compare interjections: short turns of a question label that ask nothing', () => {
    expect(summary('Q    Karoline —\nMS. LEE: Yes?\nQ    Karoline —\nMS. LEE: Go ahead.')).toEqual([]);
    expect(summary('Q: Thank you.\nA: Sure.\nQ: Thank you.\nA: Sure.')).toEqual([]);
    expect(summary('Q    Thank you, Karoline.\nMS. LEE: Sure.\nQ    Thank you, Karoline.\nMS. LEE: Sure.')).toEqual([]);
    expect(summary('提问：谢谢。\n答：不客气。\n提问：谢谢。\n答：不客气。')).toEqual([]);
    // Short but asking, or long enough without a question mark: still compared.
    expect(summary('Q: Why?\nA: Because.\nQ: Why?\nA: Again.')).toEqual([['duplicate-question', 3, [1]]]);
    expect(summary('提问：请您再谈谈这个计划。\n答：好。\n提问：请您再谈谈这个计划。\n答：好的。')).toEqual([['duplicate-question', 3, [1]]]);
  });

  it('does not compare questions with no words', () => {
    expect(summary('Q: ?\nA: What?\nQ: ?\nA: Yes.')).toEqual([]);
  });

  it('range covers the label line of the question', () => {
    const analysis = analyzeText('Q: One?\nA: Yes.\n  Q: One?\nA: Yes.');
    expect(analysis.findings[0].range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 9 } });
  });
});

describe('unanswered-question', () => {
  it('flags a question followed by another question or the end, pointing at the next question', () => {
    expect(summary('Q: One?\nQ: Two?\nA: Two.\nQ: Three?')).toEqual([
      ['unanswered-question', 1, [2]],
      ['unanswered-question', 4, []],
    ]);
  });

  it('does not count an interviewer statement as an answer', () => {
    expect(summary('Guest: Hello.\nMODERATOR: Is this on?\nMODERATOR: Thank you all.\nMODERATOR: Ready?\nGuest: Yes.')).toEqual([
      ['unanswered-question', 2, [4]],
    ]);
  });

  it('finds the unanswered questions of the English fixture', () => {
    expect(summary(fixture('en-podcast.transcript')).filter(([code]) => code === 'unanswered-question')).toEqual([
      ['unanswered-question', 10, [11]],
      ['unanswered-question', 13, []],
    ]);
  });
});

describe('similar-question', () => {
  const base = '提问：请问城市马拉松的报名人数是多少？\n答：三万。\n';

  it('does not call questions that share a template but differ in key words similar', () => {
    expect(summary(base + '提问：请问城市马拉松的奖金总额是多少？\n答：一百万。')).toEqual([]);
  });

  it('reports near-duplicates at the default threshold, on the later question', () => {
    const text =
      'Q: What is the city going to do about the flooding on Harbor Street this spring?\nA: Pumps.\n' +
      'Q: What is the city going to do about the flooding on Harbour Street this spring?\nA: More pumps.';
    const analysis = analyzeText(text);
    expect(analysis.findings.map((finding) => [finding.code, finding.range.start.line + 1])).toEqual([['similar-question', 3]]);
    expect(analysis.findings[0].message).toMatch(/\d+% alike\) was asked on line 1/);
    expect(analysis.similarQuestions.get(analysis.model.turns[0])?.map((entry) => entry.turn.line)).toEqual([2]);
  });

  it('follows the threshold setting and the rule level', () => {
    // 47 of their 52 bigrams shared, 0.904 alike: reported at 0.9, not at 0.91; never when the rule is off.
    const text = 'Q: What is the city going to do about flooding on Harbor Street?\nA: Pumps.\nQ: What is the city going to do about the flooding on Harbor Street?\nA: Pumps.';
    expect(summary(text).map(([code]) => code)).toEqual(['similar-question']);
    expect(summary(text, { similarQuestionThreshold: 0.9 }).map(([code]) => code)).toEqual(['similar-question']);
    expect(summary(text, { similarQuestionThreshold: 0.91 })).toEqual([]);
    expect(summary(text, { rules: { 'similar-question': 'off' } })).toEqual([]);
  });

  it('does not report exact duplicates as similar too', () => {
    expect(summary('Q: Where is the new library going to be built?\nA: Here.\nQ: Where is the new library going to be built?\nA: There.')).toEqual([
      ['duplicate-question', 3, [1]],
    ]);
  });
});

describe('rule levels', () => {
  it('skips rules that are off', () => {
    expect(summary(fixture('zh-interview.txt'), { rules: { 'duplicate-question': 'off' } })).toEqual([['unanswered-question', 15, []]]);
    expect(summary(fixture('zh-interview.txt'), { rules: { 'unanswered-question': 'off' } })).toEqual([['duplicate-question', 15, [11]]]);
  });
});

describe('duplicate groups on any mix of questions', () => {
  it('group exactly the questions whose normal forms are equal, each group in document order', () => {
    const question = fc.constantFrom('What is the plan?', 'what is the PLAN ?', 'Why now?', '请问城市马拉松的报名人数是多少？', '请问城市马拉松的报名人数是多少?', 'And then (laughs)?', 'And then?', 'Okay?', '(laughs)');
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 25 }), (questions) => {
        const text = questions.map((q) => `Q: ${q}\nA: Fine.`).join('\n');
        const analysis = analyzeText(text);
        // The reference: questions grouped by their normal form (annotations cut out, as the model does).
        const byKey = new Map<string, number[]>();
        for (const exchange of analysis.model.exchanges) {
          const key = normalizeQuestion(exchange.question.spokenText);
          if (key === '') continue; // (every question here asks, so none is an interjection)
          byKey.set(key, [...(byKey.get(key) ?? []), exchange.question.line]);
        }
        const expected = [...byKey.values()].filter((lines) => lines.length > 1);
        const actual = [...new Set(analysis.duplicateGroups.values())].map((group) => group.map((turn) => turn.line));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('group exactly the questions with equal texts in a long document too (its questions are looked up part by part)', () => {
    // 12,000 questions: more than two parts of about 4,096. Question k asks about topic k % 5,003,
    // so topics 0..996 are asked three times and the others twice, far apart.
    const topics = 5003;
    const text = Array.from({ length: 12000 }, (_, k) => `Q: What happened to project ${k % topics} last year?\nA: It went on.`).join('\n');
    const analysis = analyzeText(text);
    const groups = [...new Set(analysis.duplicateGroups.values())].map((group) => group.map((turn) => turn.line));
    const expected = Array.from({ length: topics }, (_, topic) => [topic, topic + topics, topic + 2 * topics].filter((k) => k < 12000).map((k) => 2 * k));
    expect(groups).toEqual(expected);
    expect(analysis.findings.filter((finding) => finding.code === 'duplicate-question')).toHaveLength(12000 - topics);
  });

  it('are the same whatever was analysed before: work arrays kept between calls leak nothing into a result', () => {
    const small = 'Q: What is the plan?\nA: Later.\nQ: What is the plan?\nQ: What is the plan for the city marathon this year?\nA: Soon.\nQ: What is the plan for the city marathon this years?\nA: Yes.';
    const large = Array.from({ length: 400 }, (_, i) => `Q: Question number ${i % 150} about the budget?\nA: Answer ${i}.`).join('\n');
    const describe = (text: string) => {
      const analysis = analyzeText(text);
      return {
        findings: analysis.findings.map((finding) => [finding.code, finding.range.start.line, finding.related.map((place) => place.range.start.line)]),
        groups: [...new Set(analysis.duplicateGroups.values())].map((group) => group.map((turn) => turn.line)),
      };
    };
    const first = analyzeText(small);
    const before = describe(small);
    expect(before.groups).toEqual([[0, 2]]);
    expect(before.findings.map(([code]) => code)).toContain('similar-question');
    describe(large); // grows the work arrays, and fills them with other texts
    expect(describe(small)).toEqual(before);
    describe('Q: Why?\nA: Because.'); // shrinks nothing yet, overwrites the start
    expect(describe(small)).toEqual(before);
    // A result made before the later calls is unchanged by them.
    expect([...new Set(first.duplicateGroups.values())].map((group) => group.map((turn) => turn.line))).toEqual([[0, 2]]);
  });
});
