import * as fs from 'fs';
import { describe, expect, it } from 'vitest';
import * as onigurumaNs from 'vscode-oniguruma';
import { GRAMMAR_PATH, SCOPE_NAME, type Token, allScopes, getGrammar, scopesOf, tokenize } from './tokenize';

const QUESTION = 'keyword.control.question.transcript';
const SPEAKER = 'entity.name.function.speaker.transcript';
const META = 'meta.speaker-label.transcript';
const COLON = 'punctuation.separator.key-value.transcript';
const TIMESTAMP = 'constant.numeric.timestamp.transcript';
const TS_BEGIN = 'punctuation.definition.timestamp.begin.transcript';
const TS_END = 'punctuation.definition.timestamp.end.transcript';
const ANNOTATION = 'comment.other.annotation.transcript';
const TITLE = 'markup.heading.title.transcript';
const BOLD = 'punctuation.definition.bold.markdown';
const FRONT_MATTER = 'comment.block.front-matter.transcript';

/** Most cases put a throwaway title line first so that line 1 is an ordinary line. */
async function line1(text: string): Promise<Token[]> {
  return tokenize(`Title line\n${text}`);
}

function expectScope(tokens: Token[], substring: string, scope: string, opts: { line?: number; occurrence?: number } = {}) {
  const scopes = scopesOf(tokens, substring, opts);
  expect(scopes, `${JSON.stringify(substring)} should carry ${scope}`).toContain(scope);
}

function expectNoScope(tokens: Token[], substring: string, scope: string, opts: { line?: number; occurrence?: number } = {}) {
  const scopes = scopesOf(tokens, substring, opts);
  expect(scopes, `${JSON.stringify(substring)} should not carry ${scope}`).not.toContain(scope);
}

function expectNoLabel(tokens: Token[], line = 1) {
  const scopes = allScopes(tokens, line);
  for (const s of [META, QUESTION, SPEAKER, COLON]) expect(scopes.has(s), `line ${line} should not carry ${s}`).toBe(false);
}

// ---------------------------------------------------------------------------

describe('grammar file', () => {
  const raw = fs.readFileSync(GRAMMAR_PATH, 'utf8');

  it('is valid JSON with scopeName text.transcript', () => {
    const json = JSON.parse(raw);
    expect(json.scopeName).toBe('text.transcript');
    expect(json.scopeName).toBe(SCOPE_NAME);
    expect(json.name).toBe('Transcript');
    expect(Array.isArray(json.patterns)).toBe(true);
  });

  it('every regex compiles with oniguruma', async () => {
    await getGrammar(); // makes sure onig.wasm is loaded
    const onig = (onigurumaNs as unknown as { default?: typeof onigurumaNs }).default ?? onigurumaNs;
    const regexes: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') regexes.push(v);
          else walk(v);
        }
      }
    };
    walk(JSON.parse(raw));
    expect(regexes.length).toBeGreaterThan(5);
    for (const re of regexes) {
      expect(() => new onig.OnigScanner([re]).dispose(), re).not.toThrow();
    }
  });

  it('every include points at an existing repository entry', () => {
    const json = JSON.parse(raw);
    const includes = [...raw.matchAll(/"include":\s*"#([^"]+)"/g)].map((m) => m[1]);
    for (const name of includes) expect(json.repository, name).toHaveProperty([name]);
  });
});

