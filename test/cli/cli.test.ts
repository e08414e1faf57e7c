import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/cli';
import { RULE_CODES, RULES, ruleDocsUrl } from '../../server/src/core/rules';
import { version } from '../../package.json';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'transcript-lint-'));
  for (const name of readdirSync(FIXTURES)) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: dir,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

function write(relative: string, content: string | Buffer | object): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return file;
}

const ZH_LINES = [
  'zh-interview.txt:15:3: warning duplicate-question Duplicate question: the same question was asked on line 11.',
  'zh-interview.txt:15:3: warning unanswered-question Question by 提问 is not answered before the end of the transcript.',
];

/** A duplicate in the middle, nobody answering it: --fix removes exactly line 3. */
const MIDDLE = ['Q: What time does the ferry leave?', 'A: At nine.', 'Q: What time does the ferry leave?', 'Q: Is there a discount?', 'A: Yes.', ''].join('\n');
const MIDDLE_FIXED = ['Q: What time does the ferry leave?', 'A: At nine.', 'Q: Is there a discount?', 'A: Yes.', ''].join('\n');

describe('text output and exit status', () => {
  it('prints file:line:col: severity code message lines and a summary; exit 1 on warnings', async () => {
    const result = await run(['zh-interview.txt']);
    expect(result.stdout).toBe([...ZH_LINES, '', '2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file', ''].join('\n'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('exits 0 with --max-level error when there are only warnings, 0 without problems', async () => {
    expect((await run(['--max-level', 'error', 'zh-interview.txt'])).code).toBe(0);
    expect((await run(['--max-level=error', 'zh-interview.txt'])).code).toBe(0);
    const clean = await run(['not-a-transcript.txt']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 1 file\n');
  });

  it('counts information and hints against --max-level', async () => {
    write('similar.txt', 'Q: What time does the ferry leave today?\nA: At nine.\nQ: What time does the ferry leave today, please?\nA: Nine.\n');
    write('.transcriptrc.json', { similarQuestionThreshold: 0.5 });
    const result = await run(['similar.txt']);
    expect(result.stdout).toContain('similar.txt:3:1: information similar-question Similar question');
    expect(result.stdout).toContain('1 problem (0 errors, 0 warnings, 1 information, 0 hints) in 1 file');
    expect(result.code).toBe(0);
    expect((await run(['--max-level', 'information', 'similar.txt'])).code).toBe(1);
    write('.transcriptrc.json', { similarQuestionThreshold: 0.5, rules: { 'similar-question': 'hint' } });
    const hint = await run(['--max-level', 'hint', 'similar.txt']);
    expect(hint.stdout).toContain('similar.txt:3:1: hint similar-question');
    expect(hint.code).toBe(1);
  });

  it('reports several files in order, with relative paths', async () => {
    write('sub/zh-interview.txt', readFileSync(path.join(FIXTURES, 'zh-interview.txt')));
    const result = await run(['en-qa.txt', 'sub']);
    expect(result.stdout.split('\n')).toEqual([
      'en-qa.txt:5:1: warning duplicate-question Duplicate question: the same question was asked on line 1.',
      'en-qa.txt:5:1: warning unanswered-question Question by Q is not answered before the end of the transcript.',
      ...ZH_LINES.map((line) => path.join('sub', line)),
      '',
      '4 problems (0 errors, 4 warnings, 0 information, 0 hints) in 2 files',
      '',
    ]);
  });

  it('--quiet prints only errors (and the summary when the run fails)', async () => {
    const warnings = await run(['--quiet', 'zh-interview.txt']);
    expect(warnings.stdout).toBe('2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file\n');
    expect(warnings.code).toBe(1);
    const silent = await run(['-q', '--max-level', 'error', 'zh-interview.txt']);
    expect(silent).toEqual({ code: 0, stdout: '', stderr: '' });
    write('.transcriptrc.json', { rules: { 'duplicate-question': 'error' } });
    const errors = await run(['--quiet', 'zh-interview.txt']);
    expect(errors.stdout.split('\n')[0]).toBe('zh-interview.txt:15:3: error duplicate-question Duplicate question: the same question was asked on line 11.');
    expect(errors.stdout).not.toContain('unanswered-question');
  });

  it('colors only on a terminal without NO_COLOR', async () => {
    expect((await run(['zh-interview.txt'], { isTTY: true })).stdout).toContain('\u001b[33mwarning\u001b[39m');
    expect((await run(['zh-interview.txt'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['zh-interview.txt'], { isTTY: false })).stdout).not.toContain('\u001b[');
  });
});

describe('usage', () => {
  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: transcript-lint \[options\]/);
    expect(help.stdout).toContain('--max-level');
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await run(['-v'])).stdout).toBe(`${version}\n`);
  });

  it('exits 2 with a message on usage errors', async () => {
    for (const args of [[], ['--bogus', 'a.txt'], ['--format', 'xml', 'a.txt'], ['--max-level', 'loud', 'a.txt'], ['--format'], ['--fix=yes', 'a.txt'], ['--format', 'sarif', '--stats', 'a.txt']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^transcript-lint: .+\nRun 'transcript-lint --help' for usage\.\n$/);
    }
    expect((await run(['--bogus', 'a.txt'])).stderr).toContain("unknown option '--bogus'");
    expect((await run([])).stderr).toContain('no files given');
  });

  it('exits 2 for a missing file or an unmatched pattern, still checking the others', async () => {
    const result = await run(['missing.txt', 'zh-interview.txt', 'nothing/**/*.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('transcript-lint: missing.txt: no such file or directory\ntranscript-lint: nothing/**/*.txt: no files match this pattern\n');
    expect(result.stdout).toContain(ZH_LINES[0]);
  });
});

describe('files that cannot be read as text', () => {
  it('reports UTF-16 without BOM and binary files with exit 2, and still checks the others', async () => {
    write('utf16.txt', Buffer.from(readFileSync(path.join(FIXTURES, 'en-qa.txt'), 'utf8'), 'utf16le'));
    write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8]));
    write('gbk.txt', Buffer.from([0xcc, 0xe1, 0xce, 0xca, 0xa3, 0xba, 0xc4, 0xe3, 0xba, 0xc3, 0xc2, 0xf0, 0xa3, 0xbf, 0x0a]));
    const result = await run(['utf16.txt', 'image.txt', 'gbk.txt', 'zh-interview.txt']);
    expect(result.code).toBe(2);
    const errors = result.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^transcript-lint: utf16\.txt: looks like UTF-16 without a byte-order mark/);
    expect(errors[1]).toMatch(/^transcript-lint: image\.txt: binary file/);
    expect(errors[2]).toMatch(/^transcript-lint: gbk\.txt: not valid UTF-8 \(is it GBK\/Big5\? convert it to UTF-8\)/);
    expect(result.stdout).toContain(ZH_LINES[0]);
    expect(result.stdout).toContain('2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file; 3 files could not be checked');
  });

  it('checks UTF-16 files with a byte-order mark', async () => {
    const text = readFileSync(path.join(FIXTURES, 'zh-interview.txt'), 'utf8');
    write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await run(['le.txt']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('le.txt:15:3: warning duplicate-question');
  });
});

