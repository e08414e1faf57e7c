/** The status bar text for a transcript summary (pure, unit-tested). */
import { plural } from '../../server/src/core/words';
import type { TranscriptSummary } from '../../server/src/service/protocol';

export function summaryText(summary: TranscriptSummary): string {
  const parts = [`${summary.questions} Q`];
  if (summary.unanswered > 0) parts.push(`${summary.unanswered} unanswered`);
  if (summary.duplicates > 0) parts.push(plural(summary.duplicates, 'duplicate'));
  return parts.join(' · ');
}
