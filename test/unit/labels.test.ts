import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabelScanner, matchLabel } from '../../server/src/core/labels';
import { colonStartOf } from '../../server/src/core/model';

function label(line: string, max = 32) {
  const match = matchLabel(line, 0, line.length, max);
  if (!match) return undefined;
  return {
    label: match.label,
    labelAt: line.slice(match.labelSpan.start, match.labelSpan.end),
    colon: line.slice(match.colonSpan.start, match.colonSpan.end),
    timestamp: match.timestamp && line.slice(match.timestamp.start, match.timestamp.end),
    text: line.slice(match.textStart),
  };
}

describe('matchLabel', () => {
  it.each([
    ['提问：孙总，你好？', '提问', '：', undefined, '孙总，你好？'],
    ['提问:你好', '提问', ':', undefined, '你好'],
    ['　　孙弘：你好', '孙弘', '：', undefined, '你好'],
    ['\t答：是的', '答', '：', undefined, '是的'],
    ['\u00a0Q: Why?', 'Q', ':', undefined, 'Why?'],
    ['\ufeffMODERATOR: Welcome.', 'MODERATOR', ':', undefined, 'Welcome.'],
    ['[00:01:23] Sam Reyes: Hello', 'Sam Reyes', ':', '00:01:23', 'Hello'],
    ['[01:23] Sam Reyes: Hello', 'Sam Reyes', ':', '01:23', 'Hello'],
    ['00:01:23 Sam Reyes: Hello', 'Sam Reyes', ':', '00:01:23', 'Hello'],
    ['00:03:40.5Sam: Hello', 'Sam', ':', '00:03:40.5', 'Hello'],
    ['Sam Reyes (00:01:23): Hi', 'Sam Reyes', ':', '00:01:23', 'Hi'],
    ['MS. PSAKI: Good evening', 'MS. PSAKI', ':', undefined, 'Good evening'],
    ['Dr. Lee: Thanks', 'Dr. Lee', ':', undefined, 'Thanks'],
    ['**問：**你好嗎？', '問', '：', undefined, '你好嗎？'],
    ['说话人1：大家好', '说话人1', '：', undefined, '大家好'],
    ['Ｑ：全角', 'Ｑ', '：', undefined, '全角'],
    ['Speaker 2:', 'Speaker 2', ':', undefined, ''],
  ])('%s', (line, expectedLabel, colon, timestamp, text) => {
    const result = label(line);
    expect(result).toBeDefined();
    expect(result!.label).toBe(expectedLabel);
    expect(result!.labelAt).toBe(expectedLabel);
    expect(result!.colon).toBe(colon);
    expect(result!.timestamp).toBe(timestamp);
    expect(result!.text).toBe(text);
  });

  it.each([
    ['See https://example.com for details'],
    ['https://example.com: a link'],
    ['10:30 is when we met'],
    ['At 10:30: we met'],
    ['He said, quietly: no'],
    ['我认为，这个问题：很难'],
    ['Really? Yes: it is'],
    ['2. Budget: approved'],
    ['- Item: value'],
    ['"Quoted": no'],
    ['no colon at all'],
    ['：starts with a colon'],
    ['12345: digits only'],
    ['one two three four five six seven: too many words'],
  ])('is not a label: %s', (line) => {
    expect(label(line)).toBeUndefined();
  });

  it('respects the maximum label length', () => {
    const name = '名'.repeat(33);
    expect(label(`${name}：你好`)).toBeUndefined();
    expect(label(`${name}：你好`, 40)?.label).toBe(name);
    expect(label(`${'名'.repeat(32)}：你好`)?.label).toBe('名'.repeat(32));
  });

  it('marks several lower-case words as sentence-like', () => {
    expect(matchLabel('The reasons are as follows: one', 0, 31, 32)?.sentenceLike).toBe(true);
    expect(matchLabel('Chief Justice Roberts: yes', 0, 26, 32)?.sentenceLike).toBe(false);
  });

  it('works at an offset inside a larger text and never crosses the line end', () => {
    const text = 'intro line\nQ: first\nno label here\nA: second';
    const secondLine = text.indexOf('Q:');
    const match = matchLabel(text, secondLine, secondLine + 'Q: first'.length, 32);
    expect(match?.label).toBe('Q');
    const third = text.indexOf('no label');
    expect(matchLabel(text, third, third + 'no label here'.length, 32)).toBeUndefined();
  });
});

describe('LabelScanner over many lines', () => {
  /** The fields of a scan, or undefined when the line has no label. */
  function scanned(scanner: LabelScanner, text: string, start: number, end: number): object | undefined {
    if (!scanner.scan(text, start, end)) return undefined;
    const { label, labelStart, labelEnd, colonStart, colonEnd, timestampStart, timestampEnd, textStart, sentenceLike, style } = scanner;
    return { label, labelStart, labelEnd, colonStart, colonEnd, timestampStart, timestampEnd, textStart, sentenceLike, style };
  }

  it('finds on every line what a fresh scanner finds (lines that start like an earlier label line included)', () => {
    const piece = fc.constantFrom('　　', '  ', '提问', 'Q', 'A', 'Sam', ' ', '：', ':', '//', '10', '30', '**', 'x', '(', '00:01', '，', '\t', '问');
    const free = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    // Lines shaped like label lines, so that many start like an earlier one.
    const shaped = fc
      .tuple(
        fc.constantFrom('', '　　', '  ', '**'),
        fc.constantFrom('提问', 'Q', 'Sam 2', 'Sam', 'Dr. Lee', '10'),
        fc.constantFrom('：', ':', ' :'),
        fc.constantFrom('', ' ', '**', '//x', '30 is when', '  text', '\t', '0:05'),
      )
      .map((parts) => parts.join(''));
    const line = fc.oneof(free, shaped, shaped);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const shared = new LabelScanner(32);
        let start = 0;
        for (const content of lines) {
          const end = start + content.length;
          expect(scanned(shared, text, start, end)).toEqual(scanned(new LabelScanner(32), text, start, end));
          // The model keeps where a colon ends, not where it starts: the style tells.
          if (shared.scan(text, start, end)) expect(shared.colonStart).toBe(colonStartOf(shared.colonEnd, shared.style));
          // The parser keeps a label's id with the prefix it matched: the prefix must be of that label.
          if (shared.matchedPrefix !== undefined) expect(shared.matchedPrefix.label).toBe(shared.label);
          start = end + 1;
        }
      }),
      { numRuns: 400 },
    );
  });
});
