/**
 * The language server as an editor sees it: `node dist/server.js --stdio`, spoken to over JSON-RPC.
 * Once as a client without `workspace/configuration` (like Neovim), once with it (like VS Code).
 * Every wait is for a concrete message with a timeout; there are no fixed sleeps.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  InitializeResult,
  MarkupContent,
  Range,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editsFor, ensureServerBuilt, FIXTURES, LspClient, REPO_ROOT } from './helpers/lspClient';

const ZH_TEXT = readFileSync(path.join(FIXTURES, 'zh-interview.txt'), 'utf8');
const ZH_LINES = ZH_TEXT.split('\n');
/** 0-based lines of the fixture's questions (`　　提问：…`) and their text. */
const ZH_QUESTIONS = ZH_LINES.flatMap((line, index) => {
  const match = /^\u3000\u3000提问：(.*)$/.exec(line);
  return match ? [{ line: index, text: match[1] }] : [];
});
const ZH_DUPLICATE_LINE = 14;
const ZH_FIRST_ASKED_LINE = 10;

/** Outside the repository: skipped cleanly when ../shared is absent. Never copied into the repo. */
const SEED = path.resolve(REPO_ROOT, '..', 'shared', 'seed', '000_ac89db1cb9026c0d.txt');
const SEED_DUPLICATE_LINE = 38;
const SEED_FIRST_ASKED_LINE = 36;

const CODE_DESCRIPTION_HREF = /^https:\/\/\S+#(duplicate-question|unanswered-question|similar-question)$/;

