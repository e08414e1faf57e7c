/**
 * Inlay hints (off unless `transcript.inlayHints.enabled`): after each question's last line, who
 * answered and how long the answer is — `→ 孙弘, 李钟伟 · 120 chars`, or `→ unanswered`.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { AnswerSummary, answerSummaries } from '../core/answerSummaries';
import { plural } from './text';

export function inlayHintLabel(summary: AnswerSummary): string {
  if (summary.answerers.length === 0) return '→ unanswered';
  return `→ ${summary.answerers.join(', ')} · ${plural(summary.characters, 'char')}`;
}

export function inlayHints(analysis: TranscriptAnalysis, range: Range): InlayHint[] {
  if (!analysis.model.settings.inlayHints.enabled) return [];
  return answerSummaries(analysis.model, range.start.line, range.end.line).map((summary) => ({
    position: summary.position,
    label: inlayHintLabel(summary),
    paddingLeft: true,
    tooltip:
      summary.answerers.length === 0
        ? 'No answer before the next question or the end of the transcript.'
        : `Answered in ${plural(summary.answerTurns, 'turn')} by ${summary.answerers.join(', ')}: ${plural(summary.characters, 'character')} of spoken text, whitespace not counted.`,
  }));
}
