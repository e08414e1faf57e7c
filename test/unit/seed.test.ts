// The example the product started from. Skips when ../shared is not beside the repository.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { removeTurnEdit } from '../../server/src/core/fixes';
import { hover } from '../../server/src/service/hover';
import { documentSymbols } from '../../server/src/service/documentSymbols';
import { hasShared, readShared, SEED } from './shared';

describe.skipIf(!hasShared(SEED))('the seed interview', () => {
  const text = hasShared(SEED) ? readShared(SEED) : '';
  const analysis = analyzeText(text);
  const { model } = analysis;

  it('has 18 questions on lines 4, 6, 8, …, 39', () => {
    expect(model.exchanges.map((exchange) => exchange.question.line + 1)).toEqual([4, 6, 8, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39]);
  });

  it('has the speakers 提问 (18 turns), 孙弘 (10), 李钟伟 (8)', () => {
    expect(model.speakers.map((speaker) => [speaker.label, speaker.turns.length])).toEqual([
      ['提问', 18],
      ['孙弘', 10],
      ['李钟伟', 8],
    ]);
  });

  it('has lines 1-3 as preamble and line 8 answered by both', () => {
    expect(model.preamble?.lines.map((line) => [line.line + 1, line.kind])).toEqual([
      [1, 'title'],
      [2, 'lead'],
      [3, 'intro'],
    ]);
    expect(model.exchanges[2].answers.map((turn) => turn.speaker.label)).toEqual(['李钟伟', '孙弘']);
  });

  it('reports exactly the duplicate and the unanswered question on line 39', () => {
    expect(analysis.findings.map((finding) => [finding.code, finding.range.start.line + 1, finding.related.map((place) => place.range.start.line + 1)])).toEqual([
      ['duplicate-question', 39, [37]],
      ['unanswered-question', 39, []],
    ]);
  });

  it('fixes the duplicate by deleting line 39 and nothing else', () => {
    const duplicate = model.turns[analysis.findings[0].turnIndex];
    const document = TextDocument.create('file:///seed.txt', 'transcript', 1, text);
    const fixed = TextDocument.applyEdits(document, [removeTurnEdit(model, duplicate)]);
    const lines = text.split('\n');
    expect(fixed).toBe([...lines.slice(0, 38), ...lines.slice(39)].join('\n'));
    expect(analyzeText(fixed).findings.filter((finding) => finding.code === 'duplicate-question')).toEqual([]);
  });

  it('introduces 孙弘 as the CEO of 玛萨玛索 in the hover', () => {
    const sun = model.speakersByKey.get('孙弘')!;
    const line = sun.turns[0].line;
    const value = (hover(analysis, { line, character: sun.turns[0].labelStart })?.contents as { value: string }).value;
    expect(value).toContain('**孙弘**');
    expect(value).toContain('10 turns');
    expect(value).toContain('玛萨玛索CEO');
    expect(value).toContain('line 2');
  });

  it('outlines the preamble and the 18 exchanges', () => {
    const symbols = documentSymbols(analysis);
    expect(symbols).toHaveLength(19);
    expect(symbols.slice(1).map((symbol) => symbol.range.start.line + 1)).toEqual(model.exchanges.map((exchange) => exchange.question.line + 1));
    expect(symbols[3].detail).toBe('李钟伟, 孙弘');
  });
});
