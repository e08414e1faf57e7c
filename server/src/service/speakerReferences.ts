/**
 * References and document highlights of a speaker. References: from a label or anywhere in a turn,
 * every turn label of that turn's speaker (and its declaration entry when the editor asks for the
 * declaration). Highlights: on a label, every label of that speaker.
 */
import { DocumentHighlight, DocumentHighlightKind, Location, Position } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { labelTurnAt, speakerLabelRanges, speakerOccurrences, turnAtPosition } from '../core/speakerOccurrences';

export function references(analysis: TranscriptAnalysis, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const turn = turnAtPosition(analysis.model, position);
  if (!turn) return [];
  return speakerOccurrences(analysis.model, turn.speaker, includeDeclaration).map((range) => ({ uri, range }));
}

export function documentHighlights(analysis: TranscriptAnalysis, position: Position): DocumentHighlight[] {
  const turn = labelTurnAt(analysis.model, position);
  if (!turn) return [];
  return speakerLabelRanges(turn.speaker).map((range) => ({ range, kind: DocumentHighlightKind.Text }));
}
