/** `--outline`: the exchanges of a transcript, one line each, as the editor's outline shows them. */
import type { TranscriptAnalysis } from '../../core/analysis';
import { Paint, printable, truncate } from '../terminal';

export interface OutlineEntry {
  readonly kind: 'preamble' | 'exchange' | 'turn';
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Who asks (exchange) or speaks (turn before the first question). */
  readonly speaker?: string;
  /** The preamble's title, the question, or the turn's text, on one line. */
  readonly text: string;
  /** Exchanges: the speakers who answered, in order; empty when nobody did. */
  readonly answeredBy?: string[];
}

/** The preamble, then exchanges and loose turns (turns before the first question) in document order. */
export function outlineEntries(analysis: TranscriptAnalysis): OutlineEntry[] {
  const { model } = analysis;
  const entries: OutlineEntry[] = [];
  const preamble = model.preamble;
  if (preamble) {
    entries.push({
      kind: 'preamble',
      startLine: preamble.firstLine + 1,
      endLine: preamble.lastLine + 1,
      text: preamble.title ? preamble.title.text.trim() : (preamble.lines[0]?.text.trim() ?? ''),
    });
  }
  for (const turn of model.turns) {
    const exchange = turn.exchange;
    if (exchange === undefined) {
      entries.push({ kind: 'turn', startLine: turn.line + 1, endLine: turn.lastLine + 1, speaker: turn.speaker.label, text: turn.text });
    } else if (exchange.question === turn) {
      const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : turn;
      entries.push({
        kind: 'exchange',
        startLine: turn.line + 1,
        endLine: last.lastLine + 1,
        speaker: turn.speaker.label,
        text: turn.text,
        answeredBy: [...new Set(exchange.answers.map((answer) => answer.speaker.label))],
      });
    }
  }
  return entries;
}

const TEXT_WIDTH = 56;

/** One line per entry: `  4-5    提问: 周老板，现在大家都在网上买书… → 周明远`. */
export function formatOutline(entries: readonly OutlineEntry[], paint: Paint): string[] {
  if (entries.length === 0) return ['  (no turns found)'];
  const lines = entries.map((entry) => (entry.startLine === entry.endLine ? `${entry.startLine}` : `${entry.startLine}-${entry.endLine}`));
  const width = Math.max(...lines.map((text) => text.length));
  return entries.map((entry, i) => {
    const where = paint.gray(lines[i].padEnd(width));
    const text = printable(truncate(entry.text, TEXT_WIDTH));
    switch (entry.kind) {
      case 'preamble':
        return `  ${where}  ${paint.gray('preamble:')} ${text}`;
      case 'turn':
        return `  ${where}  ${printable(entry.speaker ?? '')}: ${text}`;
      case 'exchange': {
        const answered = entry.answeredBy ?? [];
        const who = answered.length > 0 ? printable(answered.join(', ')) : paint.yellow('unanswered');
        return `  ${where}  ${paint.bold(printable(entry.speaker ?? ''))}: ${text} ${paint.gray('→')} ${who}`;
      }
    }
  });
}