describe('--format json', () => {
  it('prints an array of files with diagnostics (1-based ranges, related places)', async () => {
    const result = await run(['--format', 'json', 'zh-interview.txt', 'not-a-transcript.txt']);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout);
    expect(Array.isArray(files)).toBe(true);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ file: 'zh-interview.txt', path: path.join(dir, 'zh-interview.txt'), encoding: 'utf-8', bom: false });
    expect(files[0].diagnostics).toHaveLength(2);
    expect(files[0].diagnostics[0]).toEqual({
      code: 'duplicate-question',
      severity: 'warning',
      message: 'Duplicate question: the same question was asked on line 11.',
      url: ruleDocsUrl('duplicate-question'),
      range: { start: { line: 15, column: 3 }, end: { line: 15, column: 20 } },
      related: [{ message: 'First asked here (line 11)', range: { start: { line: 11, column: 3 }, end: { line: 11, column: 20 } } }],
    });
    expect(files[0].diagnostics[1]).toMatchObject({ code: 'unanswered-question', severity: 'warning', related: [] });
    expect(files[1]).toMatchObject({ file: 'not-a-transcript.txt', diagnostics: [] });
  });

  it('includes outline, speakers and read errors', async () => {
    write('image.txt', Buffer.from([0, 1, 2, 0, 0, 0, 3]));
    const result = await run(['-f', 'json', '--outline', '--stats', 'zh-interview.txt', 'image.txt']);
    expect(result.code).toBe(2);
    const files = JSON.parse(result.stdout);
    expect(files[0].outline[0]).toEqual({ kind: 'preamble', startLine: 1, endLine: 3, text: '城市书店店主周明远访谈：实体书店还能走多远' });
    expect(files[0].outline.at(-1)).toEqual({ kind: 'exchange', startLine: 15, endLine: 15, speaker: '提问', text: '您觉得短视频对阅读有影响吗？', answeredBy: [] });
    expect(files[0].speakers.map((row: { speaker: string }) => row.speaker)).toEqual(['提问', '周明远', '林晓岚']);
    expect(files[1]).toMatchObject({ file: 'image.txt', error: expect.stringContaining('binary file'), diagnostics: [] });
  });
});

