/**
 * Property tests of the speaker features on arbitrary transcript-like text: none throws, every range
 * they answer lies inside the document, rename and the speaker quick fixes change only label text
 * (or append to the declaration line), and semantic tokens are sorted and never overlap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { analyzeText } from '../../server/src/core/analysis';
import { resolveSettings } from '../../server/src/core/settings';
import { completion } from '../../server/src/service/completion';
import { diagnostics } from '../../server/src/service/diagnostics';
import { inlayHints } from '../../server/src/service/inlayHints';
import { prepareRename, rename } from '../../server/src/service/rename';
import { semanticTokens } from '../../server/src/service/semanticTokens';
import { speakerQuickFixes } from '../../server/src/service/speakerCodeActions';
import { documentHighlights, references } from '../../server/src/service/speakerReferences';
import { workspaceSymbols } from '../../server/src/service/workspaceSymbols';

const URI = 'file:///property-speakers.transcript';
const NUM_RUNS = 200;

const LABELS = ['MS. PSAKI', 'Ms. Psaki', 'PSAKI', 'Ms.Psaki', '孙弘', '孙 弘', 'Q', 'Ｑ', '问', '主持人', 'CHI', 'MOT', 'Speaker 1', 'Dana Whitfield', 'Dana'];
const TEXTS = ['Hello?', 'Yes.', '你好？', '好的（笑）。', 'PSAKI said MS. PSAKI: no', '', ' [inaudible] ok', 'a: b'];
const HEADERS = ['Speakers: Dana Whitfield, PSAKI', '人物：孙弘、李钟伟', '@Participants:\tCHI Target_Child, MOT Mother', '\tINV Investigator', 'Title line', '', '---'];

const line = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom('', '  ', '\u3000\u3000', '[00:01:02] ', '*'), fc.constantFrom(...LABELS), fc.constantFrom(':', '：', ':\t', ': '), fc.constantFrom(...TEXTS))
      .map(([indent, label, colon, text]) => `${indent}${label}${colon}${text}`),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS, ...TEXTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const document = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, lineBreak]) => lines.join(lineBreak));

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((item) => item.length);
}

function expectInside(lengths: number[], range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    expect(position.line >= 0 && position.line < lengths.length, `${what}: line ${position.line}`).toBe(true);
    expect(position.character >= 0 && position.character <= lengths[position.line], `${what}: character ${position.character}`).toBe(true);
  }
  expect(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), what).toBe(true);
}

/** The text the edits replace, each on its own line. */
function replaced(text: string, edits: TextEdit[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return edits.map((edit) => lines[edit.range.start.line].slice(edit.range.start.character, edit.range.end.character));
}

describe('speaker features on arbitrary text (fast-check)', () => {
  it('never throw and answer ranges inside the document', () => {
    fc.assert(
      fc.property(document, fc.nat(30), fc.nat(40), fc.boolean(), (text, lineSeed, character, hints) => {
        const analysis = analyzeText(text, resolveSettings({ inlayHints: { enabled: hints } }));
        const lengths = lineLengths(text);
        const position = { line: lineSeed % lengths.length, character };
        for (const location of references(analysis, URI, position, true)) expectInside(lengths, location.range, 'references');
        for (const highlight of documentHighlights(analysis, position)) expectInside(lengths, highlight.range, 'highlight');
        for (const item of completion(analysis, position)) {
          const edit = item.textEdit as TextEdit;
          expectInside(lengths, edit.range, 'completion');
          expect(edit.range.start.line, 'completion: one line').toBe(edit.range.end.line);
        }
        const prepared = prepareRename(analysis, position);
        if (prepared.ok) expectInside(lengths, prepared.value, 'prepareRename');
        for (const symbol of workspaceSymbols([{ uri: URI, analysis }], '')) expectInside(lengths, symbol.location.range, 'workspace symbol');
        for (const hint of inlayHints(analysis, { start: { line: 0, character: 0 }, end: { line: lengths.length, character: 0 } })) {
          expectInside(lengths, { start: hint.position, end: hint.position }, 'inlay hint');
        }
        const data = semanticTokens(analysis).data;
        let tokenLine = 0;
        let start = 0;
        let previousEnd = -1;
        for (let i = 0; i < data.length; i += 5) {
          if (data[i] > 0) previousEnd = -1;
          tokenLine += data[i];
          start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
          expect(start >= previousEnd, 'semantic tokens do not overlap').toBe(true);
          expect(data[i + 2] > 0, 'semantic token not empty').toBe(true);
          expectInside(lengths, { start: { line: tokenLine, character: start }, end: { line: tokenLine, character: start + data[i + 2] } }, 'semantic token');
          previousEnd = start + data[i + 2];
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rename and the speaker quick fixes replace only labels, or append to the declaration', () => {
    fc.assert(
      fc.property(document, (text) => {
        const analysis = analyzeText(text);
        const { model } = analysis;
        const labelRanges = new Map(model.turns.map((turn) => [`${turn.line}:${turn.labelStart}:${turn.labelEnd}`, turn.label]));
        const isLabel = (edit: TextEdit): boolean =>
          edit.range.start.line === edit.range.end.line && labelRanges.has(`${edit.range.start.line}:${edit.range.start.character}:${edit.range.end.character}`);
        const lengths = lineLengths(text);

        for (const turn of model.turns.slice(0, 5)) {
          const result = rename(analysis, URI, { line: turn.line, character: turn.labelStart }, 'Renamed Speaker');
          expect(result.ok).toBe(true);
          if (!result.ok) continue;
          const edits = result.value.changes![URI];
          // Every edit is a label of this speaker, or one entry of the declaration (outside any turn).
          for (const edit of edits) {
            if (isLabel(edit)) expect(turn.speaker.forms.has(labelRanges.get(`${edit.range.start.line}:${edit.range.start.character}:${edit.range.end.character}`)!)).toBe(true);
            else expect(model.turns.some((other) => other.line <= edit.range.start.line && edit.range.start.line <= other.lastLine), 'declaration edit outside turns').toBe(false);
          }
          expect(edits.filter(isLabel)).toHaveLength(turn.speaker.turns.filter((other) => other.label !== 'Renamed Speaker').length);
        }

        const published = diagnostics(analysis, URI);
        for (const action of speakerQuickFixes(analysis, URI, published)) {
          const edits = action.edit!.changes![URI];
          if (action.title.startsWith('Use ')) {
            for (const edit of edits) expect(isLabel(edit), `${action.title}: a label`).toBe(true);
            expect(new Set(replaced(text, edits)).has(action.title.slice("Use '".length, -"' for this speaker everywhere".length))).toBe(false);
          } else {
            expect(edits).toHaveLength(1);
            const [edit] = edits;
            expect(edit.range.start, `${action.title}: an insertion`).toEqual(edit.range.end);
            expectInside(lengths, edit.range, action.title);
            expect(/[\r\n]/.test(edit.newText), `${action.title}: on the declaration's line`).toBe(false);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
