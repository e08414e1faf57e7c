/**
 * The speaker features of the language service, on our own fixtures: rename, references and
 * highlights, completion, workspace symbols, semantic tokens (checked against the TextMate grammar)
 * and inlay hints, and the inlay-hint setting.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DocumentHighlightKind, SymbolKind, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { answerSummaries } from '../../server/src/core/answerSummaries';
import { checkSpeakerName, NOT_ON_LABEL, renameRange } from '../../server/src/core/renameSpeaker';
import { semanticSpans } from '../../server/src/core/semanticSpans';
import { DEFAULT_SETTINGS, mergeSettings, resolveSettings } from '../../server/src/core/settings';
import { colonStyle, labelCompletionContext } from '../../server/src/core/speakerCompletion';
import { symbolQuery } from '../../server/src/core/transcriptSymbols';
import { completion, completionMayApply } from '../../server/src/service/completion';
import { inlayHints } from '../../server/src/service/inlayHints';
import { prepareRename, rename } from '../../server/src/service/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../../server/src/service/semanticTokens';
import { documentHighlights, references } from '../../server/src/service/speakerReferences';
import { workspaceSymbols } from '../../server/src/service/workspaceSymbols';
import { tokenize } from '../grammar/tokenize';
import { readdirSync } from 'fs';
import { fixture, FIXTURES } from './helpers';

const URI = 'file:///speakers.transcript';
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const position = (line: number, character: number) => ({ line, character });

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'transcript', 1, text), edits);
}

const ALL_FIXTURES = readdirSync(FIXTURES).filter((name) => name !== 'not-a-transcript.txt').sort();

describe('rename', () => {
  const drift = fixture('en-drift.txt');

  it('prepareRename answers the label range on a label, and a clear refusal elsewhere', () => {
    const analysis = analyzeText(drift);
    expect(prepareRename(analysis, position(3, 0))).toEqual({ ok: true, value: range(3, 0, 9) });
    expect(prepareRename(analysis, position(3, 9))).toEqual({ ok: true, value: range(3, 0, 9) });
    expect(prepareRename(analysis, position(4, 1))).toEqual({ ok: true, value: range(4, 0, 1) });
    const refusal = { ok: false, message: 'Place the cursor on a speaker label to rename the speaker.' };
    expect(NOT_ON_LABEL).toBe(refusal.message);
    expect(prepareRename(analysis, position(3, 12))).toEqual(refusal); // in the text
    expect(prepareRename(analysis, position(0, 3))).toEqual(refusal); // the title
    expect(prepareRename(analysis, position(2, 0))).toEqual(refusal); // a blank line
    expect(prepareRename(analysis, position(40, 0))).toEqual(refusal); // past the end
  });

  it('renames every turn label of the speaker and nothing in the text', () => {
    const text = 'MS. PSAKI: Hello.\nQ: MS. PSAKI, is that right?\nMS. PSAKI: Yes.\nMS. PSAKI\nstill MS. PSAKI: quoted\nQ: Thanks?\n';
    const analysis = analyzeText(text);
    const result = rename(analysis, URI, position(2, 3), 'Jen Psaki');
    expect(result).toEqual({
      ok: true,
      value: { changes: { [URI]: [{ range: range(0, 0, 9), newText: 'Jen Psaki' }, { range: range(2, 0, 9), newText: 'Jen Psaki' }] } },
    });
    if (!result.ok) throw new Error(result.message);
    expect(apply(text, result.value.changes![URI])).toBe('Jen Psaki: Hello.\nQ: MS. PSAKI, is that right?\nJen Psaki: Yes.\nMS. PSAKI\nstill MS. PSAKI: quoted\nQ: Thanks?\n');
  });

  it('renames all written forms of one speaker (Q and the full-width Ｑ)', () => {
    const text = fixture('zh-drift.txt');
    const result = rename(analyzeText(text), URI, position(7, 2), '问');
    if (!result.ok) throw new Error(result.message);
    const edits = result.value.changes![URI];
    expect(edits).toEqual([3, 5, 7].map((line) => ({ range: range(line, 2, 3), newText: '问' })));
    const lines = apply(text, edits).split('\n');
    expect([lines[3], lines[5], lines[7]]).toEqual(['\u3000\u3000问：书店开了几年了？', '\u3000\u3000问：最难的是哪一年？', '\u3000\u3000问：现在靠什么盈利？']);
  });

  it("renames the speaker's entry in a Speakers: line and in a CHAT @Participants header", () => {
    const declared = fixture('en-declared.txt');
    const line1 = declared.split('\n')[1];
    const start = line1.indexOf('Omar Castillo');
    const result = rename(analyzeText(declared), URI, position(4, 2), 'Omar Castillo-Ruiz');
    if (!result.ok) throw new Error(result.message);
    expect(result.value.changes![URI]).toEqual([
      { range: range(1, start, start + 'Omar Castillo'.length), newText: 'Omar Castillo-Ruiz' },
      { range: range(4, 0, 13), newText: 'Omar Castillo-Ruiz' },
    ]);
    const after = analyzeText(apply(declared, result.value.changes![URI]));
    expect(after.model.speakers.map((speaker) => speaker.label)).toContain('Omar Castillo-Ruiz');
    expect(after.findings.map((finding) => after.model.turns[finding.turnIndex].label)).toEqual(['Lee Moreno', 'Lee Moreno']); // as before the rename

    const chat = fixture('chat-session.txt');
    const renamed = rename(analyzeText(chat), URI, position(8, 2), 'KID');
    if (!renamed.ok) throw new Error(renamed.message);
    expect(renamed.value.changes![URI]).toEqual([range(3, 15, 18), range(8, 1, 4), range(10, 1, 4), range(13, 1, 4)].map((r) => ({ range: r, newText: 'KID' })));
    const lines = apply(chat, renamed.value.changes![URI]).split('\n');
    expect([lines[3], lines[8], lines[13]]).toEqual(['@Participants:\tKID Ada Target_Child, MOT Mother,', '*KID:\ta boat .', '*KID:\tyes .']);
  });

  it('refuses empty names and names with a colon or a line break, with a clear message', () => {
    const analysis = analyzeText(drift);
    expect(rename(analysis, URI, position(3, 1), '')).toEqual({ ok: false, message: 'The new speaker name is empty.' });
    expect(rename(analysis, URI, position(3, 1), ' \u3000 ')).toEqual({ ok: false, message: 'The new speaker name is empty.' });
    expect(rename(analysis, URI, position(3, 1), 'Jen: Psaki')).toEqual({
      ok: false,
      message: "A speaker name cannot contain a colon ('Jen: Psaki'): the colon ends the label.",
    });
    expect(rename(analysis, URI, position(3, 1), '孙：弘')).toMatchObject({ ok: false, message: expect.stringContaining('cannot contain a colon') });
    expect(rename(analysis, URI, position(3, 1), 'Jen\nPsaki')).toEqual({ ok: false, message: 'A speaker name cannot contain a line break.' });
    expect(rename(analysis, URI, position(3, 1), 'Jen\r\nPsaki')).toEqual({ ok: false, message: 'A speaker name cannot contain a line break.' });
    expect(rename(analysis, URI, position(3, 12), 'Jen Psaki')).toEqual({ ok: false, message: NOT_ON_LABEL });
  });

  it('refuses names the parser would not read as a label, and trims surrounding spaces', () => {
    expect(checkSpeakerName('Who?', DEFAULT_SETTINGS)).toMatchObject({ ok: false, message: expect.stringContaining("'Who?' would not be read as a speaker label") });
    expect(checkSpeakerName('x'.repeat(33), DEFAULT_SETTINGS)).toMatchObject({ ok: false, message: expect.stringContaining('transcript.maxLabelLength (32') });
    expect(checkSpeakerName('  Jen Psaki  ', DEFAULT_SETTINGS)).toEqual({ ok: true, value: 'Jen Psaki' });
    expect(checkSpeakerName('李钟伟', DEFAULT_SETTINGS)).toEqual({ ok: true, value: '李钟伟' });
    expect(renameRange(analyzeText('').model, position(0, 0))).toEqual({ ok: false, message: NOT_ON_LABEL });
  });
});

describe('references and document highlights', () => {
  const text = fixture('en-drift.txt');
  const analysis = analyzeText(text);

  it('finds every label of the speaker of the turn under the cursor, from its label or its text', () => {
    const questions = [4, 6, 8, 10].map((line) => ({ uri: URI, range: range(line, 0, 1) }));
    expect(references(analysis, URI, position(4, 0), false)).toEqual(questions);
    expect(references(analysis, URI, position(6, 10), false)).toEqual(questions);
    expect(references(analysis, URI, position(3, 30), true)).toEqual([3, 5, 11].map((line) => ({ uri: URI, range: range(line, 0, 9) })));
    expect(references(analysis, URI, position(0, 2), true)).toEqual([]);
    expect(references(analysis, URI, position(2, 0), true)).toEqual([]);
  });

  it('adds the declaration entry when the editor asks for the declaration', () => {
    const declared = fixture('en-declared.txt');
    const start = declared.split('\n')[1].indexOf('Omar Castillo');
    const result = references(analyzeText(declared), URI, position(4, 20), true);
    expect(result).toEqual([
      { uri: URI, range: range(1, start, start + 13) },
      { uri: URI, range: range(4, 0, 13) },
    ]);
    expect(references(analyzeText(declared), URI, position(4, 20), false)).toEqual([{ uri: URI, range: range(4, 0, 13) }]);
  });

  it('highlights every label of the speaker whose label is under the cursor, as Text', () => {
    expect(documentHighlights(analysis, position(5, 4))).toEqual([3, 5, 11].map((line) => ({ range: range(line, 0, 9), kind: DocumentHighlightKind.Text })));
    expect(documentHighlights(analysis, position(5, 20))).toEqual([]);
    expect(documentHighlights(analysis, position(0, 0))).toEqual([]);
  });
});

describe('completion', () => {
  it('offers known speakers at the start of a line, most frequent first, with the colon style of the document', () => {
    const items = completion(analyzeText(fixture('en-drift.txt')), position(12, 0));
    expect(items.map((item) => [item.label, item.detail, item.sortText, item.textEdit])).toEqual([
      ['Q', 'questioner · 4 turns', '000', { range: range(12, 0, 0), newText: 'Q: ' }],
      ['MS. PSAKI', 'answerer · 3 turns', '001', { range: range(12, 0, 0), newText: 'MS. PSAKI: ' }],
      ['Ms. Psaki', 'answerer · 1 turn', '002', { range: range(12, 0, 0), newText: 'Ms. Psaki: ' }],
      ['PSAKI', 'answerer · 1 turn', '003', { range: range(12, 0, 0), newText: 'PSAKI: ' }],
    ]);
    expect(items.map((item) => item.kind)).toEqual([CompletionItemKind.Keyword, CompletionItemKind.Variable, CompletionItemKind.Variable, CompletionItemKind.Variable]);
  });

  it('uses a full-width colon where most labels do, and filters by what was typed after the indentation', () => {
    const text = fixture('zh-drift.txt') + '\u3000\u3000孙';
    const analysis = analyzeText(text);
    expect(colonStyle(analysis.model)).toBe('full-width');
    expect(completion(analysis, position(9, 3)).map((item) => [item.label, item.textEdit])).toEqual([
      ['孙弘', { range: range(9, 2, 3), newText: '孙弘：' }],
      ['孙 弘', { range: range(9, 2, 3), newText: '孙 弘：' }],
    ]);
  });

  it('completes after a timestamp and matches a later word of a label', () => {
    const text = '[00:00:05] HOST: Hi?\n[00:00:09] Omar Castillo: Yes.\n[00:00:12] HOST: Why?\n[00:00:15] cas';
    const items = completion(analyzeText(text), position(3, 14));
    expect(items.map((item) => [item.label, item.textEdit])).toEqual([['Omar Castillo', { range: range(3, 11, 14), newText: 'Omar Castillo: ' }]]);
  });

  it('replaces only the label when the cursor is on an existing label', () => {
    const items = completion(analyzeText(fixture('en-drift.txt')), position(7, 3));
    expect(items.map((item) => item.textEdit)).toEqual(
      ['Q', 'MS. PSAKI', 'Ms. Psaki', 'PSAKI'].map((newText) => ({ range: range(7, 0, 9), newText })),
    );
  });

  it('writes CHAT tiers in a CHAT file, and offers declared participants who have not spoken yet', () => {
    const chat = fixture('chat-session.txt') + '*C';
    const analysis = analyzeText(chat);
    expect(colonStyle(analysis.model)).toBe('chat');
    expect(completion(analysis, position(15, 2)).map((item) => [item.label, item.filterText, item.textEdit])).toEqual([
      ['CHI', '*CHI', { range: range(15, 0, 2), newText: '*CHI:\t' }],
    ]);
    const declared = fixture('en-declared.txt').replace('Priya Natarajan\n', 'Priya Natarajan, Sam Reyes (clerk)\n');
    const items = completion(analyzeText(declared), position(10, 0));
    expect(items.map((item) => [item.label, item.detail])).toEqual([
      ['Dana Whitfield', 'interviewer · 3 turns'],
      ['Lee Moreno', 'answerer · 2 turns'],
      ['Omar Castillo', 'answerer · 1 turn'],
      ['Priya Natarajan', 'answerer · 1 turn'],
      ['Sam Reyes', 'declared (clerk) · no turns yet'],
    ]);
  });

  it('offers nothing in the middle of text', () => {
    const analysis = analyzeText(fixture('en-drift.txt'));
    expect(completion(analysis, position(3, 20))).toEqual([]); // after the colon
    expect(completion(analysis, position(12, 0)).length).toBeGreaterThan(0);
    const continued = analyzeText('MS. PSAKI: Hello.\nWe will see about that\nQ: Why?\nMS. PSAKI: Because.\n');
    expect(completion(continued, position(1, 11))).toEqual([]); // "We will see"
    expect(completion(continued, position(1, 22))).toEqual([]);
    expect(completion(continued, position(1, 0)).map((item) => item.label)).toEqual(['MS. PSAKI', 'Q']); // the start of a line
    expect(labelCompletionContext(continued.model, position(1, 5))).toMatchObject({ typed: 'We wi', onExistingLabel: false });
    expect(labelCompletionContext(continued.model, position(0, 12))).toBeUndefined();
    expect(completion(analyzeText('Q: Why, then?\nA: Because'), position(1, 5))).toEqual([]);
    expect(completion(analyzeText('[00:0'), position(0, 5))).toEqual([]);
  });

  it('tells from the line alone whether completion can apply, before any analysis', () => {
    expect(completionMayApply('', 0, DEFAULT_SETTINGS)).toBe(true);
    expect(completionMayApply('\u3000\u3000孙', 3, DEFAULT_SETTINGS)).toBe(true);
    expect(completionMayApply('[00:01:02] HO', 13, DEFAULT_SETTINGS)).toBe(true);
    expect(completionMayApply('*CH', 3, DEFAULT_SETTINGS)).toBe(true);
    expect(completionMayApply('MS. PSAKI: Thanks', 12, DEFAULT_SETTINGS)).toBe(false);
    expect(completionMayApply('We replaced forty of them, one by one', 30, DEFAULT_SETTINGS)).toBe(false);
    expect(completionMayApply('and then we went on to the next one after that', 46, DEFAULT_SETTINGS)).toBe(false);
    expect(completionMayApply('Dana', 4, resolveSettings({ maxLabelLength: 3 }))).toBe(false);
  });
});

describe('workspace symbols', () => {
  const open = [
    { uri: 'file:///a/en-drift.txt', analysis: analyzeText(fixture('en-drift.txt')) },
    { uri: 'file:///b/zh-drift.txt', analysis: analyzeText(fixture('zh-drift.txt')) },
  ];

  it('finds speakers and questions across open transcripts, case-insensitively, best matches first', () => {
    expect(workspaceSymbols(open, 'psaki')).toEqual([
      { name: 'PSAKI', kind: SymbolKind.Class, location: { uri: open[0].uri, range: range(9, 0, 5) }, containerName: 'en-drift.txt · answerer, 1 turn' },
      { name: 'MS. PSAKI', kind: SymbolKind.Class, location: { uri: open[0].uri, range: range(3, 0, 9) }, containerName: 'en-drift.txt · answerer, 3 turns' },
      { name: 'Ms. Psaki', kind: SymbolKind.Class, location: { uri: open[0].uri, range: range(7, 0, 9) }, containerName: 'en-drift.txt · answerer, 1 turn' },
    ]);
    expect(workspaceSymbols(open, 'FERRY')).toEqual([
      {
        name: 'Will the ferry schedule change next month?',
        kind: SymbolKind.Event,
        location: { uri: open[0].uri, range: range(4, 0, 45) },
        containerName: 'en-drift.txt · Q',
      },
      { name: 'What about the night ferry?', kind: SymbolKind.Event, location: { uri: open[0].uri, range: range(10, 0, 30) }, containerName: 'en-drift.txt · Q' },
    ]);
    expect(workspaceSymbols(open, '盈利').map((symbol) => [symbol.name, symbol.location.uri, symbol.location.range])).toEqual([
      ['现在靠什么盈利？', open[1].uri, range(7, 2, 12)],
    ]);
  });

  it('matches the characters of the query in order when no name contains it', () => {
    expect(workspaceSymbols(open, 'fsch').map((symbol) => symbol.name)).toEqual(['Will the ferry schedule change next month?']);
    expect(symbolQuery('ferry sched').score('Will the ferry schedule change')).toBe(1);
    expect(symbolQuery('will').score('Will the ferry')).toBe(0);
    expect(symbolQuery('xyz').score('Will the ferry')).toBeUndefined();
  });

  it('lists everything for an empty query, up to a limit', () => {
    const all = workspaceSymbols(open, '');
    expect(all.map((symbol) => symbol.name)).toEqual([
      'MS. PSAKI',
      'Q',
      'Ms. Psaki',
      'PSAKI',
      'Will the ferry schedule change next month?',
      'And the fares?',
      'Is the pier reopening on time?',
      'What about the night ferry?',
      'Q',
      '孙弘',
      '孙 弘',
      '书店开了几年了？',
      '最难的是哪一年？',
      '现在靠什么盈利？',
    ]);
    expect(workspaceSymbols(open, '', 3)).toHaveLength(3);
  });
});

/** Semantic tokens decoded to absolute positions with their type and modifier names. */
function decode(data: number[]): Array<{ line: number; start: number; length: number; type: string; modifiers: string[] }> {
  const result = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    result.push({ line, start, length: data[i + 2], type: SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], modifiers });
  }
  return result;
}

