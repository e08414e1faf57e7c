import { DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { resolveSettings } from '../../server/src/core/settings';
import { codeActions } from '../../server/src/service/codeActions';
import { diagnostics } from '../../server/src/service/diagnostics';
import { documentSymbols } from '../../server/src/service/documentSymbols';
import { foldingRanges } from '../../server/src/service/foldingRanges';
import { hover } from '../../server/src/service/hover';
import { fixture } from './helpers';

const URI = 'file:///interview.txt';

describe('diagnostics', () => {
  it('sets source, code, link, severity and related locations', () => {
    const result = diagnostics(analyzeText(fixture('zh-interview.txt')), URI);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({
      source: 'transcript',
      code: 'duplicate-question',
      severity: DiagnosticSeverity.Warning,
      codeDescription: { href: expect.stringMatching(/#duplicate-question$/) },
      relatedInformation: [{ location: { uri: URI, range: { start: { line: 10 } } } }],
    });
    expect(result[1]).toMatchObject({ code: 'unanswered-question', severity: DiagnosticSeverity.Warning });
    expect(result[1].relatedInformation).toBeUndefined();
  });

  it('maps rule levels to severities', () => {
    const settings = resolveSettings({ rules: { 'duplicate-question': 'error', 'unanswered-question': 'hint' } });
    const result = diagnostics(analyzeText(fixture('zh-interview.txt'), settings), URI);
    expect(result.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Hint]);
  });
});

describe('outline and folding', () => {
  const analysis = analyzeText(fixture('en-podcast.transcript'));

  it('lists the preamble, loose turns and exchanges in order', () => {
    const symbols = documentSymbols(analysis);
    expect(symbols.map((symbol) => [symbol.name, symbol.detail, symbol.kind, symbol.range.start.line])).toEqual([
      ['The Harbor Hour, Episode 12: Rebuilding the Old Pier', 'preamble', SymbolKind.Namespace, 0],
      ['HOST: Welcome back to The Harbor Hour.', '00:00:05', SymbolKind.String, 3],
      ['Omar, what was the worst damage you found?', 'Omar Castillo', SymbolKind.Event, 4],
      ['How much did the repair cost in the end?', 'Priya Natarajan', SymbolKind.Event, 7],
      ['When will the pier reopen to the public?', 'unanswered', SymbolKind.Event, 9],
      ['And will there be a fishing section again?', 'Omar Castillo', SymbolKind.Event, 10],
      ['How much did the repair cost in the end?', 'unanswered', SymbolKind.Event, 12],
    ]);
    expect(symbols[2].children?.map((child) => [child.name, child.range.start.line, child.range.end.line])).toEqual([
      ['Omar Castillo: The pilings under the east end had rotted almost…', 5, 6],
    ]);
    for (const symbol of symbols) {
      expect(symbol.selectionRange.start.line).toBe(symbol.range.start.line);
    }
  });

  it('folds the preamble and each multi-line exchange', () => {
    expect(foldingRanges(analysis).map((range) => [range.startLine, range.endLine])).toEqual([
      [0, 1],
      [4, 6],
      [7, 8],
      [10, 11],
    ]);
  });
});

describe('hover', () => {
  const analysis = analyzeText(fixture('en-podcast.transcript'));

  it('describes a speaker on its label', () => {
    const result = hover(analysis, { line: 5, character: 14 });
    const value = (result?.contents as { value: string }).value;
    expect(value).toContain('**Omar Castillo** — answerer');
    expect(value).toContain('2 turns');
    expect(value).toContain('answered 2 questions');
    expect(value).toContain('First turn: line 6');
    expect(value).toContain('engineer');
    expect(result?.range).toEqual({ start: { line: 5, character: 11 }, end: { line: 5, character: 24 } });
  });

  it('says who answered a question and where it is repeated', () => {
    const first = (hover(analysis, { line: 7, character: 20 })?.contents as { value: string }).value;
    expect(first).toContain('Answered by Priya Natarajan (line 9)');
    expect(first).toContain('Also asked on line 13');
    const last = (hover(analysis, { line: 12, character: 20 })?.contents as { value: string }).value;
    expect(last).toContain('Not answered');
  });

  it('shows nothing in the preamble', () => {
    expect(hover(analysis, { line: 0, character: 3 })).toBeNull();
  });
});

describe('code actions', () => {
  const text = 'Q: One?\nA: Yes.\nQ: One?\nA: Again.\nQ: Two?\nA: No.\nQ: Two?';
  const analysis = analyzeText(text);
  const all = diagnostics(analysis, URI);

  it('offers removing the duplicate, and the whole exchange when it has answers', () => {
    const duplicate = all.find((diagnostic) => diagnostic.code === 'duplicate-question' && diagnostic.range.start.line === 2)!;
    const actions = codeActions(analysis, { uri: URI, range: duplicate.range, diagnostics: [duplicate] });
    expect(actions.map((action) => [action.title, action.isPreferred ?? false])).toEqual([
      ['Remove duplicate question', false],
      ['Remove duplicate question and its 1 answer', false],
    ]);
    expect(actions[0].edit?.changes?.[URI]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
    expect(actions[1].edit?.changes?.[URI]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }, newText: '' }]);
  });

  it('prefers removing an unanswered duplicate and offers adding an answer to an unanswered question', () => {
    const onLastLine = all.filter((diagnostic) => diagnostic.range.start.line === 6);
    const actions = codeActions(analysis, { uri: URI, range: onLastLine[0].range, diagnostics: onLastLine });
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred ?? false])).toEqual([
      ['Remove duplicate question', 'quickfix', true],
      ['Add an answer by A', 'quickfix', false],
    ]);
  });

  it('offers fix-all as source.fixAll only when asked for source actions', () => {
    const fixAll = codeActions(analysis, { uri: URI, range: all[0].range, diagnostics: [], only: ['source.fixAll'] });
    expect(fixAll.map((action) => action.title)).toEqual(['Remove all unanswered duplicate questions']);
    expect(fixAll[0].edit?.changes?.[URI]).toHaveLength(1);
    expect(codeActions(analysis, { uri: URI, range: all[0].range, diagnostics: [] })).toEqual([]);
  });

  it('ignores diagnostics from other sources', () => {
    const foreign = { ...all[0], source: 'cspell' };
    expect(codeActions(analysis, { uri: URI, range: foreign.range, diagnostics: [foreign] })).toEqual([]);
  });
});
