/**
 * Completion of speaker labels at the start of a line (after indentation and an optional
 * timestamp): the document's speakers, most frequent first, written with the colon the document
 * uses. Nothing is offered in the middle of text.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { silentDeclaredSpeakers } from './declaredSpeakers';
import { lineRange } from './lines';
import type { Role, TranscriptModel } from './model';
import { nfkc } from './normalize';
import { turnAtLine } from './queries';
import { identityKey, identityWords } from './speakerIdentity';

export interface LabelCompletionContext {
  /** What the chosen label replaces: the partial label typed so far, or the line's existing label. */
  readonly range: Range;
  /** The text typed so far (the existing label when the cursor is on one). */
  readonly typed: string;
  /** The cursor is on an existing label: only the label is replaced, its colon and text stay. */
  readonly onExistingLabel: boolean;
}

/** How the document writes a label's end: `：`, `: ` or a CHAT tier `*CODE:` + tab. */
export type ColonStyle = 'full-width' | 'ascii' | 'chat';

export interface SpeakerSuggestion {
  /** The label (a CHAT code for a CHAT file). */
  readonly label: string;
  /** What is inserted: the label with its colon (only the label on an existing label line). */
  readonly insertText: string;
  readonly role: Role | undefined;
  readonly turns: number;
  /** Declared in the file's participants but not speaking yet. */
  readonly declaredOnly: boolean;
  readonly declaredRole?: string;
}

const LEADING = /^\ufeff?[ \t\u3000\u00a0]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?(?:[ \t\u3000\u00a0]+|(?<=\])))?(?:\*\*)?/;
/** Characters that never occur in a label (as the label scanner rejects them), so the cursor is in text. */
const NOT_IN_LABEL = /[:：，。？！,?!;；、"“”‘’「」『』《》〈〉<>{}=|\\/…()（）[\]#@~`^_+%&$]/;

/**
 * The label typed so far when `before` (a line's text up to the cursor) could end in a label being
 * written: indentation, an optional timestamp, then at most a label's length of words without a
 * colon or sentence punctuation. Undefined in the middle of text.
 */
export function typedLabel(before: string, maxLabelLength: number): { start: number; typed: string } | undefined {
  const prefix = LEADING.exec(before)?.[0] ?? '';
  const typed = before.slice(prefix.length);
  if (NOT_IN_LABEL.test(typed.replace(/^\*+/, '')) || /^\s/.test(typed)) return undefined;
  if (Array.from(typed).length > maxLabelLength || typed.split(/\s+/).length > 6) return undefined;
  return { start: prefix.length, typed };
}

/**
 * A cheap test on the line's text alone, before any analysis: can a label completion apply at
 * `character`? (It may still offer nothing: what was typed must match a speaker.)
 */
export function mayCompleteLabel(lineText: string, character: number, maxLabelLength: number): boolean {
  return typedLabel(lineText.slice(0, Math.max(0, character)), maxLabelLength) !== undefined;
}

/** Where a label completion applies at `position`, or undefined when the cursor is not at a line's label position. */
export function labelCompletionContext(model: TranscriptModel, position: Position): LabelCompletionContext | undefined {
  const { lines } = model;
  if (position.line < 0 || position.line >= lines.lineCount) return undefined;
  const lineText = lines.lineText(position.line);
  const character = Math.min(Math.max(0, position.character), lineText.length);

  const turn = turnAtLine(model, position.line);
  if (turn && turn.line === position.line) {
    // A labelled line: only on the label itself.
    if (character < turn.labelStart || character > turn.labelEnd) return undefined;
    return { range: turn.labelRange, typed: turn.label, onExistingLabel: true };
  }

  const found = typedLabel(lineText.slice(0, character), model.settings.maxLabelLength);
  if (!found) return undefined;
  return { range: lineRange(position.line, found.start, character), typed: found.typed, onExistingLabel: false };
}

/** The colon style most labels of the document use. */
export function colonStyle(model: TranscriptModel): ColonStyle {
  let fullWidth = 0;
  let ascii = 0;
  let chat = 0;
  const text = model.lines.text;
  for (const turn of model.turns) {
    if ((turn as { labelStyle?: string }).labelStyle === 'chat') chat++;
    else if (turn.colonEnd > turn.colonStart) {
      if (text.charCodeAt(model.lines.starts[turn.line] + turn.colonStart) === 0xff1a) fullWidth++;
      else ascii++;
    }
  }
  if (chat * 2 > model.turns.length) return 'chat';
  return fullWidth * 2 > fullWidth + ascii && fullWidth > 0 ? 'full-width' : 'ascii';
}

function withColon(label: string, style: ColonStyle): string {
  switch (style) {
    case 'chat':
      return `*${label}:\t`;
    case 'full-width':
      return `${label}：`;
    case 'ascii':
      return `${label}: `;
  }
}

/** Whether the label could be what was typed: it, or one of its words, starts with the typed text. */
function matchesTyped(label: string, typed: string): boolean {
  const wanted = nfkc(typed.replace(/^\*+/, '')).toLowerCase().trim();
  if (wanted === '') return true;
  const written = nfkc(label).toLowerCase();
  if (written.startsWith(wanted)) return true;
  const key = identityKey(wanted);
  return identityKey(label).startsWith(key) || identityWords(label).some((word) => word.startsWith(key));
}

/**
 * The speakers to offer in a context: every speaker (most turns first, then first appearance) and
 * then the declared participants who have not spoken yet; only those matching what was typed.
 */
export function speakerSuggestions(model: TranscriptModel, context: LabelCompletionContext): SpeakerSuggestion[] {
  const style = colonStyle(model);
  const insert = (label: string): string => (context.onExistingLabel ? label : withColon(label, style));
  // On an existing label every speaker is offered (it is being replaced); otherwise filter.
  const typed = context.onExistingLabel ? '' : context.typed;
  const result: SpeakerSuggestion[] = [];
  const speakers = [...model.speakers].sort((a, b) => b.turns.length - a.turns.length || a.turns[0].index - b.turns[0].index);
  for (const speaker of speakers) {
    if (!matchesTyped(speaker.label, typed)) continue;
    result.push({ label: speaker.label, insertText: insert(speaker.label), role: speaker.role, turns: speaker.turns.length, declaredOnly: false });
  }
  for (const entry of silentDeclaredSpeakers(model)) {
    if (!matchesTyped(entry.code, typed) && !(entry.name && matchesTyped(entry.name, typed))) continue;
    result.push({
      label: entry.code,
      insertText: insert(entry.code),
      role: undefined,
      turns: 0,
      declaredOnly: true,
      ...(entry.role ? { declaredRole: entry.role } : {}),
    });
  }
  return result;
}
