/**
 * Where a speaker occurs: the turn at a position, the turn whose label is under the cursor, and
 * every label of a speaker. Used by rename, references and document highlights.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { declarationEntryRange } from './declaredSpeakers';
import type { Speaker, TranscriptModel, Turn } from './model';
import { turnAtLine } from './queries';

/** The turn whose lines hold the position (its label line through its last non-blank line). */
export function turnAtPosition(model: TranscriptModel, position: Position): Turn | undefined {
  return turnAtLine(model, position.line);
}

/** The turn whose label the position touches (from the label's first character to just after its last). */
export function labelTurnAt(model: TranscriptModel, position: Position): Turn | undefined {
  const turn = turnAtLine(model, position.line);
  if (!turn || turn.line !== position.line) return undefined;
  return position.character >= turn.labelStart && position.character <= turn.labelEnd ? turn : undefined;
}

/** The label range of every turn of the speaker, in document order. */
export function speakerLabelRanges(speaker: Speaker): Range[] {
  return speaker.turns.map((turn) => turn.labelRange);
}

/**
 * Every place a speaker is named: each turn label, and (with `includeDeclaration`) where the file's
 * participant declaration names them, first.
 */
export function speakerOccurrences(model: TranscriptModel, speaker: Speaker, includeDeclaration: boolean): Range[] {
  const ranges = speakerLabelRanges(speaker);
  if (includeDeclaration) {
    const declared = declarationEntryRange(model, speaker);
    if (declared) ranges.unshift(declared);
  }
  return ranges;
}
