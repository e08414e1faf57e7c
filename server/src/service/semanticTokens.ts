/**
 * Semantic tokens (the full document, or a range of lines): labels by role — `keyword` for questioners and interviewers,
 * `function` for answerers, as the TextMate grammar's `keyword.control.question` and
 * `entity.name.function.speaker` scopes — with `declaration` on a speaker's first turn; timestamps
 * as `number`, annotations as `comment`.
 */
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { SemanticSpanKind, semanticSpans } from '../core/semanticSpans';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['keyword', 'function', 'number', 'comment'],
  tokenModifiers: ['declaration'],
};

const TYPE_INDEX: Record<SemanticSpanKind, number> = { asker: 0, answerer: 1, timestamp: 2, annotation: 3 };
const DECLARATION = 1 << 0;

/** The whole document's tokens, or with `range` those on its lines (`semanticTokens/range`: what is on screen). */
export function semanticTokens(analysis: TranscriptAnalysis, range?: Range): SemanticTokens {
  const spans = semanticSpans(analysis.model, range?.start.line, range?.end.line);
  const data = new Array<number>(spans.length * 5);
  let previousLine = 0;
  let previousStart = 0;
  let i = 0;
  for (const span of spans) {
    const deltaLine = span.line - previousLine;
    data[i++] = deltaLine;
    data[i++] = deltaLine === 0 ? span.start - previousStart : span.start;
    data[i++] = span.length;
    data[i++] = TYPE_INDEX[span.kind];
    data[i++] = span.first ? DECLARATION : 0;
    previousLine = span.line;
    previousStart = span.start;
  }
  return { data };
}
