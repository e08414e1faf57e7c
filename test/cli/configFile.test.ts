import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/core/settings';
import {
  ConfigCache,
  findConfigSync,
  isConfigError,
  loadConfigFileSync,
  parseConfigText,
} from '../../server/src/node/configFile';

const root = mkdtempSync(path.join(tmpdir(), 'transcript-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(relative: string, content: string | object): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('mergeSettings', () => {
  it('lets the override win key by key and merges rules per code, then resolves', () => {
    const merged = mergeSettings(
      { questionSpeakers: ['记者'], maxLabelLength: 20, rules: { 'duplicate-question': 'error', 'similar-question': 'hint' } },
      { maxLabelLength: 40, rules: { 'similar-question': 'off' } },
    );
    expect(merged).toEqual({
      ...DEFAULT_SETTINGS,
      questionSpeakers: ['记者'],
      maxLabelLength: 40,
      rules: { 'duplicate-question': 'error', 'similar-question': 'off' },
    });
  });

  it('validates the result and tolerates anything', () => {
    expect(mergeSettings(undefined, undefined)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings('x', [1])).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({ similarQuestionThreshold: 0.7 }, { similarQuestionThreshold: 5, rules: { x: 'loud' } }).similarQuestionThreshold).toBe(1);
    expect(mergeSettings({ answerSpeakers: ['A'] }, { answerSpeakers: undefined }).answerSpeakers).toEqual(['A']);
  });
});

describe('findConfigSync', () => {
  it('finds .transcriptrc.json in the file directory or a parent', async () => {
    const rc = write('a/.transcriptrc.json', { rules: { 'unanswered-question': 'off' } });
    const file = write('a/b/c/interview.txt', 'Q: hi?\n');
    const expected = { path: rc, settings: { rules: { 'unanswered-question': 'off' } } };
    expect(findConfigSync(file)).toEqual(expected);
  });

  it('uses the transcript key of package.json, skipping a package.json without one', async () => {
    const pkg = write('p/package.json', { name: 'x', transcript: { questionSpeakers: ['记者'] } });
    write('p/sub/package.json', { name: 'inner' });
    const file = write('p/sub/t.txt', '');
    expect(findConfigSync(file)).toEqual({ path: pkg, settings: { questionSpeakers: ['记者'] } });
  });

  it('prefers .transcriptrc.json over package.json in the same directory, and stops at the first found', () => {
    write('q/package.json', { transcript: { maxLabelLength: 10 } });
    const rc = write('q/inner/.transcriptrc.json', { maxLabelLength: 20 });
    write('q/inner/package.json', { transcript: { maxLabelLength: 30 } });
    const file = write('q/inner/t.txt', '');
    expect(findConfigSync(file)).toEqual({ path: rc, settings: { maxLabelLength: 20 } });
  });

  it('reports invalid JSON with path, position and line instead of throwing', async () => {
    const rc = write('bad/.transcriptrc.json', '{\n  "rules": {\n    "duplicate-question": "error",\n  }\n}\n');
    const file = write('bad/t.txt', '');
    const result = findConfigSync(file);
    expect(isConfigError(result)).toBe(true);
    if (isConfigError(result)) {
      expect(result.path).toBe(rc);
      expect(result.error).toMatch(/^invalid JSON: .*line 4, column 3/);
    }
  });

  it('reports settings that are not an object', () => {
    expect(parseConfigText('/x/.transcriptrc.json', '[1]', false)).toEqual({ path: '/x/.transcriptrc.json', error: 'must contain a JSON object of settings' });
    expect(parseConfigText('/x/package.json', '{"transcript": 3}', true)).toEqual({
      path: '/x/package.json',
      error: 'the "transcript" key must hold an object of settings',
    });
    expect(parseConfigText('/x/package.json', '{"name": "x"}', true)).toBeUndefined();
    expect(parseConfigText('/x/.transcriptrc.json', '\ufeff{"maxLabelLength": 5}', false)).toEqual({ path: '/x/.transcriptrc.json', settings: { maxLabelLength: 5 } });
  });

  it('shares results between files through a cache', () => {
    const rc = write('cached/.transcriptrc.json', { maxLabelLength: 12 });
    const first = write('cached/one/a.txt', '');
    const second = write('cached/two/b.txt', '');
    const cache: ConfigCache = new Map();
    expect(findConfigSync(first, cache)).toEqual({ path: rc, settings: { maxLabelLength: 12 } });
    expect(cache.get(path.join(root, 'cached', 'one'))).toEqual({ path: rc, settings: { maxLabelLength: 12 } });
    expect(findConfigSync(second, cache)).toBe(cache.get(path.join(root, 'cached')));
  });
});

describe('loadConfigFileSync', () => {
  it('reads a named file; a package.json needs the transcript key', () => {
    const custom = write('explicit/custom.json', { maxLabelLength: 8 });
    expect(loadConfigFileSync(custom)).toEqual({ path: custom, settings: { maxLabelLength: 8 } });
    const pkg = write('explicit/package.json', { name: 'x' });
    expect(loadConfigFileSync(pkg)).toEqual({ path: pkg, error: 'has no "transcript" key' });
    expect(loadConfigFileSync(path.join(root, 'explicit', 'missing.json'))).toEqual({ path: path.join(root, 'explicit', 'missing.json'), error: 'no such file' });
  });
});
