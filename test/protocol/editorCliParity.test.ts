// The editor and the CLI give the same diagnostics for the same file and config: the language
// server (over stdio, reading .transcriptrc.json next to the file) and transcript-lint --format json.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/cli';
import { ensureServerBuilt, FIXTURES, LspClient } from './helpers/lspClient';

interface CliDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** One comparable shape for both: code, severity word, 1-based range, message. */
function fromServer(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 0]} ${String(d.code)} ${d.message}`,
  );
}

function fromCli(diagnostics: CliDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.severity} ${d.code} ${d.message}`);
}

async function cliDiagnostics(file: string): Promise<string[]> {
  let stdout = '';
  const io = { stdout: { write: (text: string) => (stdout += text), isTTY: false }, stderr: { write: () => true, isTTY: false }, cwd: path.dirname(file) };
  await main(['--format', 'json', path.basename(file)], io);
  const [report] = JSON.parse(stdout) as Array<{ diagnostics: CliDiagnostic[] }>;
  return fromCli(report.diagnostics).sort();
}

describe('editor and CLI parity', () => {
  let dir = '';
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'transcript-parity-'));
    ({ client } = await LspClient.start({ configurationCapability: false }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, string, object | undefined]> = [
    ['the defaults', 'zh-interview.txt', undefined],
    ['rule levels from .transcriptrc.json', 'en-podcast.transcript', { rules: { 'unanswered-question': 'error', 'duplicate-question': 'hint' } }],
    ['speaker roles from .transcriptrc.json', 'zh-interview.txt', { questionSpeakers: ['林晓岚'] }],
    ['a rule turned off and a lower threshold', 'en-qa.txt', { rules: { 'duplicate-question': 'off' }, similarQuestionThreshold: 0.5 }],
  ];

  it.each(cases)('%s', async (_name, fixture, config) => {
    const folder = mkdtempSync(path.join(dir, 'case-'));
    const file = path.join(folder, fixture);
    copyFileSync(path.join(FIXTURES, fixture), file);
    if (config) writeFileSync(path.join(folder, '.transcriptrc.json'), JSON.stringify(config));
    const text = readFileSync(file, 'utf8');

    const editor = fromServer(await client.open(pathToFileURL(file).toString(), text)).sort();
    const cli = await cliDiagnostics(file);
    expect(editor.length).toBeGreaterThan(0);
    expect(editor).toEqual(cli);
    if (config) {
      // The config really took effect in both (not two identical default runs).
      const defaults = fromServer(await client.open(pathToFileURL(path.join(FIXTURES, fixture)).toString() + '?defaults', text)).sort();
      expect(editor).not.toEqual(defaults);
    }
  });
});
