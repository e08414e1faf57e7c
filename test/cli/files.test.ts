import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPatterns, globRegExp, IgnoreMatcher, segmentRegExp } from '../../server/src/cli/files';

const root = mkdtempSync(path.join(tmpdir(), 'transcript-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = [
  'a.txt',
  'b.TXT',
  'notes.md',
  'sub/c.transcript',
  'sub/d.txt',
  'sub/deep/e.txt',
  'sub/deep/f.log',
  'drafts/g.txt',
  'drafts/old/h.txt',
  'node_modules/pkg/i.txt',
  '.git/j.txt',
  '.hidden/k.txt',
  'x1.txt',
  'x22.txt',
];

beforeAll(() => {
  for (const file of FILES) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, 'Q: hi?\n');
  }
});

function expand(patterns: string[], ignore: string[] = []): { files: string[]; errors: string[] } {
  const result = expandPatterns(patterns, { cwd: root, ignore });
  return { files: result.files.map((file) => path.relative(root, file).split(path.sep).join('/')), errors: result.errors };
}

describe('expandPatterns', () => {
  it('takes files as named, whatever their extension', () => {
    expect(expand(['notes.md', 'a.txt', 'a.txt'])).toEqual({ files: ['notes.md', 'a.txt'], errors: [] });
  });

  it('searches directories recursively for *.txt and *.transcript, skipping node_modules and hidden ones', () => {
    expect(expand(['.']).files).toEqual([
      'a.txt',
      'b.TXT',
      'drafts/g.txt',
      'drafts/old/h.txt',
      'sub/c.transcript',
      'sub/d.txt',
      'sub/deep/e.txt',
      'x1.txt',
      'x22.txt',
    ]);
  });

  it('skips --ignore names and paths', () => {
    expect(expand(['.hidden']).files).toEqual(['.hidden/k.txt']);
    expect(expand(['.'], ['drafts', 'x*.txt']).files).toEqual(['a.txt', 'b.TXT', 'sub/c.transcript', 'sub/d.txt', 'sub/deep/e.txt']);
    expect(expand(['sub'], ['sub/deep']).files).toEqual(['sub/c.transcript', 'sub/d.txt']);
    expect(expand(['.'], ['drafts/old/', './sub/**/*.txt', 'x*']).files).toEqual(['a.txt', 'b.TXT', 'drafts/g.txt', 'sub/c.transcript']);
  });

  it('expands globs with *, ? and **', () => {
    expect(expand(['*.txt']).files).toEqual(['a.txt', 'x1.txt', 'x22.txt']);
    expect(expand(['x?.txt']).files).toEqual(['x1.txt']);
    expect(expand(['sub/*']).files).toEqual(['sub/c.transcript', 'sub/d.txt', 'sub/deep/e.txt']);
    expect(expand(['**/*.txt']).files).toEqual(['a.txt', 'x1.txt', 'x22.txt', 'drafts/g.txt', 'drafts/old/h.txt', 'sub/d.txt', 'sub/deep/e.txt']);
    expect(expand(['sub/**/*.log']).files).toEqual(['sub/deep/f.log']);
    expect(expand(['**/deep/*.txt']).files).toEqual(['sub/deep/e.txt']);
    expect(expand(['drafts/**']).files).toEqual(['drafts/g.txt', 'drafts/old/h.txt']);
    expect(expand([path.join(root, 'sub', '*.txt')]).files).toEqual(['sub/d.txt']);
    expect(expand(['**/*.txt'], ['drafts']).files).toEqual(['a.txt', 'x1.txt', 'x22.txt', 'sub/d.txt', 'sub/deep/e.txt']);
    expect(expand(['.hidden/*.txt', '.*/*.txt']).files).toEqual(['.hidden/k.txt']);
  });

  it('reports patterns that match nothing and missing files, and still expands the others', () => {
    const result = expand(['missing.txt', '*.nothing', 'a.txt', 'node_modules/pkg/*.md']);
    expect(result.files).toEqual(['a.txt']);
    expect(result.errors).toEqual([
      'missing.txt: no such file or directory',
      '*.nothing: no files match this pattern',
      'node_modules/pkg/*.md: no files match this pattern',
    ]);
    mkdirSync(path.join(root, 'empty'), { recursive: true });
    expect(expand(['empty']).errors).toEqual(['empty: no transcript files (*.txt, *.transcript) in this directory']);
  });

  it.skipIf(process.platform === 'win32')('follows links to files, not links to directories', () => {
    mkdirSync(path.join(root, 'links'), { recursive: true });
    symlinkSync(path.join(root, 'a.txt'), path.join(root, 'links', 'to-a.txt'));
    symlinkSync(root, path.join(root, 'links', 'loop'));
    expect(expand(['links']).files).toEqual(['links/to-a.txt']);
    rmSync(path.join(root, 'links'), { recursive: true });
  });
});

describe('glob matching', () => {
  it('matches segments and paths', () => {
    expect(segmentRegExp('*.txt').test('a.txt')).toBe(true);
    expect(segmentRegExp('*.txt').test('a.txt.bak')).toBe(false);
    expect(segmentRegExp('a?c').test('abc')).toBe(true);
    expect(segmentRegExp('a+(b).txt').test('a+(b).txt')).toBe(true);
    expect(globRegExp('a/**/b.txt').test('a/b.txt')).toBe(true);
    expect(globRegExp('a/**/b.txt').test('a/x/y/b.txt')).toBe(true);
    expect(globRegExp('a/*/b.txt').test('a/x/y/b.txt')).toBe(false);
    expect(globRegExp('**/*.txt').test('x.txt')).toBe(true);
  });

  it('ignores by name anywhere or by path from the current directory', () => {
    const matcher = new IgnoreMatcher(['tmp', 'archive/2023'], '/work');
    expect(matcher.ignores('/work/x/tmp')).toBe(true);
    expect(matcher.ignores('/work/archive/2023')).toBe(true);
    expect(matcher.ignores('/work/other/archive/2023')).toBe(false);
  });
});