function applyEdits(text: string, edits: Parameters<typeof TextDocument.applyEdits>[1]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///apply', 'transcript', 1, text), edits);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code);
  expect(found, `a ${code} diagnostic in ${JSON.stringify(diagnostics)}`).toBeDefined();
  return found!;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function markdown(value: unknown): string {
  expect(value).toMatchObject({ kind: 'markdown' });
  return (value as MarkupContent).value;
}

/** The two diagnostics the zh fixture must produce on its last question, and the related line. */
function expectDuplicateAndUnanswered(diagnostics: Diagnostic[], uri: string, line: number, firstAskedLine: number): void {
  expect(codes(diagnostics)).toEqual(['duplicate-question', 'unanswered-question']);
  for (const diagnostic of diagnostics) {
    expect(diagnostic.range.start.line).toBe(line);
    expect(diagnostic.range.end.line).toBe(line);
    expect(diagnostic.severity).toBe(DiagnosticSeverity.Warning);
    expect(diagnostic.source).toBe('transcript');
    expect(diagnostic.codeDescription?.href).toMatch(CODE_DESCRIPTION_HREF);
    expect(diagnostic.codeDescription?.href.endsWith('#' + String(diagnostic.code))).toBe(true);
    expect(diagnostic.message.length).toBeGreaterThan(0);
  }
  const duplicate = byCode(diagnostics, 'duplicate-question');
  expect(duplicate.relatedInformation?.length).toBeGreaterThanOrEqual(1);
  expect(duplicate.relatedInformation![0].location.uri).toBe(uri);
  expect(duplicate.relatedInformation![0].location.range.start.line).toBe(firstAskedLine);
}

/** The "Remove duplicate question" fix for a duplicate diagnostic, checked to delete exactly `line`. */
async function removeDuplicateFix(
  client: LspClient,
  uri: string,
  text: string,
  duplicate: Diagnostic,
  line: number,
): Promise<{ fixed: string; edits: ReturnType<typeof editsFor> }> {
  const actions = await client.codeActions(uri, duplicate.range, [duplicate]);
  const fix = actions.find((action) => action.title === 'Remove duplicate question');
  expect(fix, `actions offered: ${actions.map((action) => action.title).join(' | ')}`).toBeDefined();
  expect(fix!.kind).toBe(CodeActionKind.QuickFix);
  expect(fix!.diagnostics?.map((diagnostic) => diagnostic.code)).toEqual(['duplicate-question']);
  const edits = editsFor(fix!.edit, uri);
  expect(edits).toHaveLength(1);
  const fixed = applyEdits(text, edits);
  const lines = text.split('\n');
  expect(fixed.split('\n')).toEqual([...lines.slice(0, line), ...lines.slice(line + 1)]);
  return { fixed, edits };
}

describe('over stdio, a client without workspace/configuration (like Neovim)', () => {
  let client: LspClient;
  let initializeResult: InitializeResult;

  beforeAll(async () => {
    ensureServerBuilt();
    ({ client, initializeResult } = await LspClient.start({ configurationCapability: false }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
  });

  it('announces its capabilities', () => {
    const capabilities = initializeResult.capabilities;
    expect(capabilities.textDocumentSync).toBe(TextDocumentSyncKind.Incremental);
    expect(capabilities.documentSymbolProvider).toBeTruthy();
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining([CodeActionKind.QuickFix, CodeActionKind.SourceFixAll]) });
    expect(initializeResult.serverInfo?.name).toBe('transcript-language-server');
  });

  describe('zh-interview.txt', () => {
    const uri = 'file:///fixtures/zh-interview.txt';
    let opened: Diagnostic[];

    beforeAll(async () => {
      opened = await client.open(uri, ZH_TEXT);
    });

    it('publishes exactly a duplicate and an unanswered warning on the last question', () => {
      expectDuplicateAndUnanswered(opened, uri, ZH_DUPLICATE_LINE, ZH_FIRST_ASKED_LINE);
      // Both underline the question's label line, from the label on.
      const lineText = ZH_LINES[ZH_DUPLICATE_LINE];
      for (const diagnostic of opened) {
        expect(diagnostic.range.start.character).toBe(lineText.indexOf('提问'));
        expect(diagnostic.range.end.character).toBe(lineText.length);
      }
      expect(client.configurationRequests).toBe(0);
    });

    it('outlines the preamble, then one symbol per exchange with the answers as children', async () => {
      const result = await client.documentSymbols(uri);
      expect(Array.isArray(result)).toBe(true);
      const symbols = result as DocumentSymbol[];
      expect(symbols.every((symbol) => 'selectionRange' in symbol)).toBe(true); // hierarchical, not SymbolInformation

      const [preamble, ...exchanges] = symbols;
      expect(preamble.name).toBe(ZH_LINES[0]);
      expect(preamble.detail).toBe('preamble');
      expect(preamble.range.start.line).toBe(0);
      expect(preamble.range.end.line).toBe(ZH_QUESTIONS[0].line - 1);

      expect(exchanges).toHaveLength(ZH_QUESTIONS.length);
      exchanges.forEach((symbol, i) => {
        const question = ZH_QUESTIONS[i];
        expect(question.text.startsWith(symbol.name.replace(/…$/, ''))).toBe(true);
        expect(symbol.range.start.line).toBe(question.line);
        expect(symbol.selectionRange.start.line).toBe(question.line);
        expect(contains(symbol.range, symbol.selectionRange)).toBe(true);
        for (const child of symbol.children ?? []) expect(contains(symbol.range, child.range)).toBe(true);
      });

      // 出版社怎么看待独立书店的作用？ is answered by two speakers, on the two lines after it.
      const twoAnswers = exchanges.find((symbol) => symbol.name.startsWith('出版社怎么看待'));
      expect(twoAnswers).toBeDefined();
      const children = twoAnswers!.children ?? [];
      expect(children.map((child) => child.name.split(':')[0])).toEqual(['林晓岚', '周明远']);
      expect(children.map((child) => child.range.start.line)).toEqual([twoAnswers!.range.start.line + 1, twoAnswers!.range.start.line + 2]);
      expect(children[0].name).toContain('独立书店是新书最好的试验田');
      expect(twoAnswers!.detail).toBe('林晓岚, 周明远');

      // The duplicate at the end has no answer.
      const last = exchanges[exchanges.length - 1];
      expect(last.range.start.line).toBe(ZH_DUPLICATE_LINE);
      expect(last.children ?? []).toEqual([]);
      expect(last.detail).toBe('unanswered');
    });

    it('hovers a speaker label with name, role, turn count and the preamble mention', async () => {
      const line = ZH_LINES.findIndex((text) => text.startsWith('\u3000\u3000周明远：'));
      const result = await client.hover(uri, { line, character: 3 });
      expect(result).not.toBeNull();
      const value = markdown(result!.contents);
      expect(value).toContain('**周明远**');
      expect(value).toContain('answerer');
      const turns = ZH_LINES.filter((text) => text.startsWith('\u3000\u3000周明远：')).length;
      expect(value).toContain(`${turns} turns`);
      expect(value).toContain('Introduced in the preamble (line 2)');
      expect(value).toContain('创始人');
      expect(result!.range).toEqual({ start: { line, character: 2 }, end: { line, character: 5 } });

      const asker = await client.hover(uri, { line: ZH_QUESTIONS[0].line, character: 2 });
      const askerValue = markdown(asker!.contents);
      expect(askerValue).toContain('**提问**');
      expect(askerValue).toContain('questioner');
      expect(askerValue).toContain(`asked ${ZH_QUESTIONS.length} questions`);
    });

    it('hovers a question with who answered it', async () => {
      const question = ZH_QUESTIONS.find((entry) => entry.text.startsWith('出版社怎么看待'))!;
      const result = await client.hover(uri, { line: question.line, character: 8 });
      const value = markdown(result!.contents);
      expect(value).toContain(`**Question** by 提问 (line ${question.line + 1})`);
      expect(value).toContain(`Answered by 林晓岚 (line ${question.line + 2}), 周明远 (line ${question.line + 3})`);

      const duplicate = markdown((await client.hover(uri, { line: ZH_DUPLICATE_LINE, character: 8 }))!.contents);
      expect(duplicate).toContain('Not answered');
      expect(duplicate).toContain(`Also asked on line ${ZH_FIRST_ASKED_LINE + 1}`);
    });

    it('offers source.fixAll with the fix-all edit', async () => {
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [CodeActionKind.SourceFixAll]);
      expect(actions).toHaveLength(1);
      expect(actions[0].kind).toBe(CodeActionKind.SourceFixAll);
      const fixed = applyEdits(ZH_TEXT, editsFor(actions[0].edit, uri));
      expect(fixed.split('\n')).toEqual([...ZH_LINES.slice(0, ZH_DUPLICATE_LINE), ...ZH_LINES.slice(ZH_DUPLICATE_LINE + 1)]);
      // Quick fixes are not offered when only source.fixAll is asked for.
      expect(actions.every((action) => action.kind === CodeActionKind.SourceFixAll)).toBe(true);
    });

    it('offers "Add an answer" for the unanswered question, inserting a label line after it', async () => {
      const unanswered = byCode(opened, 'unanswered-question');
      const actions = await client.codeActions(uri, unanswered.range, [unanswered]);
      const add = actions.filter((action) => action.title.startsWith('Add an answer by '));
      expect(add.map((action) => action.title)).toEqual(['Add an answer by 周明远', 'Add an answer by 林晓岚']);
      const fixed = applyEdits(ZH_TEXT, editsFor(add[0].edit, uri));
      const lines = fixed.split('\n');
      expect(lines).toEqual([...ZH_LINES.slice(0, ZH_DUPLICATE_LINE + 1), '\u3000\u3000周明远：', ...ZH_LINES.slice(ZH_DUPLICATE_LINE + 1)]);
    });

    it('removes the duplicate with its quick fix; the re-published diagnostics have no duplicate', async () => {
      const duplicate = byCode(opened, 'duplicate-question');
      const { fixed } = await removeDuplicateFix(client, uri, ZH_TEXT, duplicate, ZH_DUPLICATE_LINE);
      const after = await client.change(uri, fixed, 2);
      expect(codes(after)).not.toContain('duplicate-question');
      expect(after).toEqual([]); // the question before it was answered
      // The document symbols follow the change.
      const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
      expect(symbols).toHaveLength(ZH_QUESTIONS.length); // preamble + one exchange fewer
    });
  });

  it('gives the CRLF version of a fixture the same diagnostics', async () => {
    const lf = await client.open('file:///fixtures/lf/zh-interview.txt', ZH_TEXT);
    const crlf = await client.open('file:///fixtures/crlf/zh-interview.txt', ZH_TEXT.replace(/\n/g, '\r\n'));
    const shape = (diagnostics: Diagnostic[]) =>
      diagnostics.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range, related: diagnostic.relatedInformation?.map((info) => info.location.range) }));
    expect(shape(crlf)).toEqual(shape(lf));
    expect(crlf.map((diagnostic) => diagnostic.range.start.line)).toEqual([ZH_DUPLICATE_LINE, ZH_DUPLICATE_LINE]);
    const lone = await client.open('file:///fixtures/cr/zh-interview.txt', ZH_TEXT.replace(/\n/g, '\r'));
    expect(shape(lone)).toEqual(shape(lf));
  });

  it('serves unsaved (untitled:) and virtual-workspace documents like files', async () => {
    const file = await client.open('file:///fixtures/scheme/zh-interview.txt', ZH_TEXT);
    for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/owner/repo/zh-interview.txt']) {
      const diagnostics = await client.open(uri, ZH_TEXT);
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), uri).toEqual(file.map((diagnostic) => [diagnostic.code, diagnostic.range]));
      expect(((await client.documentSymbols(uri)) ?? []).length, uri).toBe(7);
    }
  });

  it('re-publishes diagnostics on workspace/didChangeConfiguration with pushed settings', async () => {
    const uri = 'file:///fixtures/pushed/zh-interview.txt';
    expect(codes(await client.open(uri, ZH_TEXT))).toEqual(['duplicate-question', 'unanswered-question']);

    let republished = client.nextDiagnostics(uri);
    await client.didChangeConfiguration({ transcript: { rules: { 'unanswered-question': 'off' } } });
    expect(codes((await republished).diagnostics)).toEqual(['duplicate-question']);

    republished = client.nextDiagnostics(uri);
    await client.didChangeConfiguration({ transcript: { rules: { 'duplicate-question': 'error' } } });
    const diagnostics = (await republished).diagnostics;
    expect(codes(diagnostics)).toEqual(['duplicate-question', 'unanswered-question']);
    expect(byCode(diagnostics, 'duplicate-question').severity).toBe(DiagnosticSeverity.Error);

    republished = client.nextDiagnostics(uri);
    await client.didChangeConfiguration({ transcript: {} });
    expect(byCode((await republished).diagnostics, 'duplicate-question').severity).toBe(DiagnosticSeverity.Warning);
    expect(client.configurationRequests).toBe(0);
  });

  it('answers requests for a document it was never sent with empty results', async () => {
    const uri = 'file:///never/opened.transcript';
    expect(await client.documentSymbols(uri)).toEqual([]);
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [])).toEqual([]);
  });

  it('survives garbage documents and keeps answering', async () => {
    // Deterministic "random" bytes (a linear congruential generator), read as latin1 and as UTF-8.
    let seed = 0x2545f491;
    const bytes = Buffer.alloc(6000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const garbage: Record<string, string> = {
      latin1: bytes.toString('latin1'),
      utf8: bytes.toString('utf8'),
      longLine: 'Q: ' + 'why '.repeat(1250) + '?\nA: ' + 'x'.repeat(5000) + '\n' + 'y'.repeat(5000),
      longLabelish: 'a'.repeat(5000) + ': b\n' + 'a'.repeat(5000) + '：？\n',
      surrogates: '\uD800Q\uDC00: hi?\n\uDBFF：\uDFFF?\n提问：\uD83D？\nQ: \uDE00\uD83D\n\uD83D\uDE00: \uDC00\n\uDFFF',
      colons: ':'.repeat(3000) + '\n' + '：'.repeat(300) + '\n::\n：\n:\n' + ':：'.repeat(100),
      controls: '\u0000Q:\u0000?\u0007\n\u200bA\u200b: \u2028\u2029\r\r\n\n\ufeff\ufeffQ：？',
    };
    const uris: string[] = [];
    for (const [name, text] of Object.entries(garbage)) {
      const uri = `file:///garbage/${name}.transcript`;
      uris.push(uri);
      const diagnostics = await client.open(uri, text);
      expect(Array.isArray(diagnostics)).toBe(true);
      const symbols = await client.documentSymbols(uri);
      expect(Array.isArray(symbols), `documentSymbol for ${name}`).toBe(true);
      // Hover and code actions anywhere must not fail either.
      await client.hover(uri, { line: 0, character: 1 });
      await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics);
      await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [CodeActionKind.SourceFixAll]);
    }
    expect(client.isAlive).toBe(true);
    const fresh = 'file:///garbage/after.transcript';
    expect(codes(await client.open(fresh, ZH_TEXT))).toEqual(['duplicate-question', 'unanswered-question']);
    expect(((await client.documentSymbols(fresh)) as DocumentSymbol[]).length).toBe(ZH_QUESTIONS.length + 1);
    for (const uri of uris) await client.close(uri);
    // No request handler failed (the server logs failures instead of crashing).
    expect(client.logs.filter((message) => message.includes('failed'))).toEqual([]);
    expect(client.errorOutput).toBe('');
  });

  describe.skipIf(!existsSync(SEED))('the shared seed transcript', () => {
    const uri = 'file:///seed/000_ac89db1cb9026c0d.txt';
    let text: string;
    let opened: Diagnostic[];

    beforeAll(async () => {
      text = readFileSync(SEED, 'utf8');
      opened = await client.open(uri, text);
    });

    it('reports exactly a duplicate and an unanswered question on line 38', () => {
      expectDuplicateAndUnanswered(opened, uri, SEED_DUPLICATE_LINE, SEED_FIRST_ASKED_LINE);
    });

    it('removes line 38 only with the quick fix, after which no duplicate is reported', async () => {
      const { fixed, edits } = await removeDuplicateFix(client, uri, text, byCode(opened, 'duplicate-question'), SEED_DUPLICATE_LINE);
      // Sent as the editor applies a WorkspaceEdit: an incremental change with the fix's own range.
      const after = await client.changeIncremental(uri, edits, 2);
      expect(codes(after)).not.toContain('duplicate-question');
      // The server's copy of the text is the fixed text: the outline ends one exchange earlier.
      const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
      const lastSymbol = symbols[symbols.length - 1];
      expect(lastSymbol.range.end.line).toBeLessThan(SEED_DUPLICATE_LINE);
      const fixedLines = fixed.split('\n');
      let lastNonBlank = fixedLines.length - 1;
      while (lastNonBlank > 0 && fixedLines[lastNonBlank].trim() === '') lastNonBlank--;
      expect(lastSymbol.range.end.line).toBe(lastNonBlank);
    });
  });

  it('shuts down and exits with code 0', async () => {
    const exit = await client.shutdown();
    expect(exit).toEqual({ code: 0, signal: null });
  });
});