describe('--format sarif', () => {
  it('prints a SARIF 2.1.0 log with the rule table and results', async () => {
    write('sub/zh-interview.txt', readFileSync(path.join(FIXTURES, 'zh-interview.txt')));
    const result = await run(['--format', 'sarif', 'sub/zh-interview.txt', 'en-qa.txt']);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    validateSarif(log);
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0];
    expect(run0.tool.driver).toMatchObject({ name: 'transcript-lint', version, informationUri: 'https://github.com/transcript-tools/transcript-language-tools' });
    expect(run0.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_CODES);
    for (const rule of run0.tool.driver.rules) {
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(rule.defaultConfiguration.level).toBe({ warning: 'warning', information: 'note', error: 'error', hint: 'none' }[RULES[rule.id as keyof typeof RULES].defaultLevel as string]);
    }
    expect(run0.results).toHaveLength(4);
    const first = run0.results[0];
    expect(first).toMatchObject({
      ruleId: 'duplicate-question',
      level: 'warning',
      message: { text: 'Duplicate question: the same question was asked on line 11.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'sub/zh-interview.txt' },
            region: { startLine: 15, startColumn: 3, endLine: 15, endColumn: 20 },
          },
        },
      ],
    });
    expect(first.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'First asked here (line 11)' },
        physicalLocation: { artifactLocation: { uri: 'sub/zh-interview.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 11, startColumn: 3, endLine: 11, endColumn: 20 } },
      },
    ]);
    expect(run0.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('en-qa.txt');
    expect(run0.invocations[0].executionSuccessful).toBe(true);
  });

  it('maps levels and lists unreadable files as notifications', async () => {
    write('.transcriptrc.json', { rules: { 'duplicate-question': 'error', 'unanswered-question': 'hint' } });
    write('image.txt', Buffer.from([0, 1, 2, 0, 0, 0, 3]));
    const result = await run(['--format', 'sarif', 'zh-interview.txt', 'image.txt']);
    expect(result.code).toBe(2);
    const log = JSON.parse(result.stdout);
    validateSarif(log);
    expect(log.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'none']);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('image.txt: binary file');
  });
});

/** The properties SARIF 2.1.0 requires on what transcript-lint writes, and their types. */
function validateSarif(log: any): void {
  expect(typeof log.version).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    const ruleIds = new Set<string>();
    for (const rule of run.tool.driver.rules ?? []) {
      expect(typeof rule.id).toBe('string');
      ruleIds.add(rule.id);
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      expect(() => new URL(rule.helpUri)).not.toThrow();
    }
    for (const invocation of run.invocations ?? []) expect(typeof invocation.executionSuccessful).toBe('boolean');
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(ruleIds.has(result.ruleId)).toBe(true);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
        const physical = location.physicalLocation;
        expect(typeof physical.artifactLocation.uri).toBe('string');
        expect(physical.artifactLocation.uri).not.toContain('\\');
        const region = physical.region;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
          expect(Number.isInteger(region[key]) && region[key] >= 1, key).toBe(true);
        }
        expect(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn)).toBe(true);
      }
    }
  }
}