describe('speaker labels', () => {
  it('question labels and other labels get different scopes (Chinese)', async () => {
    const t = await line1('提问：孙总，你好？\n孙弘：你好，谢谢。');
    expectScope(t, '提问', QUESTION, { line: 1 });
    expectNoScope(t, '提问', SPEAKER, { line: 1 });
    expectScope(t, '孙弘', SPEAKER, { line: 2 });
    expectNoScope(t, '孙弘', QUESTION, { line: 2 });
    expect(QUESTION).not.toBe(SPEAKER);
    // the text after the label is plain
    expectNoScope(t, '孙总，你好？', META, { line: 1 });
    expect(scopesOf(t, '你好，谢谢。', { line: 2 })).toEqual(['text.transcript']);
  });

  it('question labels and other labels get different scopes (English)', async () => {
    const t = await line1('Q: Why did you start?\nA: Because it was fun.\nMODERATOR: Welcome back.\nMaria Ortega: Thanks.');
    expectScope(t, 'Q', QUESTION, { line: 1 });
    expectScope(t, 'A', SPEAKER, { line: 2 });
    expectScope(t, 'MODERATOR', QUESTION, { line: 3 });
    expectScope(t, 'Maria Ortega', SPEAKER, { line: 4 });
  });

  it.each([
    ['问：你好', '问'],
    ['問：您好', '問'],
    ['提问：第一个问题', '提问'],
    ['主持人：欢迎', '主持人'],
    ['记者：请问', '记者'],
    ['記者：請問', '記者'],
    ['网友：想问一下', '网友'],
    ['網友：想問一下', '網友'],
    ['Question: how?', 'Question'],
    ['question: lower case', 'question'],
    ['Interviewer: hello', 'Interviewer'],
    ['Moderator: hello', 'Moderator'],
    ['HOST: hello', 'HOST'],
    ['Reporter: hello', 'Reporter'],
  ])('%s → question label', async (line, label) => {
    const t = await line1(line);
    expectScope(t, label, QUESTION, { line: 1 });
    expectScope(t, label, META, { line: 1 });
  });

  it.each([
    ['答：好的', '答'],
    ['Host Name: not an exact question word', 'Host Name'],
    ['Questioner: close but not exact', 'Questioner'],
    ['Q1: numbered', 'Q1'],
    ['Speaker 2: hello', 'Speaker 2'],
    ['MS. PSAKI: Good evening', 'MS. PSAKI'],
    ['Dr. Lee: Yes.', 'Dr. Lee'],
    ['U.S. DELEGATE: Thank you', 'U.S. DELEGATE'],
    ["Mary O'Neil: hi", "Mary O'Neil"],
    ['Jean-Luc Picard: engage', 'Jean-Luc Picard'],
  ])('%s → speaker label', async (line, label) => {
    const t = await line1(line);
    expectScope(t, label, SPEAKER, { line: 1 });
    expectNoScope(t, label, QUESTION, { line: 1 });
  });

  it('colon gets the separator scope in both widths', async () => {
    const t = await line1('孙弘：全角冒号\nSam: half-width colon');
    expectScope(t, '：', COLON, { line: 1 });
    expectScope(t, '：', META, { line: 1 });
    expectScope(t, ':', COLON, { line: 2 });
    expectScope(t, ':', META, { line: 2 });
    // the label text itself is not the separator
    expectNoScope(t, '孙弘', COLON, { line: 1 });
  });

  it('only the first colon ends the label', async () => {
    const t = await line1('孙弘：比例是 3:2，时间：明天');
    expectScope(t, '：', COLON, { line: 1, occurrence: 0 });
    expectNoScope(t, ':', COLON, { line: 1 });
    expectNoScope(t, '：', COLON, { line: 1, occurrence: 1 });
  });

  it('indentation with U+3000, tabs, spaces, NBSP is part of the label prefix', async () => {
    const t = await line1('\u3000\u3000孙弘：你好\n\t\tHost: hello\n    Sam: hi\n\u00a0Lee: yo');
    expectScope(t, '\u3000\u3000', META, { line: 1 });
    expectScope(t, '孙弘', SPEAKER, { line: 1 });
    expectScope(t, '\t\t', META, { line: 2 });
    expectScope(t, 'Host', QUESTION, { line: 2 });
    expectScope(t, '    ', META, { line: 3 });
    expectScope(t, 'Sam', SPEAKER, { line: 3 });
    expectScope(t, 'Lee', SPEAKER, { line: 4 });
  });

  it('a BOM before the first label is tolerated', async () => {
    const t = await tokenize('\ufeff问：你好');
    expectScope(t, '问', QUESTION, { line: 0 });
  });

  it('markdown bold around labels', async () => {
    const t = await line1('**問：**請介紹一下\n**Q:** Why?\n**Sam Reyes**: Because.');
    expectScope(t, '**', BOLD, { line: 1, occurrence: 0 });
    expectScope(t, '問', QUESTION, { line: 1 });
    expectScope(t, '：', COLON, { line: 1 });
    expectScope(t, '**', BOLD, { line: 1, occurrence: 1 });
    expectScope(t, 'Q', QUESTION, { line: 2 });
    expectScope(t, ':', COLON, { line: 2 });
    expectScope(t, '**', BOLD, { line: 2, occurrence: 1 });
    expectScope(t, 'Sam Reyes', SPEAKER, { line: 3 });
    expectScope(t, '**', BOLD, { line: 3, occurrence: 1 });
    expectScope(t, ':', COLON, { line: 3 });
  });
});

