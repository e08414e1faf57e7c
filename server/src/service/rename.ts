/**
 * Rename (F2) on a speaker label: prepareRename answers the label's range, or says to put the cursor
 * on a label; rename rewrites every turn label of the speaker (each written form) and its entry in
 * the participant declaration, never text inside turns. Refusals carry a message for the user.
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { checkSpeakerName, NOT_ON_LABEL, RenameCheck, renameRange, renameSpeakerEdits } from '../core/renameSpeaker';
import { labelTurnAt } from '../core/speakerOccurrences';

export type { RenameCheck };

export function prepareRename(analysis: TranscriptAnalysis, position: Position): RenameCheck<Range> {
  return renameRange(analysis.model, position);
}

export function rename(analysis: TranscriptAnalysis, uri: string, position: Position, newName: string): RenameCheck<WorkspaceEdit> {
  const { model } = analysis;
  const turn = labelTurnAt(model, position);
  if (!turn) return { ok: false, message: NOT_ON_LABEL };
  const name = checkSpeakerName(newName, model.settings);
  if (!name.ok) return name;
  return { ok: true, value: { changes: { [uri]: renameSpeakerEdits(model, turn.speaker, name.value) } } };
}
