/** Folding: the preamble, and each exchange from its question to its last answer. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';

export function foldingRanges(analysis: TranscriptAnalysis): FoldingRange[] {
  const { model } = analysis;
  const ranges: FoldingRange[] = [];
  if (model.preamble && model.preamble.lastLine > model.preamble.firstLine) {
    ranges.push({ startLine: model.preamble.firstLine, endLine: model.preamble.lastLine, kind: FoldingRangeKind.Comment });
  }
  for (const exchange of model.exchanges) {
    const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : exchange.question;
    if (last.lastLine > exchange.question.line) {
      ranges.push({ startLine: exchange.question.line, endLine: last.lastLine, kind: FoldingRangeKind.Region });
    }
  }
  return ranges;
}
