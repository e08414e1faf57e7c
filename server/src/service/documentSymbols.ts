/** The outline: the preamble, then one node per exchange named by its question, answers as children. */
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { headRangeOf, TURN_QUESTION, TURN_SPANS, type TranscriptModel } from '../core/model';
import { plural, shorten, shortenTrimmed } from './text';

const QUESTION_NAME_LENGTH = 60;
const TURN_NAME_LENGTH = 50;

/**
 * Made straight from the model's turn and exchange tables, without a view object per turn: the
 * outline names every turn of the document, and the editor asks for it again after each edit.
 */
export function documentSymbols(analysis: TranscriptAnalysis): DocumentSymbol[] {
  const { model } = analysis;
  const symbols: DocumentSymbol[] = [];
  const preamble = model.preamble;
  if (preamble) {
    const first = preamble.lines[0];
    symbols.push({
      name: shorten(preamble.title?.text ?? '', QUESTION_NAME_LENGTH) || 'Preamble',
      detail: 'preamble',
      kind: SymbolKind.Namespace,
      range: preamble.range,
      selectionRange: { start: { line: first.line, character: 0 }, end: { line: first.line, character: model.lines.lineLength(first.line) } },
    });
  }
  // Turns and exchanges in document order; loose turns (before the first question) stand alone.
  const { table, exchangeTable } = model;
  for (let n = 0; n < table.count; n++) {
    const exchange = table.exchange[n];
    if (exchange < 0) symbols.push(turnSymbol(model, n));
    else if (exchangeTable.question[exchange] === n) symbols.push(exchangeSymbol(model, exchange));
  }
  return symbols;
}

function exchangeSymbol(model: TranscriptModel, exchange: number): DocumentSymbol {
  const { table, exchangeTable } = model;
  const question = exchangeTable.question[exchange];
  const end = exchangeTable.end[exchange]; // the turns after the question: question + 1 .. end - 1
  const children: DocumentSymbol[] = [];
  const answerers: string[] = [];
  for (let n = question + 1; n < end; n++) {
    children.push(turnSymbol(model, n));
    const speaker = model.speakers[table.speaker[n]];
    if (speaker.role === 'answerer' && !answerers.includes(speaker.label)) answerers.push(speaker.label);
  }
  return {
    name: displayText(model, question, QUESTION_NAME_LENGTH) || shorten(table.labels[table.label[question]], QUESTION_NAME_LENGTH),
    detail: answerers.length > 0 ? answerers.join(', ') : 'unanswered',
    kind: SymbolKind.Event,
    range: { start: { line: table.line[question], character: 0 }, end: lineEnd(model, table.lastLine[exchangeTable.lastTurn(exchange)]) },
    selectionRange: headRangeOf(model, question),
    children,
  };
}

function turnSymbol(model: TranscriptModel, n: number): DocumentSymbol {
  const { table } = model;
  const line = table.line[n];
  const lastLine = table.lastLine[n];
  const timestampStart = table.timestampStart[n];
  return {
    name: `${model.speakers[table.speaker[n]].label}: ${displayText(model, n, TURN_NAME_LENGTH)}`,
    detail: timestampStart >= 0 ? model.lines.text.slice(timestampStart, table.timestampEnd[n]) : plural(lastLine - line + 1, 'line'),
    kind: table.flags[n] & TURN_QUESTION ? SymbolKind.Event : SymbolKind.String,
    range: { start: { line, character: 0 }, end: lineEnd(model, lastLine) },
    selectionRange: headRangeOf(model, n),
  };
}

/**
 * The turn's text for a name, at most `max` characters: without margins and page furniture where it
 * has any (court transcripts); otherwise the raw text, shortened where it stands, so long turns stay cheap.
 */
function displayText(model: TranscriptModel, n: number, max: number): string {
  const { table } = model;
  if (table.flags[n] & TURN_SPANS) return shorten(model.turn(n).text, max); // folded and trimmed
  return shortenTrimmed(model.lines.text, table.textStart[n], table.textEnd[n], max);
}

function lineEnd(model: TranscriptModel, line: number): Range['end'] {
  return { line, character: model.lines.lineLength(line) };
}
