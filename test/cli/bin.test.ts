/** The built command: `node dist/cli.js` with its shebang and bootstrap, as npm's bin link runs it. */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/cli.js', () => {
  it('starts with a shebang and is named in package.json bin', () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin['transcript-lint']).toBe('dist/cli.js');
  });

  it('runs main and sets the exit status', () => {
    const result = cli(['test/fixtures/zh-interview.txt']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('test/fixtures/zh-interview.txt:15:3: warning duplicate-question');
    expect(result.stdout).toContain('2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file');
    expect(cli(['--max-level', 'error', 'test/fixtures/zh-interview.txt']).status).toBe(0);
    expect(cli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    const usage = cli(['--nope']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown option '--nope'");
  });
});
