/** The outline: the preamble, then one node per exchange named by its question, answers as children. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import type { Exchange, Turn } from '../core/model';
import { plural, shorten } from './text';

const QUESTION_NAME_LENGTH = 60;
const TURN_NAME_LENGTH = 50;

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
  let exchangeIndex = 0;
  for (const turn of model.turns) {
    if (turn.exchange === undefined) symbols.push(turnSymbol(turn));
    else if (turn.exchange.question === turn) symbols.push(exchangeSymbol(model.exchanges[exchangeIndex++]));
  }
  return symbols;
}

function exchangeSymbol(exchange: Exchange): DocumentSymbol {
  const question = exchange.question;
  const turns = exchange.turns;
  const last = turns.length > 0 ? turns[turns.length - 1] : question;
  return {
    name: shorten(displayText(question) || question.label, QUESTION_NAME_LENGTH),
    detail: answererNames(exchange.answers),
    kind: SymbolKind.Event,
    range: { start: { line: question.line, character: 0 }, end: last.fullRange.end },
    selectionRange: selectionOf(question),
    children: turns.map(turnSymbol),
  };
}

/** Who answered, each name once in the order they first answered; `unanswered` when nobody did. */
function answererNames(answers: readonly Turn[]): string {
  const names: string[] = [];
  for (const turn of answers) {
    const label = turn.speaker.label;
    if (!names.includes(label)) names.push(label);
  }
  return names.length > 0 ? names.join(', ') : 'unanswered';
}

function turnSymbol(turn: Turn): DocumentSymbol {
  return {
    name: `${turn.speaker.label}: ${shorten(displayText(turn), TURN_NAME_LENGTH)}`,
    detail: turn.timestamp ? turn.timestamp.text : plural(turn.lastLine - turn.line + 1, 'line'),
    kind: turn.isQuestion ? SymbolKind.Event : SymbolKind.String,
    range: turn.fullRange,
    selectionRange: selectionOf(turn),
  };
}

/**
 * The turn's text for a name: without margins and page furniture where it has any (court
 * transcripts); otherwise the raw text, which `shorten` cuts before folding, so long turns stay cheap.
 */
function displayText(turn: Turn): string {
  return (turn.nonSpoken.length > 0 ? turn.text : turn.rawText).trim();
}

function selectionOf(turn: Turn): DocumentSymbol['selectionRange'] {
  return turn.headRange;
}
