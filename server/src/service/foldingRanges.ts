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
    const lastLine = table.lastLine[exchangeTable.lastTurn(e)];
    if (lastLine > table.line[question]) ranges.push({ startLine: table.line[question], endLine: lastLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
