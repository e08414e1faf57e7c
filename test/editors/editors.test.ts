// Real editors from Debian's packages (neovim, emacs-nox + elpa-eglot), headless, against the built
// dist/server.js: what each editor received (pushed diagnostics, outline, hover) is asserted.
// .ci/run installs the editors; elsewhere a missing editor skips its suite with a message.
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const server = path.join(root, 'dist', 'server.js');

function installed(command: string): boolean {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0) return true;
  // On CI (.ci/run installs the editors) a missing editor is a failure, not a skip.
  if (process.env.CI) throw new Error(`${command} is not installed; .ci/run installs it (apt-get install neovim emacs-nox elpa-eglot)`);
  console.warn(`[editors] ${command} is not installed: its suite is skipped (apt-get install neovim emacs-nox elpa-eglot).`);
  return false;
}

interface Received {
  diagnostics?: Array<{ code: string; source: string; severity: number; range: { start: { line: number } } }>;
  symbols?: Array<{ name: string; range: { start: { line: number } }; children?: unknown[] }>;
  hover?: { contents: { kind: string; value: string } };
  shown?: number;
  errors?: string[];
}

let workdir = '';
let transcript = '';

beforeAll(() => {
  if (!existsSync(server)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  workdir = mkdtempSync(path.join(tmpdir(), 'transcript-editors-'));
  transcript = path.join(workdir, 'interview.transcript');
  copyFileSync(path.join(root, 'test', 'fixtures', 'zh-interview.txt'), transcript);
});

afterAll(() => {
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

function run(command: string, args: string[], name: string): Received {
  const out = path.join(workdir, `${name}.json`);
  const child = spawnSync(command, args, {
    cwd: workdir,
    env: { ...process.env, TRANSCRIPT_SERVER: server, TRANSCRIPT_FILE: transcript, TRANSCRIPT_OUT: out, HOME: workdir, XDG_CONFIG_HOME: workdir },
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (!existsSync(out)) throw new Error(`${name} wrote nothing (exit ${child.status}): ${child.stderr}\n${child.stdout}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Received;
}

function expectTranscriptResults(received: Received): void {
  expect(received.errors ?? []).toEqual([]);
  // Pushed diagnostics for the duplicate, unanswered last question (0-based line 14).
  expect(received.diagnostics?.map((d) => [d.code, d.source, d.range.start.line]).sort()).toEqual([
    ['duplicate-question', 'transcript', 14],
    ['unanswered-question', 'transcript', 14],
  ]);
  // The outline: the preamble, then the six exchanges, each starting on its question's line.
  expect(received.symbols?.map((s) => s.range.start.line)).toEqual([0, 3, 5, 7, 10, 12, 14]);
  expect(received.symbols?.[1].name).toBe('周老板，现在大家都在网上买书，实体书店靠什么留住读者？');
  expect(received.symbols?.[3].children).toHaveLength(2);
  // The speaker hover on line 5's label.
  expect(received.hover?.contents.kind).toBe('markdown');
  expect(received.hover?.contents.value).toContain('**周明远** — answerer');
  expect(received.hover?.contents.value).toContain('4 turns');
}

describe.skipIf(!installed('nvim'))('Neovim (vim.lsp.start_client)', () => {
  it('receives diagnostics, the outline and a hover', () => {
    const received = run('nvim', ['--headless', '--clean', '-u', path.join(__dirname, 'nvim-init.lua')], 'nvim');
    expectTranscriptResults(received);
    expect(received.shown).toBe(2);
  });
});

describe.skipIf(!installed('emacs'))('Emacs eglot', () => {
  it('receives diagnostics, the outline and a hover', () => {
    const received = run('emacs', ['--batch', '-l', path.join(__dirname, 'eglot-test.el')], 'emacs');
    expectTranscriptResults(received);
  });
});
