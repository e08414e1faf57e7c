/**
 * Renaming a speaker: every turn label of that speaker, in all its written forms, and the entry of
 * the file's participant declaration that names it. Never text inside turns.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { declarationEntryRange } from './declaredSpeakers';
import { matchLabel } from './labels';
import type { Speaker, TranscriptModel } from './model';
import type { TranscriptSettings } from './settings';
import { labelTurnAt } from './speakerOccurrences';

export const NOT_ON_LABEL = 'Place the cursor on a speaker label to rename the speaker.';

export type RenameCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The label range under the cursor, which the editor offers for renaming; or why there is none. */
export function renameRange(model: TranscriptModel, position: Position): RenameCheck<Range> {
  const turn = labelTurnAt(model, position);
  return turn ? { ok: true, value: turn.labelRange } : { ok: false, message: NOT_ON_LABEL };
}

/**
 * Whether `input` can be a speaker label: not empty, no colon (it would end the label), no line
 * break, and read back as exactly this label by the parser (short enough, no sentence punctuation).
 * Surrounding whitespace is dropped.
 */
export function checkSpeakerName(input: string, settings: TranscriptSettings): RenameCheck<string> {
  const name = input.replace(/^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g, '');
  if (name === '') return { ok: false, message: 'The new speaker name is empty.' };
  if (/[\r\n\u2028\u2029\u0085]/.test(name)) return { ok: false, message: 'A speaker name cannot contain a line break.' };
  if (/[:：]/.test(name)) return { ok: false, message: `A speaker name cannot contain a colon ('${name}'): the colon ends the label.` };
  if (Array.from(name).length > settings.maxLabelLength) {
    return { ok: false, message: `'${name}' is longer than transcript.maxLabelLength (${settings.maxLabelLength} characters), so it would not be read as a speaker label.` };
  }
  const probe = `${name}: text`;
  const match = matchLabel(probe, 0, probe.length, settings.maxLabelLength);
  if (!match || match.label !== name) {
    return {
      ok: false,
      message: `'${name}' would not be read as a speaker label: a label has a letter, at most six words, and no sentence punctuation, brackets or quotes.`,
    };
  }
  return { ok: true, value: name };
}

/** The edits renaming `speaker` to `name`: its turn labels (each written form) and its declaration entry. */
export function renameSpeakerEdits(model: TranscriptModel, speaker: Speaker, name: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const declared = declarationEntryRange(model, speaker);
  if (declared && model.lines.lineText(declared.start.line).slice(declared.start.character, declared.end.character) !== name) {
    edits.push({ range: declared, newText: name });
  }
  for (const turn of speaker.turns) {
    if (turn.label !== name) edits.push({ range: turn.labelRange, newText: name });
  }
  return edits;
}
