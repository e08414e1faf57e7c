/** Answers to the extension's own requests (status bar, navigation, statistics, export). */
import type { TranscriptAnalysis } from '../core/analysis';
import { qaJson, qaMarkdown } from '../core/exportQa';
import { speakerStatistics } from '../core/speakerStats';
import type { ExportFormat, QuestionLocation, TranscriptStatistics, TranscriptSummary } from './protocol';

export function summary(analysis: TranscriptAnalysis): TranscriptSummary {
  const { model } = analysis;
  let duplicates = 0;
  for (const [turn, group] of analysis.duplicateGroups) if (group[0] !== turn) duplicates++;
  return {
    questions: model.exchanges.length,
    unanswered: model.exchanges.filter((exchange) => exchange.answers.length === 0).length,
    duplicates,
    speakers: model.speakers.length,
  };
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