describe('lines that are not labels', () => {
  it.each([
    'See https://example.com for details',
    'http://example.com/path is the address',
    '10:30 is when we met',
    '2024：这一年',
    'He said, quietly: no',
    '他说，其实：不是这样',
    '真的吗？我觉得：不是',
    'Wait! Here: this',
    'This sentence has far too many words to be a speaker label: right',
    'Averyveryverylongsinglewordthatgoesonandon: too long',
    '会议在下午3:30开始',
    'Visit www.example.com: it is good',
    'plain continuation text without any colon',
    '（笑）这是一段续行',
    '# Heading: not a label',
  ])('%s', async (line) => {
    const t = await line1(line);
    expectNoLabel(t, 1);
  });

  it('continuation lines carry only the base scope', async () => {
    const t = await line1('孙弘：第一句\n这是继续说的话，没有标签。');
    expect(scopesOf(t, '这是继续说的话，没有标签。', { line: 2 })).toEqual(['text.transcript']);
  });
});

describe('timestamps', () => {
  it.each([
    ['[00:01:23] Sam Reyes: Hello', '[00:01:23]', '00:01:23', 'Sam Reyes', SPEAKER],
    ['[01:23] Q: Hello', '[01:23]', '01:23', 'Q', QUESTION],
    ['00:01:23 Sam Reyes: Hello', '00:01:23', '00:01:23', 'Sam Reyes', SPEAKER],
    ['00:03:40.5 Host: Welcome', '00:03:40.5', '00:03:40.5', 'Host', QUESTION],
    ['[00:03:40.5] 孙弘：你好', '[00:03:40.5]', '00:03:40.5', '孙弘', SPEAKER],
  ])('leading timestamp in %s', async (line, whole, digits, label, labelScope) => {
    const t = await line1(line);
    expectScope(t, whole, TIMESTAMP, { line: 1 });
    expectScope(t, whole, META, { line: 1 });
    expectScope(t, digits, TIMESTAMP, { line: 1 });
    expectScope(t, label, labelScope, { line: 1 });
    expectNoScope(t, label, TIMESTAMP, { line: 1 });
  });

  it('brackets are punctuation of the timestamp', async () => {
    const t = await line1('[00:01:23] Sam: Hi');
    expectScope(t, '[', TS_BEGIN, { line: 1 });
    expectScope(t, ']', TS_END, { line: 1 });
    expectScope(t, '[', TIMESTAMP, { line: 1 });
  });

  it('timestamp after the name: Name (00:01:23):', async () => {
    const t = await line1('Sam Reyes (00:01:23): Hi there');
    expectScope(t, 'Sam Reyes', SPEAKER, { line: 1 });
    expectScope(t, '(00:01:23)', TIMESTAMP, { line: 1 });
    expectScope(t, '(00:01:23)', META, { line: 1 });
    expectScope(t, '(', TS_BEGIN, { line: 1 });
    expectScope(t, ')', TS_END, { line: 1 });
    expectScope(t, ':', COLON, { line: 1, occurrence: 2 });
    expectNoScope(t, ':', COLON, { line: 1, occurrence: 0 });
    expectNoScope(t, 'Hi there', META, { line: 1 });
  });

  it('a question label with a timestamp after it', async () => {
    const t = await line1('Q (00:10:00): Next?');
    expectScope(t, 'Q', QUESTION, { line: 1 });
    expectScope(t, '00:10:00', TIMESTAMP, { line: 1 });
  });

  it('timestamps without a label', async () => {
    const t = await line1('[00:05:00]\n00:06:10 the tape resumes\n[00:07:00] (inaudible)');
    expectScope(t, '[00:05:00]', TIMESTAMP, { line: 1 });
    expectScope(t, '00:06:10', TIMESTAMP, { line: 2 });
    expectNoScope(t, 'the tape resumes', TIMESTAMP, { line: 2 });
    expectScope(t, '[00:07:00]', TIMESTAMP, { line: 3 });
    expectNoLabel(t, 1);
    expectNoLabel(t, 2);
  });

  it('a bracketed timestamp inside text', async () => {
    const t = await line1('Sam: as I said at [00:01:05], yes');
    expectScope(t, '[00:01:05]', TIMESTAMP, { line: 1 });
  });

  it('a clock time in prose is not a timestamp', async () => {
    const t = await line1('We met at 10:30 yesterday');
    expect(allScopes(t, 1).has(TIMESTAMP)).toBe(false);
  });
});