describe('--fix', () => {
  it('removes exactly the unanswered duplicate line, writes atomically and reports what remains', async () => {
    const file = write('middle.txt', MIDDLE);
    const before = statSync(file);
    const result = await run(['--fix', 'middle.txt']);
    expect(readFileSync(file, 'utf8')).toBe(MIDDLE_FIXED);
    expect(result.stdout).toBe('0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 1 file; removed 1 unanswered duplicate question\n');
    expect(result.code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.includes('middle'))).toEqual(['middle.txt']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(file).ino).not.toBe(before.ino); // replaced by rename
  });

  it('fixes the fixtures like the editor fix-all, leaving other problems', async () => {
    const original = readFileSync(path.join(dir, 'zh-interview.txt'), 'utf8');
    const result = await run(['--fix', 'zh-interview.txt', 'en-podcast.transcript']);
    // The last line, the unanswered repeat of line 11, goes; nothing else changes.
    const lines = original.split('\n');
    expect(lines).toHaveLength(16);
    expect(lines[14]).toBe('　　提问：您觉得短视频对阅读有影响吗？');
    expect(readFileSync(path.join(dir, 'zh-interview.txt'), 'utf8')).toBe(lines.slice(0, 14).join('\n') + '\n');
    expect(result.stdout).toContain('en-podcast.transcript:10:2: warning unanswered-question');
    expect(result.stdout).not.toContain('duplicate-question');
    expect(result.stdout).toContain('1 problem (0 errors, 1 warning, 0 information, 0 hints) in 2 files; removed 2 unanswered duplicate questions');
    expect(result.code).toBe(1);
  });

  it('keeps a UTF-8 byte-order mark, CRLF line breaks and the file mode', async () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const file = write('bom.txt', '\ufeff' + crlf(MIDDLE));
    if (process.platform !== 'win32') chmodSync(file, 0o640);
    const result = await run(['--fix', 'bom.txt']);
    expect(result.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(crlf(MIDDLE_FIXED));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('does not rewrite UTF-16 files and says so', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MIDDLE, 'utf16le')]);
    const file = write('utf16-bom.txt', bytes);
    const result = await run(['--fix', 'utf16-bom.txt']);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(result.stderr).toContain('transcript-lint: utf16-bom.txt: not fixed: UTF-16 LE files are not rewritten');
    expect(result.stdout).toContain('utf16-bom.txt:3:1: warning duplicate-question');
    expect(result.code).toBe(1);
  });

  it('leaves files without fixable problems untouched', async () => {
    const file = path.join(dir, 'not-a-transcript.txt');
    const before = statSync(file);
    expect((await run(['--fix', 'not-a-transcript.txt'])).code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).ino).toBe(before.ino);
  });
});

describe('--outline and --stats', () => {
  it('prints the exchange outline and the speaker table', async () => {
    const result = await run(['--outline', '--stats', 'zh-interview.txt']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      ...ZH_LINES,
      '',
      'zh-interview.txt: outline',
      '  1-3    preamble: 城市书店店主周明远访谈：实体书店还能走多远',
      '  4-5    提问: 周老板，现在大家都在网上买书，实体书店靠什么留住读者？ → 周明远',
      '  6-7    提问: 书店的租金压力大吗？ → 周明远',
      '  8-10   提问: 出版社怎么看待独立书店的作用？ → 林晓岚, 周明远',
      '  11-12  提问: 您觉得短视频对阅读有影响吗？ → 林晓岚',
      '  13-14  提问: 书店以后会开分店吗？ → 周明远',
      '  15     提问: 您觉得短视频对阅读有影响吗？ → unanswered',
      '',
      'zh-interview.txt: speakers',
      '  speaker  role        turns  share  asked  answered',
      '  提问     questioner      6  37.2%      6         0',
      '  周明远   answerer        4  38.4%      0         4',
      '  林晓岚   answerer        2  24.4%      0         2',
      '',
      '2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file',
      '',
    ]);
  });

  it('shortens long questions and shows turns before the first question', async () => {
    const long = 'How ' + 'very '.repeat(30) + 'long is this question?';
    write('long.txt', `HOST: Welcome.\nQ: ${long}\nA: Quite.\n`);
    const result = await run(['--outline', 'long.txt']);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'long.txt: outline',
      '  1    HOST: Welcome.',
      '  2-3  Q: How very very very very very very very very very very v… → A',
    ]);
  });
});

