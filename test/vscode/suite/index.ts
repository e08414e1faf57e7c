/**
 * Runs inside the VS Code extension host (@vscode/test-electron). No test framework: each check
 * is an async function; the first failure rejects and fails the run.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const fixtures = path.resolve(__dirname, '..', '..', 'test', 'fixtures');

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(path.join(fixtures, name));
  return vscode.window.showTextDocument(document);
}

const checks: Array<[string, () => Promise<void>]> = [
  [
    'a transcript .txt switches to the Transcript language; a log stays plain text',
    async () => {
      const editor = await open('zh-interview.txt');
      await waitFor('language transcript', () => (editor.document.languageId === 'transcript' ? true : undefined));
      const log = await open('not-a-transcript.txt');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.strictEqual(log.document.languageId, 'plaintext');
    },
  ],
  [
    'diagnostics: duplicate and unanswered on the last question',
    async () => {
      const editor = await open('zh-interview.txt');
      const diagnostics = await waitFor('diagnostics', () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'transcript');
        return found.length >= 2 ? found : undefined;
      });
      const codes = diagnostics.map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.range.start.line]);
      assert.deepStrictEqual(codes, [
        ['duplicate-question', 14],
        ['unanswered-question', 14],
      ]);
    },
  ],
  [
    'outline lists the preamble and the exchanges',
    async () => {
      const editor = await open('zh-interview.txt');
      const symbols = await waitFor('symbols', async () => {
        const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return result && result.length > 0 ? result : undefined;
      });
      assert.strictEqual(symbols.length, 7);
      assert.ok(symbols[1].name.startsWith('周老板'));
    },
  ],
  [
    'hover on a speaker label',
    async () => {
      const editor = await open('zh-interview.txt');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 3));
      const text = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('')).join('');
      assert.ok(text.includes('周明远'), text);
      assert.ok(text.includes('4 turns'), text);
    },
  ],
];

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} VS Code checks failed`);
}
