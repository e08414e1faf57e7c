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
  const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : question;
  const answerers = [...new Set(exchange.answers.map((turn) => turn.speaker.label))];
  return {
    name: shorten(displayText(question) || question.label, QUESTION_NAME_LENGTH),
    detail: answerers.length > 0 ? answerers.join(', ') : 'unanswered',
    kind: SymbolKind.Event,
    range: { start: question.fullRange.start, end: last.fullRange.end },
    selectionRange: selectionOf(question),
    children: exchange.turns.map(turnSymbol),
  };
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
