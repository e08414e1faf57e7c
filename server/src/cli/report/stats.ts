/** `--stats`: a table of the speakers of a transcript. */
import type { TranscriptAnalysis } from '../../core/analysis';
import { speakerStatistics } from '../../core/speakerStats';
import { displayWidth, padEnd, padStart, Paint, printable } from '../terminal';

export interface SpeakerRow {
  readonly speaker: string;
  readonly role: string;
  readonly turns: number;
  /** Characters of spoken text, whitespace not counted. */
  readonly characters: number;
  /** Share of all spoken characters, in percent (one decimal). */
  readonly sharePercent: number;
  readonly questionsAsked: number;
  readonly questionsAnswered: number;
}

export function speakerRows(analysis: TranscriptAnalysis): SpeakerRow[] {
  return speakerStatistics(analysis.model).map((stats) => ({
    speaker: stats.speaker.label,
    role: stats.speaker.role,
    turns: stats.turns,
    characters: stats.characters,
    sharePercent: Math.round(stats.share * 1000) / 10,
    questionsAsked: stats.questionsAsked,
    questionsAnswered: stats.questionsAnswered,
  }));
}

const HEADERS = ['speaker', 'role', 'turns', 'share', 'asked', 'answered'];
/** Columns aligned to the right (numbers). */
const RIGHT = [false, false, true, true, true, true];

export function formatStats(rows: readonly SpeakerRow[], paint: Paint): string[] {
  if (rows.length === 0) return ['  (no speakers found)'];
  const cells = rows.map((row) => [
    printable(row.speaker),
    row.role,
    String(row.turns),
    `${row.sharePercent.toFixed(1)}%`,
    String(row.questionsAsked),
    String(row.questionsAnswered),
  ]);
  const widths = HEADERS.map((header, column) => Math.max(...[header, ...cells.map((cell) => cell[column])].map((text) => displayWidth(text))));
  const line = (values: string[]): string =>
    '  ' +
    values
      .map((value, column) => (RIGHT[column] ? padStart(value, widths[column]) : padEnd(value, widths[column])))
      .join('  ')
      .trimEnd();
  return [paint.gray(line(HEADERS)), ...cells.map(line)];
}
