/** Answers to the extension's own requests (status bar, navigation, statistics, export). */
import type { TranscriptAnalysis } from '../core/analysis';
import { qaJson, qaMarkdown } from '../core/exportQa';
import { speakerStatistics } from '../core/speakerStats';
import type { ExportFormat, QuestionLocation, TranscriptStatistics, TranscriptSummary } from './protocol';

/** The status bar's counts, from the exchange table (asked for after every edit: no views). */
export function summary(analysis: TranscriptAnalysis): TranscriptSummary {
  const { model } = analysis;
  const { answerCount, count } = model.exchangeTable;
  let unanswered = 0;
  for (let e = 0; e < count; e++) if (answerCount[e] === 0) unanswered++;
  return { questions: count, unanswered, duplicates: analysis.duplicateCount, speakers: model.speakers.length };
}

export function questionLocations(analysis: TranscriptAnalysis): QuestionLocation[] {
  return analysis.model.exchanges.map((exchange) => ({ line: exchange.question.line, character: exchange.question.labelStart }));
}

export function statistics(analysis: TranscriptAnalysis): TranscriptStatistics {
  return {
    title: analysis.model.preamble?.title?.text ?? null,
    summary: summary(analysis),
    speakers: speakerStatistics(analysis.model).map((stats) => ({
      name: stats.speaker.label,
      role: stats.speaker.role,
      roleSource: stats.speaker.roleSource,
      turns: stats.turns,
      characters: stats.characters,
      share: stats.share,
      questionsAsked: stats.questionsAsked,
      questionsAnswered: stats.questionsAnswered,
      firstLine: stats.firstLine,
    })),
  };
}

export function exportQa(analysis: TranscriptAnalysis, format: ExportFormat): string {
  return format === 'json' ? JSON.stringify(qaJson(analysis), null, 2) + '\n' : qaMarkdown(analysis);
}