/** Grammar scopes a semantic token type would contradict. */
const CONFLICTING_SCOPES: Record<string, string[]> = {
  keyword: ['constant.numeric.timestamp.transcript', 'comment.other.annotation.transcript', 'markup.heading.title.transcript'],
  function: ['keyword.control.question.transcript', 'constant.numeric.timestamp.transcript', 'comment.other.annotation.transcript', 'markup.heading.title.transcript'],
  number: ['keyword.control.question.transcript', 'entity.name.function.speaker.transcript', 'comment.other.annotation.transcript', 'markup.heading.title.transcript'],
  comment: ['keyword.control.question.transcript', 'entity.name.function.speaker.transcript', 'constant.numeric.timestamp.transcript', 'markup.heading.title.transcript'],
};

describe('semantic tokens', () => {
  it('colours labels by role, the first turn of each speaker as a declaration, timestamps and annotations', () => {
    const text = '[00:00:05] HOST: Welcome (laughs).\n[00:00:09] HOST: Omar, why?\nOmar Castillo (00:00:14): Because [inaudible] it rotted.\nHOST: Thanks?';
    expect(SEMANTIC_TOKENS_LEGEND).toEqual({ tokenTypes: ['keyword', 'function', 'number', 'comment'], tokenModifiers: ['declaration'] });
    const tokens = semanticTokens(analyzeText(text));
    expect(tokens.data).toEqual([0, 1, 8, 2, 0, 0, 10, 4, 0, 1, 0, 14, 8, 3, 0, 1, 1, 8, 2, 0, 0, 10, 4, 0, 0, 1, 0, 13, 1, 1, 0, 15, 8, 2, 0, 0, 19, 11, 3, 0, 1, 0, 4, 0, 0]);
    expect(decode(tokens.data)).toEqual([
      { line: 0, start: 1, length: 8, type: 'number', modifiers: [] },
      { line: 0, start: 11, length: 4, type: 'keyword', modifiers: ['declaration'] },
      { line: 0, start: 25, length: 8, type: 'comment', modifiers: [] },
      { line: 1, start: 1, length: 8, type: 'number', modifiers: [] },
      { line: 1, start: 11, length: 4, type: 'keyword', modifiers: [] },
      { line: 2, start: 0, length: 13, type: 'function', modifiers: ['declaration'] },
      { line: 2, start: 15, length: 8, type: 'number', modifiers: [] },
      { line: 2, start: 34, length: 11, type: 'comment', modifiers: [] },
      { line: 3, start: 0, length: 4, type: 'keyword', modifiers: [] },
    ]);
  });

  it('gives every label of a speaker the same colour, from the analysis (inferred interviewers, settings)', () => {
    const text = 'Sam Reyes: Where were you?\nAna: Home.\nSam Reyes: Why?\nAna: Tired.\n';
    const kinds = (settings?: unknown) => semanticSpans(analyzeText(text, resolveSettings(settings)).model).map((span) => [span.line, span.kind, span.first]);
    expect(kinds()).toEqual([
      [0, 'asker', true],
      [1, 'answerer', true],
      [2, 'asker', false],
      [3, 'answerer', false],
    ]);
    expect(kinds({ answerSpeakers: ['Sam Reyes'] }).map(([, kind]) => kind)).toEqual(['answerer', 'answerer', 'answerer', 'answerer']);
  });

  it('refines the TextMate grammar and never contradicts it, on every fixture', async () => {
    for (const name of ALL_FIXTURES) {
      const text = fixture(name);
      const analysis = analyzeText(text);
      const semantic = decode(semanticTokens(analysis).data);
      const grammar = await tokenize(text);
      const grammarAt = (line: number, character: number): string[] =>
        grammar.find((token) => token.line === line && token.startIndex <= character && character < token.endIndex)?.scopes ?? [];
      for (const token of semantic) {
        const what = `${name}:${token.line + 1}:${token.start + 1} ${token.type}`;
        for (let character = token.start; character < token.start + token.length; character++) {
          const scopes = grammarAt(token.line, character);
          // Where the grammar gives a character a meaning, the token agrees with it (or, for labels,
          // refines the role); where it gives none (formats it does not know), the token adds one.
          const conflicting = CONFLICTING_SCOPES[token.type].filter((scope) => scopes.includes(scope));
          expect(conflicting, `${what}: grammar scopes ${scopes.join(' ')}`).toEqual([]);
          if (token.type === 'keyword' && scopes.includes('entity.name.function.speaker.transcript')) {
            // Only where the analysis knows better than the grammar: an inferred interviewer, or a
            // question word the grammar does not know in this written form (full-width `Ｑ`).
            const turn = analysis.model.turns.find((candidate) => candidate.line === token.line)!;
            const refined = turn.speaker.roleSource === 'inferred' || (turn.speaker.roleSource === 'label' && turn.label !== turn.label.normalize('NFKC'));
            expect(refined, `${what}: ${turn.label} (${turn.speaker.roleSource})`).toBe(true);
          }
        }
      }
      // Every label the grammar colours as a question word is a keyword here.
      for (const token of grammar.filter((item) => item.scopes.includes('keyword.control.question.transcript'))) {
        const covering = semantic.find((item) => item.line === token.line && item.start <= token.startIndex && token.endIndex <= item.start + item.length);
        expect(covering?.type, `${name}:${token.line + 1} ${token.text}`).toBe('keyword');
      }
      // Tokens are sorted, on one line each, and do not overlap.
      for (let i = 1; i < semantic.length; i++) {
        const [a, b] = [semantic[i - 1], semantic[i]];
        expect(b.line > a.line || (b.line === a.line && b.start >= a.start + a.length), `${name}: token ${i} after token ${i - 1}`).toBe(true);
      }
    }
  });
});