describe('annotations', () => {
  it.each(['(APPLAUSE)', '[inaudible]', '(laughs)', '[crosstalk]', '（笑）', '[inaudible 00:12:03]', '（全场鼓掌）', '(phonetic)'])(
    '%s after a label',
    async (ann) => {
      const t = await line1(`Sam Reyes: Thank you ${ann} very much`);
      expectScope(t, ann, ANNOTATION, { line: 1 });
      expectScope(t, 'Sam Reyes', SPEAKER, { line: 1 });
      expectNoScope(t, 'very much', ANNOTATION, { line: 1 });
    },
  );

  it('annotations in Chinese dialogue and on continuation lines', async () => {
    const t = await line1('孙弘：你好（笑），很高兴见到大家。\n（鼓掌）\n接着说 [听不清] 然后');
    expectScope(t, '（笑）', ANNOTATION, { line: 1 });
    expectNoScope(t, '很高兴见到大家', ANNOTATION, { line: 1 });
    expectScope(t, '（鼓掌）', ANNOTATION, { line: 2 });
    expectScope(t, '[听不清]', ANNOTATION, { line: 3 });
  });

  it('bracket punctuation of an annotation', async () => {
    const t = await line1('Q: (laughs) ok');
    expectScope(t, '(', 'punctuation.definition.annotation.begin.transcript', { line: 1 });
    expectScope(t, ')', 'punctuation.definition.annotation.end.transcript', { line: 1 });
  });

  it('long parentheticals with punctuation are not annotations', async () => {
    const t = await line1('孙弘：（这里需要说明，不是注释）好的\nSam: (see the report, page 4) fine\nSee [the docs](https://example.com)');
    expect(allScopes(t, 1).has(ANNOTATION)).toBe(false);
    expect(allScopes(t, 2).has(ANNOTATION)).toBe(false);
    expect(allScopes(t, 3).has(ANNOTATION)).toBe(false);
  });
});

describe('title line', () => {
  it('the first line is the title', async () => {
    const t = await tokenize('Interview with Sam Reyes\n\nQ: Hello');
    expectScope(t, 'Interview with Sam Reyes', TITLE, { line: 0 });
    expect(allScopes(t, 2).has(TITLE)).toBe(false);
    expectScope(t, 'Q', QUESTION, { line: 2 });
  });

  it('a title containing a colon is still the title', async () => {
    const t = await tokenize('某某CEO微访谈：差异化发展是电商趋势\n主持人：欢迎大家。');
    expectScope(t, '某某CEO微访谈：差异化发展是电商趋势', TITLE, { line: 0 });
    expectNoLabel(t, 0);
    expectScope(t, '主持人', QUESTION, { line: 1 });
    expect(allScopes(t, 1).has(TITLE)).toBe(false);
  });

  it('an English title with a colon is still the title', async () => {
    const t = await tokenize('Episode 12: Building Things\nHost: Welcome.');
    expectScope(t, 'Episode 12: Building Things', TITLE, { line: 0 });
    expectNoLabel(t, 0);
  });

  it.each([
    ['问：你好', '问', QUESTION],
    ['Q: First question?', 'Q', QUESTION],
    ['**Q:** First question?', 'Q', QUESTION],
    ['MODERATOR: Good evening', 'MODERATOR', QUESTION],
    ['[00:00:01] Sam Reyes: Hi', 'Sam Reyes', SPEAKER],
    ['00:00:01 Sam Reyes: Hi', 'Sam Reyes', SPEAKER],
    ['Sam Reyes (00:00:01): Hi', 'Sam Reyes', SPEAKER],
  ])('first line %s is a label line, not a title', async (line, label, scope) => {
    const t = await tokenize(`${line}\nnext`);
    expect(allScopes(t, 0).has(TITLE)).toBe(false);
    expectScope(t, label, scope, { line: 0 });
  });

  it('only the first line can be the title', async () => {
    const t = await tokenize('\nNot a title');
    expect(allScopes(t).has(TITLE)).toBe(false);
  });

  it('annotations inside the title', async () => {
    const t = await tokenize('Town hall (APPLAUSE)\nHost: hi');
    expectScope(t, 'Town hall', TITLE, { line: 0 });
    expectScope(t, '(APPLAUSE)', ANNOTATION, { line: 0 });
  });
});