describe('over stdio, a client with workspace/configuration (like VS Code)', () => {
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    ({ client } = await LspClient.start({ configurationCapability: true, settings: { rules: { 'unanswered-question': 'off' } } }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
  });

  const uri = 'file:///configured/zh-interview.txt';

  it('pulls the settings: with unanswered-question off, only the duplicate is reported', async () => {
    const diagnostics = await client.open(uri, ZH_TEXT);
    expect(codes(diagnostics)).toEqual(['duplicate-question']);
    expect(diagnostics[0].range.start.line).toBe(ZH_DUPLICATE_LINE);
    expect(client.configurationRequests).toBeGreaterThan(0);
    expect(client.configurationItems).toContainEqual({ scopeUri: uri, section: 'transcript' });
  });

  it('registers for configuration changes', () => {
    expect(client.registrations).toContain('workspace/didChangeConfiguration');
  });

  it('re-pulls and re-publishes on workspace/didChangeConfiguration', async () => {
    const requestsBefore = client.configurationRequests;
    client.settings = { rules: { 'duplicate-question': 'hint' } };
    const republished = client.nextDiagnostics(uri);
    await client.didChangeConfiguration(null);
    const diagnostics = (await republished).diagnostics;
    expect(client.configurationRequests).toBeGreaterThan(requestsBefore);
    expect(codes(diagnostics)).toEqual(['duplicate-question', 'unanswered-question']);
    expect(byCode(diagnostics, 'duplicate-question').severity).toBe(DiagnosticSeverity.Hint);
    expect(byCode(diagnostics, 'unanswered-question').severity).toBe(DiagnosticSeverity.Warning);
  });

  it('applies pulled settings to code actions too', async () => {
    client.settings = { rules: { 'duplicate-question': 'off' } };
    const republished = client.nextDiagnostics(uri);
    await client.didChangeConfiguration(null);
    const diagnostics = (await republished).diagnostics;
    expect(codes(diagnostics)).toEqual(['unanswered-question']);
    const actions: CodeAction[] = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    expect(actions.map((action) => action.title)).toEqual(['Add an answer by 周明远', 'Add an answer by 林晓岚']);
  });

  it('shuts down and exits with code 0', async () => {
    expect(await client.shutdown()).toEqual({ code: 0, signal: null });
  });
});

describe('over stdio, settings pushed in initializationOptions', () => {
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    ({ client } = await LspClient.start({
      configurationCapability: false,
      initializationOptions: { settings: { rules: { 'unanswered-question': 'off' } } },
    }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
  });

  it('uses them without asking the client', async () => {
    const diagnostics = await client.open('file:///init/zh-interview.txt', ZH_TEXT);
    expect(codes(diagnostics)).toEqual(['duplicate-question']);
    expect(client.configurationRequests).toBe(0);
    expect(await client.shutdown()).toEqual({ code: 0, signal: null });
  });
});

describe('over stdio, an editor that goes away', () => {
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    ({ client } = await LspClient.start({ configurationCapability: false }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
  });

  it('exits when its stdin is closed without shutdown', async () => {
    await client.open('file:///gone/zh-interview.txt', ZH_TEXT);
    client.process.stdin.end();
    const exit = await client.waitForExit();
    expect(exit.signal).toBeNull();
    expect(client.isAlive).toBe(false);
  });
});