describe('config files', () => {
  it('uses .transcriptrc.json found above the file; a rule set to off removes its diagnostics', async () => {
    write('project/.transcriptrc.json', { rules: { 'unanswered-question': 'off', 'duplicate-question': 'error' } });
    write('project/interviews/zh.txt', readFileSync(path.join(FIXTURES, 'zh-interview.txt')));
    const result = await run(['project']);
    expect(result.stdout.split('\n')[0]).toBe(
      `${path.join('project', 'interviews', 'zh.txt')}:15:3: error duplicate-question Duplicate question: the same question was asked on line 11.`,
    );
    expect(result.stdout).not.toContain('unanswered-question');
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings, 0 information, 0 hints) in 1 file');
  });

  it('uses the transcript key of package.json', async () => {
    write('pkg/package.json', { name: 'interviews', transcript: { rules: { 'duplicate-question': 'off' } } });
    write('pkg/zh.txt', readFileSync(path.join(FIXTURES, 'zh-interview.txt')));
    const result = await run(['pkg/zh.txt']);
    expect(result.stdout).not.toContain('duplicate-question');
    expect(result.stdout).toContain('unanswered-question');
    expect(result.code).toBe(1);
  });

  it('--config replaces the search', async () => {
    write('.transcriptrc.json', { rules: { 'duplicate-question': 'off', 'unanswered-question': 'off' } });
    write('strict.json', { rules: { 'unanswered-question': 'error' } });
    const searched = await run(['zh-interview.txt']);
    expect(searched.stdout).toBe('0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 1 file\n');
    const explicit = await run(['--config', 'strict.json', 'zh-interview.txt']);
    expect(explicit.stdout).toContain('zh-interview.txt:15:3: error unanswered-question');
    expect(explicit.stdout).toContain('zh-interview.txt:15:3: warning duplicate-question');
  });

  it('exits 2 naming the file and the config when a config is invalid', async () => {
    write('broken/.transcriptrc.json', '{ "rules": ');
    write('broken/a.txt', MIDDLE);
    const result = await run(['broken/a.txt', 'zh-interview.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^transcript-lint: broken[/\\]a\.txt: config broken[/\\]\.transcriptrc\.json: invalid JSON: .+\n$/);
    expect(result.stdout).toContain(ZH_LINES[0]);
    const missing = await run(['--config', 'nope.json', 'zh-interview.txt']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'transcript-lint: config nope.json: no such file\n' });
  });
});

describe('directories and globs', () => {
  it('recurses into directories, honouring --ignore and skipping node_modules', async () => {
    write('tree/a.txt', MIDDLE);
    write('tree/drafts/b.txt', MIDDLE);
    write('tree/node_modules/x/c.txt', MIDDLE);
    write('tree/readme.md', MIDDLE);
    const all = await run(['tree']);
    expect(all.stdout).toContain(`${path.join('tree', 'a.txt')}:3:1`);
    expect(all.stdout).toContain(`${path.join('tree', 'drafts', 'b.txt')}:3:1`);
    expect(all.stdout).not.toContain('node_modules');
    expect(all.stdout).not.toContain('readme.md');
    const ignored = await run(['tree', '--ignore', 'drafts']);
    expect(ignored.stdout).not.toContain('drafts');
    expect(ignored.stdout).toContain('in 1 file');
  });

  it('expands globs', async () => {
    write('g/one.txt', MIDDLE);
    write('g/deep/two.txt', MIDDLE);
    write('g/deep/three.md', MIDDLE);
    const result = await run(['g/**/*.txt', '*.transcript']);
    expect(result.stdout).toContain(`${path.join('g', 'one.txt')}:3:1`);
    expect(result.stdout).toContain(`${path.join('g', 'deep', 'two.txt')}:3:1`);
    expect(result.stdout).toContain('en-podcast.transcript:13:2');
    expect(result.stdout).toContain('in 3 files');
  });
});
