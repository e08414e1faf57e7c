/** Folding: the preamble, and each exchange from its question to its last answer. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';

/** Made from the exchange table, without a view per exchange and turn (asked for after every edit). */
export function foldingRanges(analysis: TranscriptAnalysis): FoldingRange[] {
  const { model } = analysis;
  const ranges: FoldingRange[] = [];
  if (model.preamble && model.preamble.lastLine > model.preamble.firstLine) {
    ranges.push({ startLine: model.preamble.firstLine, endLine: model.preamble.lastLine, kind: FoldingRangeKind.Comment });
  }
  const { table, exchangeTable } = model;
  for (let e = 0; e < exchangeTable.count; e++) {
    const question = exchangeTable.question[e];
    // The exchange's last turn: its last answer, or the question itself when nobody answered.
    const lastLine = table.lastLine[Math.max(question, exchangeTable.end[e] - 1)];
    if (lastLine > table.line[question]) ranges.push({ startLine: table.line[question], endLine: lastLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
