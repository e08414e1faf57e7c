import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/core/analysis';
import { insertAnswerEdit, removeExchangeEdit, removeTurnEdit, removeUnansweredDuplicatesEdits } from '../../server/src/core/fixes';
import { fixture } from './helpers';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'transcript', 1, text), edits);
}

describe('removing a duplicate question', () => {
  it('deletes exactly the duplicate line of the Chinese fixture', () => {
    const text = fixture('zh-interview.txt');
    const analysis = analyzeText(text);
    const duplicate = analysis.model.turns[analysis.findings[0].turnIndex];
    const result = apply(text, [removeTurnEdit(analysis.model, duplicate)]);
    const lines = text.split('\n');
    expect(result).toBe([...lines.slice(0, 14), ...lines.slice(15)].join('\n'));
    expect(analyzeText(result).findings.map((finding) => finding.code)).toEqual([]);
  });

  it('takes the line break before a last line that has none', () => {
    const text = 'Q: One?\nA: Yes.\nQ: One?';
    const analysis = analyzeText(text);
    expect(apply(text, [removeTurnEdit(analysis.model, analysis.model.turns[2])])).toBe('Q: One?\nA: Yes.');
  });

  it('removes a multi-line turn and one run of blank lines after it, leaving a single gap', () => {
    const text = 'Q: One?\n\nA: Yes.\n\nQ: One?\nstill asking\n\nA: Again.\n';
    const analysis = analyzeText(text);
    expect(apply(text, [removeTurnEdit(analysis.model, analysis.model.turns[2])])).toBe('Q: One?\n\nA: Yes.\n\nA: Again.\n');
  });

  it('keeps CRLF line breaks of the rest of the document', () => {
    const text = 'Q: One?\r\nA: Yes.\r\nQ: One?\r\nA: Again.\r\n';
    const analysis = analyzeText(text);
    expect(apply(text, [removeTurnEdit(analysis.model, analysis.model.turns[2])])).toBe('Q: One?\r\nA: Yes.\r\nA: Again.\r\n');
  });

  it('removes a whole exchange: the question and its answers', () => {
    const text = 'Q: One?\nA: Yes.\nQ: One?\nA: Again.\nB: Me too.\nQ: Two?\nA: No.\n';
    const analysis = analyzeText(text);
    const exchange = analysis.model.exchanges[1];
    expect(apply(text, [removeExchangeEdit(analysis.model, exchange)])).toBe('Q: One?\nA: Yes.\nQ: Two?\nA: No.\n');
  });

  it('fix-all removes every unanswered duplicate, merging neighbours so edits never overlap', () => {
    const text = 'Q: One?\nA: Yes.\nQ: Two?\nA: No.\nQ: One?\nQ: Two?\nQ: Two?\nA: Answered copy.\nQ: One?';
    const analysis = analyzeText(text);
    const edits = removeUnansweredDuplicatesEdits(analysis);
    expect(edits).toHaveLength(2);
    expect(apply(text, edits)).toBe('Q: One?\nA: Yes.\nQ: Two?\nA: No.\nQ: Two?\nA: Answered copy.');
  });
});

describe('adding an answer', () => {
  it('inserts a label line in the style of the question line', () => {
    const text = '　　提问：一？\n　　孙弘：好。\n　　提问：二？\n';
    const analysis = analyzeText(text);
    const speaker = analysis.model.speakersByKey.get('孙弘')!;
    expect(apply(text, [insertAnswerEdit(analysis.model, analysis.model.turns[2], speaker)])).toBe('　　提问：一？\n　　孙弘：好。\n　　提问：二？\n　　孙弘：\n');
  });

  it('adds a space after a half-width colon and keeps CRLF', () => {
    const text = 'Q: One?\r\nA: Yes.\r\nQ: Two?';
    const analysis = analyzeText(text);
    const speaker = analysis.model.speakersByKey.get('A')!;
    expect(apply(text, [insertAnswerEdit(analysis.model, analysis.model.turns[2], speaker)])).toBe('Q: One?\r\nA: Yes.\r\nQ: Two?\r\nA: ');
  });
});