describe('inlay hints', () => {
  const text = fixture('en-podcast.transcript');
  const everything = range(0, 0, 0);
  everything.end = { line: 100, character: 0 };

  it('are off by default', () => {
    expect(DEFAULT_SETTINGS.inlayHints.enabled).toBe(false);
    expect(inlayHints(analyzeText(text), everything)).toEqual([]);
  });

  it('show the answerers and the answer length at the end of each question, when enabled', () => {
    const analysis = analyzeText(text, resolveSettings({ inlayHints: { enabled: true } }));
    expect(inlayHints(analysis, everything).map((hint) => [hint.position, hint.label, hint.paddingLeft])).toEqual([
      [position(4, 59), '→ Omar Castillo · 78 chars', true],
      [position(7, 57), '→ Priya Natarajan · 43 chars', true],
      [position(9, 57), '→ unanswered', true],
      [position(10, 59), '→ Omar Castillo · 36 chars', true],
      [position(12, 57), '→ unanswered', true],
    ]);
    // Only the questions in the requested range.
    expect(inlayHints(analysis, range(7, 0, 0)).map((hint) => hint.position.line)).toEqual([7]);
    expect(inlayHints(analysis, { start: position(8, 0), end: position(10, 5) }).map((hint) => hint.position.line)).toEqual([9, 10]);
  });

  it('name several answerers in order and count every answer turn, without annotations', () => {
    const zh = analyzeText(fixture('zh-interview.txt'), resolveSettings({ inlayHints: { enabled: true } }));
    const twoAnswers = answerSummaries(zh.model).find((summary) => summary.answerers.length === 2)!;
    expect(twoAnswers.answerers).toEqual(['林晓岚', '周明远']);
    const expected = twoAnswers.question.exchange!.answers.reduce((sum, turn) => sum + turn.spokenText.replace(/\s/g, '').length, 0);
    expect(twoAnswers.characters).toBe(expected);
    const hint = inlayHints(zh, everything).find((item) => item.position.line === twoAnswers.question.lastLine)!;
    expect(hint.label).toBe(`→ 林晓岚, 周明远 · ${expected} chars`);
    // An answer at the end of a multi-line question goes after its last line.
    const wrapped = analyzeText('Q: Why is it\nso late?\nA: Trains (laughs).\n', resolveSettings({ inlayHints: { enabled: true } }));
    expect(inlayHints(wrapped, everything).map((item) => [item.position, item.label])).toEqual([[position(1, 8), '→ A · 7 chars']]);
  });

  it('setting: validated by resolveSettings and merged per key by mergeSettings', () => {
    expect(resolveSettings({ inlayHints: { enabled: true } }).inlayHints).toEqual({ enabled: true });
    expect(resolveSettings({ inlayHints: { enabled: 'yes' } }).inlayHints).toEqual({ enabled: false });
    expect(resolveSettings({ inlayHints: true }).inlayHints).toEqual({ enabled: false });
    expect(mergeSettings({ inlayHints: { enabled: true } }, { inlayHints: {} }).inlayHints).toEqual({ enabled: true });
    expect(mergeSettings({ inlayHints: { enabled: true } }, { inlayHints: { enabled: false } }).inlayHints).toEqual({ enabled: false });
    expect(mergeSettings({ inlayHints: { enabled: true } }, { rules: { 'inconsistent-speaker': 'off' } })).toMatchObject({
      inlayHints: { enabled: true },
      rules: { 'inconsistent-speaker': 'off' },
    });
  });
});
