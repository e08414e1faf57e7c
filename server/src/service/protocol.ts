/**
 * The extension's own requests between the VS Code client and the server (beyond standard LSP).
 * Types only, so the client can import this file without pulling in the server.
 */

export interface DocumentParams {
  uri: string;
}

export interface TranscriptSummary {
  questions: number;
  unanswered: number;
  duplicates: number;
  speakers: number;
}

export interface QuestionLocation {
  line: number;
  character: number;
}

export interface SpeakerStatisticsRow {
  name: string;
  role: string;
  roleSource: string;
  turns: number;
  characters: number;
  share: number;
  questionsAsked: number;
  questionsAnswered: number;
  firstLine: number;
}

export interface TranscriptStatistics {
  title: string | null;
  summary: TranscriptSummary;
  speakers: SpeakerStatisticsRow[];
}

export type ExportFormat = 'markdown' | 'json';

export interface ExportParams extends DocumentParams {
  format: ExportFormat;
}

/** Request method names. Each takes the params named and answers `null` for unknown documents. */
export const Requests = {
  /** DocumentParams → TranscriptSummary | null */
  summary: 'transcript/summary',
  /** DocumentParams → QuestionLocation[] | null */
  questions: 'transcript/questions',
  /** DocumentParams → TranscriptStatistics | null */
  statistics: 'transcript/statistics',
  /** ExportParams → string | null */
  exportQa: 'transcript/exportQa',
} as const;
