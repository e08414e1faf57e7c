/**
 * The speaker features through the protocol: `node dist/server.js --stdio` driven as an editor
 * would. Diagnostics and quick fixes of inconsistent-speaker and undeclared-speaker, rename
 * (prepareRename refusals included), references, highlights, completion, workspace symbols,
 * semantic tokens and inlay hints (off by default, on through the setting).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DocumentHighlightKind,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  SymbolInformation,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editsFor, ensureServerBuilt, FIXTURES, LspClient } from './helpers/lspClient';

const read = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const DRIFT = read('en-drift.txt');
const ZH_DRIFT = read('zh-drift.txt');
const DECLARED = read('en-declared.txt');
const ZH_DECLARED = read('zh-declared.txt');
const CHAT = read('chat-session.txt');
const PODCAST = read('en-podcast.transcript');

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const position = (line: number, character: number) => ({ line, character });

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///apply', 'transcript', 1, text), edits);
}

function ofCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** The server's refusal: a ResponseError with LSP's RequestFailed code and this message. */
async function expectRefusal(request: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await request.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ResponseError);
  expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestFailed);
  if (typeof message === 'string') expect((error as ResponseError<unknown>).message).toBe(message);
  else expect((error as ResponseError<unknown>).message).toMatch(message);
}

describe('speaker features over stdio', () => {
  let client: LspClient;
  let initializeResult: InitializeResult;

  beforeAll(async () => {
    ensureServerBuilt();
    ({ client, initializeResult } = await LspClient.start({ configurationCapability: false }));
  }, 60_000);

  afterAll(() => {
    client?.dispose();
  });

  it('announces rename (with prepare), references, highlights, completion, workspace symbols, semantic tokens and inlay hints', () => {
    const capabilities = initializeResult.capabilities;
    expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
    expect(capabilities.referencesProvider).toBe(true);
    expect(capabilities.documentHighlightProvider).toBe(true);
    expect(capabilities.completionProvider).toBeTruthy();
    expect(capabilities.workspaceSymbolProvider).toBe(true);
    expect(capabilities.semanticTokensProvider).toEqual({
      legend: { tokenTypes: ['keyword', 'function', 'number', 'comment'], tokenModifiers: ['declaration'] },
      full: true,
      range: true,
    });
    expect(capabilities.inlayHintProvider).toBe(true);
  });

  describe('inconsistent-speaker', () => {
    const uri = 'file:///speakers/en-drift.txt';
    let opened: Diagnostic[];

    beforeAll(async () => {
      opened = await client.open(uri, DRIFT);
    });

    it('publishes an Information diagnostic on each variant label, related to the main form', () => {
      expect(opened.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range])).toEqual([
        ['inconsistent-speaker', DiagnosticSeverity.Information, range(7, 0, 9)],
        ['inconsistent-speaker', DiagnosticSeverity.Information, range(9, 0, 5)],
      ]);
      for (const diagnostic of opened) {
        expect(diagnostic.source).toBe('transcript');
        expect(diagnostic.codeDescription?.href).toMatch(/^https:\/\/\S+#inconsistent-speaker$/);
        expect(diagnostic.relatedInformation).toEqual([{ location: { uri, range: range(3, 0, 9) }, message: "'MS. PSAKI' (line 4)" }]);
      }
      expect(opened[0].message).toBe("Speaker 'Ms. Psaki' is written 'MS. PSAKI' in 3 turns (first on line 4): one speaker under variant labels.");
    });

    it("fixes them with \"Use 'MS. PSAKI' for this speaker everywhere\"; the re-published diagnostics are empty", async () => {
      const actions = await client.codeActions(uri, opened[1].range, [opened[1]]);
      expect(actions.map((action) => [action.title, action.kind, action.isPreferred])).toEqual([
        ["Use 'MS. PSAKI' for this speaker everywhere", CodeActionKind.QuickFix, true],
      ]);
      const edits = editsFor(actions[0].edit, uri);
      expect(edits).toEqual([
        { range: range(7, 0, 9), newText: 'MS. PSAKI' },
        { range: range(9, 0, 5), newText: 'MS. PSAKI' },
      ]);
      const after = await client.changeIncremental(uri, edits, 2);
      expect(after).toEqual([]);
      const lines = applyEdits(DRIFT, edits).split('\n');
      expect([lines[7], lines[9]]).toEqual(['MS. PSAKI: Fares stay the same this year.', 'MS. PSAKI: It is on schedule for June.']);
      // The server's copy changed with it: every MS. PSAKI label is one speaker now.
      expect((await client.references(uri, position(3, 2), false))?.map((location) => location.range.start.line)).toEqual([3, 5, 7, 9, 11]);
    });

    it('also reports a full-width Ｑ next to Q and 孙 弘 next to 孙弘', async () => {
      const diagnostics = await client.open('file:///speakers/zh-drift.txt', ZH_DRIFT);
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([
        ['inconsistent-speaker', range(6, 2, 5)],
        ['inconsistent-speaker', range(7, 2, 3)],
      ]);
    });
  });

  describe('undeclared-speaker', () => {
    it('warns on the turns of a speaker missing from a Speakers: line; the fix appends ", Lee Moreno"', async () => {
      const uri = 'file:///speakers/en-declared.txt';
      const lines = DECLARED.split('\n');
      const diagnostics = await client.open(uri, DECLARED);
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range])).toEqual([
        ['undeclared-speaker', DiagnosticSeverity.Warning, range(7, 0, 10)],
        ['undeclared-speaker', DiagnosticSeverity.Warning, range(9, 0, 10)],
      ]);
      expect(diagnostics[0].codeDescription?.href).toMatch(/#undeclared-speaker$/);
      expect(diagnostics[0].relatedInformation).toEqual([{ location: { uri, range: range(1, 0, lines[1].length) }, message: 'Speakers declared here' }]);
      const actions = await client.codeActions(uri, diagnostics[0].range, [diagnostics[0]]);
      expect(actions.map((action) => action.title)).toEqual(["Add 'Lee Moreno' to the declared speakers"]);
      const edits = editsFor(actions[0].edit, uri);
      expect(edits).toEqual([{ range: range(1, lines[1].length, lines[1].length), newText: ', Lee Moreno' }]);
      expect(await client.changeIncremental(uri, edits, 2)).toEqual([]);
    });

    it('appends 、王芳 to a 人物： line', async () => {
      const uri = 'file:///speakers/zh-declared.txt';
      const diagnostics = await client.open(uri, ZH_DECLARED);
      expect(ofCode(diagnostics, 'undeclared-speaker').map((diagnostic) => diagnostic.range)).toEqual([range(7, 0, 2)]);
      const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
      const edits = editsFor(actions[0].edit, uri);
      expect(edits).toEqual([{ range: range(1, 9, 9), newText: '、王芳' }]);
      expect(applyEdits(ZH_DECLARED, edits).split('\n')[1]).toBe('人物：孙弘、李钟伟、王芳');
    });

    it('appends ", FAT Unknown" to a CHAT @Participants header', async () => {
      const uri = 'file:///speakers/chat-session.txt';
      const lines = CHAT.split('\n');
      const diagnostics = await client.open(uri, CHAT);
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message])).toEqual([
        ['undeclared-speaker', range(11, 1, 4), "Speaker 'FAT' is not among @Participants (line 4)."],
      ]);
      const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
      expect(actions.map((action) => action.title)).toEqual(["Add 'FAT' to @Participants"]);
      expect(editsFor(actions[0].edit, uri)).toEqual([{ range: range(4, lines[4].length, lines[4].length), newText: ', FAT Unknown' }]);
    });
  });

  describe('rename', () => {
    const uri = 'file:///speakers/rename.txt';

    beforeAll(async () => {
      await client.open(uri, ZH_DRIFT);
    });

    it('prepareRename answers the label range on a label', async () => {
      expect(await client.prepareRename(uri, position(4, 3))).toEqual(range(4, 2, 4));
      expect(await client.prepareRename(uri, position(7, 2))).toEqual(range(7, 2, 3));
    });

    it('prepareRename refuses outside a label, with a clear message', async () => {
      const message = 'Place the cursor on a speaker label to rename the speaker.';
      await expectRefusal(client.prepareRename(uri, position(4, 8)), message);
      await expectRefusal(client.prepareRename(uri, position(0, 2)), message);
      await expectRefusal(client.rename(uri, position(4, 8), '孙总'), message);
    });

    it('renames every turn label of the speaker in all its written forms, nothing inside turns', async () => {
      const edit = await client.rename(uri, position(3, 2), '问');
      const edits = editsFor(edit ?? undefined, uri);
      expect(edits).toEqual([3, 5, 7].map((line) => ({ range: range(line, 2, 3), newText: '问' })));
      const lines = applyEdits(ZH_DRIFT, edits).split('\n');
      expect(lines.filter((text) => text.startsWith('\u3000\u3000问：'))).toHaveLength(3);
      expect(lines[1]).toBe(ZH_DRIFT.split('\n')[1]); // the lead names 孙弘 and stays as it is
      const renamed = editsFor((await client.rename(uri, position(4, 2), '孙总')) ?? undefined, uri);
      expect(renamed).toEqual([4, 8].map((line) => ({ range: range(line, 2, 4), newText: '孙总' })));
    });

    it('rejects an empty name and names with a colon or a line break', async () => {
      await expectRefusal(client.rename(uri, position(4, 2), ''), 'The new speaker name is empty.');
      await expectRefusal(client.rename(uri, position(4, 2), '孙：弘'), "A speaker name cannot contain a colon ('孙：弘'): the colon ends the label.");
      await expectRefusal(client.rename(uri, position(4, 2), 'Sun\nHong'), 'A speaker name cannot contain a line break.');
      await expectRefusal(client.rename(uri, position(4, 2), '孙弘？'), /would not be read as a speaker label/);
    });
  });

  describe('references and highlights', () => {
    const uri = 'file:///speakers/references.txt';

    beforeAll(async () => {
      await client.open(uri, DRIFT);
    });

    it('references: every label of the speaker, from a label or anywhere in a turn', async () => {
      const questions = [4, 6, 8, 10].map((line) => ({ uri, range: range(line, 0, 1) }));
      expect(await client.references(uri, position(4, 0), true)).toEqual(questions);
      expect(await client.references(uri, position(8, 12), true)).toEqual(questions);
      expect(await client.references(uri, position(0, 5), true)).toEqual([]);
    });

    it('references include the declaration entry when asked for it', async () => {
      const declaredUri = 'file:///speakers/references-declared.transcript';
      await client.open(declaredUri, DECLARED);
      const start = DECLARED.split('\n')[1].indexOf('Dana Whitfield');
      const found = await client.references(declaredUri, position(5, 30), true);
      expect(found?.map((location) => location.range)).toEqual([range(1, start, start + 14), range(3, 0, 14), range(5, 0, 14), range(8, 0, 14)]);
    });

    it('document highlights: every label of the speaker under the cursor, kind Text', async () => {
      expect(await client.documentHighlights(uri, position(11, 5))).toEqual(
        [3, 5, 11].map((line) => ({ range: range(line, 0, 9), kind: DocumentHighlightKind.Text })),
      );
      expect(await client.documentHighlights(uri, position(11, 20))).toEqual([]);
    });
  });

  describe('completion', () => {
    it('offers the speakers at the start of a line with the colon the document uses, most frequent first', async () => {
      const uri = 'file:///speakers/completion.txt';
      await client.open(uri, DRIFT);
      const items = await client.completion(uri, position(12, 0));
      expect(items.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
        ['Q', 'questioner · 4 turns', { range: range(12, 0, 0), newText: 'Q: ' }],
        ['MS. PSAKI', 'answerer · 3 turns', { range: range(12, 0, 0), newText: 'MS. PSAKI: ' }],
        ['Ms. Psaki', 'answerer · 1 turn', { range: range(12, 0, 0), newText: 'Ms. Psaki: ' }],
        ['PSAKI', 'answerer · 1 turn', { range: range(12, 0, 0), newText: 'PSAKI: ' }],
      ]);
      expect(items.map((item) => item.sortText)).toEqual(['000', '001', '002', '003']);
      expect(await client.completion(uri, position(5, 25))).toEqual([]); // in the middle of text
    });

    it('writes a full-width colon in a document whose labels use it', async () => {
      const uri = 'file:///speakers/completion-zh.txt';
      await client.open(uri, ZH_DRIFT + '\u3000\u3000孙');
      const items = await client.completion(uri, position(9, 3));
      expect(items.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
        ['孙弘', 'answerer · 2 turns', { range: range(9, 2, 3), newText: '孙弘：' }],
        ['孙 弘', 'answerer · 1 turn', { range: range(9, 2, 3), newText: '孙 弘：' }],
      ]);
    });
  });

  describe('workspace symbols', () => {
    it('finds questions and speakers across the open transcripts', async () => {
      const result = (await client.workspaceSymbols('ferry')) as SymbolInformation[];
      const drift = result.filter((symbol) => symbol.location.uri === 'file:///speakers/references.txt');
      expect(drift.map((symbol) => [symbol.name, symbol.kind, symbol.location.range, symbol.containerName])).toEqual([
        ['Will the ferry schedule change next month?', SymbolKind.Event, range(4, 0, 45), 'references.txt · Q'],
        ['What about the night ferry?', SymbolKind.Event, range(10, 0, 30), 'references.txt · Q'],
      ]);
      // Every open copy of the drift fixture answers, and nothing else does.
      expect(new Set(result.map((symbol) => symbol.name))).toEqual(new Set(['Will the ferry schedule change next month?', 'What about the night ferry?']));

      const speakers = (await client.workspaceSymbols('李钟')) as SymbolInformation[];
      expect(speakers.map((symbol) => [symbol.name, symbol.kind, symbol.location])).toEqual([
        ['李钟伟', SymbolKind.Class, { uri: 'file:///speakers/zh-declared.txt', range: range(6, 0, 3) }],
      ]);
      const fuzzy = (await client.workspaceSymbols('CHIEF JUSTICE')) as SymbolInformation[];
      expect(fuzzy).toEqual([]);
    });
  });

  describe('semantic tokens', () => {
    it('colours labels by role (declaration on the first turn), timestamps and annotations', async () => {
      const uri = 'file:///speakers/en-podcast.transcript';
      await client.open(uri, PODCAST);
      const tokens = await client.semanticTokens(uri);
      // Decoded: [line, start, length, type, modifiers] with absolute positions.
      const decoded: number[][] = [];
      let line = 0;
      let start = 0;
      const data = tokens!.data;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
        decoded.push([line, start, data[i + 2], data[i + 3], data[i + 4]]);
      }
      const KEYWORD = 0;
      const FUNCTION = 1;
      const NUMBER = 2;
      const COMMENT = 3;
      expect(decoded.filter((token) => token[0] <= 6)).toEqual([
        [3, 1, 8, NUMBER, 0],
        [3, 11, 4, KEYWORD, 1],
        [4, 1, 8, NUMBER, 0],
        [4, 11, 4, KEYWORD, 0],
        [5, 1, 8, NUMBER, 0],
        [5, 11, 13, FUNCTION, 1],
        [6, 26, 8, COMMENT, 0],
      ]);
      // Every HOST label is a keyword, every Omar Castillo label a function: one colour per speaker.
      const labelTypes = new Map<string, Set<number>>();
      const lines = PODCAST.split('\n');
      for (const [tokenLine, tokenStart, length, type] of decoded) {
        if (type !== KEYWORD && type !== FUNCTION) continue;
        const label = lines[tokenLine].slice(tokenStart, tokenStart + length);
        labelTypes.set(label, new Set([...(labelTypes.get(label) ?? []), type]));
      }
      expect(labelTypes).toEqual(new Map([['HOST', new Set([KEYWORD])], ['Omar Castillo', new Set([FUNCTION])], ['Priya Natarajan', new Set([FUNCTION])]]));
    });

    it('gives the tokens of a range of lines as the full request does, encoded from the document start', async () => {
      const uri = 'file:///speakers/en-podcast.transcript';
      await client.open(uri, PODCAST);
      const decode = (data: number[]): number[][] => {
        const decoded: number[][] = [];
        let line = 0;
        let start = 0;
        for (let i = 0; i < data.length; i += 5) {
          line += data[i];
          start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
          decoded.push([line, start, data[i + 2], data[i + 3], data[i + 4]]);
        }
        return decoded;
      };
      const all = decode((await client.semanticTokens(uri))!.data);
      const inRange = decode((await client.semanticTokensInRange(uri, { start: position(4, 0), end: position(6, 40) }))!.data);
      expect(inRange.length).toBeGreaterThan(0);
      expect(inRange).toEqual(all.filter((token) => token[0] >= 4 && token[0] <= 6));
    });
  });

  describe('inlay hints', () => {
    const uri = 'file:///speakers/inlay.transcript';
    const everything = { start: position(0, 0), end: position(20, 0) };

    it('are off by default', async () => {
      await client.open(uri, PODCAST);
      expect(await client.inlayHints(uri, everything)).toEqual([]);
    });

    it('appear after each question once transcript.inlayHints.enabled is set', async () => {
      const republished = client.nextDiagnostics(uri);
      await client.didChangeConfiguration({ transcript: { inlayHints: { enabled: true } } });
      await republished;
      const hints = await client.inlayHints(uri, everything);
      expect(hints?.map((hint) => [hint.position, hint.label])).toEqual([
        [position(4, 59), '→ Omar Castillo · 78 chars'],
        [position(7, 57), '→ Priya Natarajan · 43 chars'],
        [position(9, 57), '→ unanswered'],
        [position(10, 59), '→ Omar Castillo · 36 chars'],
        [position(12, 57), '→ unanswered'],
      ]);
      const off = client.nextDiagnostics(uri);
      await client.didChangeConfiguration({ transcript: { inlayHints: { enabled: false } } });
      await off;
      expect(await client.inlayHints(uri, everything)).toEqual([]);
    });
  });

  it('answers every speaker request for an unknown document with an empty result, and logged no failure', async () => {
    const uri = 'file:///never/opened.transcript';
    expect(await client.references(uri, position(0, 0), true)).toEqual([]);
    expect(await client.documentHighlights(uri, position(0, 0))).toEqual([]);
    expect(await client.completion(uri, position(0, 0))).toEqual([]);
    expect(await client.inlayHints(uri, { start: position(0, 0), end: position(1, 0) })).toEqual([]);
    expect(await client.semanticTokens(uri)).toEqual({ data: [] });
    expect(await client.prepareRename(uri, position(0, 0))).toBeNull();
    expect(client.logs.filter((message) => message.includes('failed'))).toEqual([]);
    expect(client.errorOutput).toBe('');
    expect(await client.shutdown()).toEqual({ code: 0, signal: null });
  });
});