describe('front matter', () => {
  it('YAML front matter is a comment block', async () => {
    const t = await tokenize('---\ntitle: 访谈\ndate: 2024-01-02\n---\n问：你好');
    for (const [line, text] of [[0, '---'], [1, 'title: 访谈'], [2, 'date: 2024-01-02'], [3, '---']] as const) {
      expectScope(t, text, FRONT_MATTER, { line });
      expect(scopesOf(t, text, { line }).some((s) => s.startsWith('comment.'))).toBe(true);
    }
    expectNoLabel(t, 1);
    expect(allScopes(t, 0).has(TITLE)).toBe(false);
    expect(allScopes(t, 4).has(FRONT_MATTER)).toBe(false);
    expectScope(t, '问', QUESTION, { line: 4 });
  });

  it('--- later in the file is not front matter', async () => {
    const t = await tokenize('Title\n---\nSam: hi');
    expect(allScopes(t).has(FRONT_MATTER)).toBe(false);
    expectScope(t, 'Sam', SPEAKER, { line: 2 });
  });
});

// Speed is measured by benchmarks, not here: this only checks that adversarial lines finish
// (within the test timeout) and are not mistaken for labels.
describe('adversarial lines', () => {
  it('long lines of repeated label-like text are not labels', async () => {
    const lines = [
      'a '.repeat(5000),
      'word '.repeat(2000) + ':',
      '('.repeat(3000) + 'x',
      '[' + 'a '.repeat(3000),
      '（'.repeat(3000),
      'Dr.'.repeat(3000) + ':',
      '孙'.repeat(10000) + '：',
      ('x'.repeat(31) + ' ').repeat(300) + ':',
    ];
    const t = await line1(lines.join('\n'));
    for (let i = 1; i <= lines.length; i++) expectNoLabel(t, i);
  });
});

describe('CHAT and briefing shapes', () => {
  it('colours a CHAT main tier as a speaker, and dependent tiers and headers apart', async () => {
    const t = await line1('Title\n@Participants:\tCHI Target_Child, MOT Mother\n*MOT:\twhere is the boat ?\n%mor:\tpro:int|where cop|be&3S\n*CHI:\thome .');
    expectScope(t, 'MOT', SPEAKER, { line: 3 });
    expectScope(t, '*', 'punctuation.definition.tier.transcript', { line: 3 });
    expectScope(t, ':', COLON, { line: 3 });
    expectScope(t, 'CHI', SPEAKER, { line: 5 });
    expectScope(t, '%mor:', 'comment.line.dependent-tier.transcript', { line: 4 });
    expectScope(t, 'pro:int', 'comment.line.dependent-tier.transcript', { line: 4 });
    expectNoScope(t, 'pro', SPEAKER, { line: 4 });
    expectScope(t, '@Participants', 'keyword.other.header.transcript', { line: 2 });
  });

  it('colours a bare Q before spaces, a tab or no-break spaces as a question label', async () => {
    const t = await line1('Briefing\nQ    Thanks. Is it open?\nQ\u00a0\u00a0 Next one?\nQ\tTabbed?\n问　　票价会涨吗？');
    expectScope(t, 'Q', QUESTION, { line: 2 });
    expectScope(t, 'Q', QUESTION, { line: 3 });
    expectScope(t, 'Q', QUESTION, { line: 4 });
    expectScope(t, '问', QUESTION, { line: 5 });
  });

  it('does not colour an ordinary word before spaces or a single-space Q', async () => {
    const t = await line1('Title\nQuite    so.\nQ is a letter.\nA  :  spaced colon');
    expectNoScope(t, 'Quite', QUESTION, { line: 2 });
    expectNoScope(t, 'Q', QUESTION, { line: 3 });
    expectNoLabel(t, 2);
    expectNoLabel(t, 3);
  });
});

describe('word index headings', () => {
  it('does not take the letter heading of a word index for a bare role letter', async () => {
    const t = await line1('Index\n          A            bond 12:23         clause 6:14\nQ            question 5:12 7:1');
    expectNoLabel(t, 2);
    expectNoLabel(t, 3);
  });
});

describe('bare answer letters', () => {
  it('colours a bare answer letter as a speaker, not a question', async () => {
    const t = await line1('Title\n问　　票价会涨吗？\n答　　不会。\nA\tNo.');
    expectScope(t, '问', QUESTION, { line: 2 });
    expectScope(t, '答', SPEAKER, { line: 3 });
    expectNoScope(t, '答', QUESTION, { line: 3 });
    expectScope(t, 'A', SPEAKER, { line: 4 });
  });
});
