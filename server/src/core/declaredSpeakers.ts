/**
 * The participants a file declares — a CHAT `@Participants:` header (`CHI Adrianne Target_Child, …`)
 * or a `Speakers:` / `人物：` line in the preamble — and `undeclared-speaker`: a turn by someone who
 * is not among them. The parser records the declaration as `model.declaredSpeakers`; this file reads
 * it through {@link declaredSpeakers} and works without it (no declaration, no findings).
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding } from './findings';
import { lineRange } from './lines';
import type { Speaker, TranscriptModel } from './model';
import { identityGroupOf, identityKey, isPlaceholderLabel, isRoleWord, surnameOf } from './speakerIdentity';

/** One declared participant: its code (CHAT) or name as written, and where it is declared. */
export interface DeclaredSpeaker {
  readonly code: string;
  readonly name?: string;
  readonly role?: string;
  /** 0-based line of the declaration. */
  readonly line: number;
}

/** The participants the model says the file declares; empty when it declares none. */
export function declaredSpeakers(model: TranscriptModel): readonly DeclaredSpeaker[] {
  const value = (model as { declaredSpeakers?: unknown }).declaredSpeakers;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is DeclaredSpeaker =>
      typeof entry === 'object' && entry !== null && typeof entry.code === 'string' && typeof entry.line === 'number' && entry.line >= 0 && entry.line < model.lines.lineCount,
  );
}

export type DeclarationKind = 'chat' | 'list';

export interface Declaration {
  readonly kind: DeclarationKind;
  readonly entries: readonly DeclaredSpeaker[];
  /** First and last line of the declaration (a CHAT header may continue on tab-indented lines). */
  readonly firstLine: number;
  readonly lastLine: number;
}

const CHAT_PARTICIPANTS = /^\ufeff?[ \t]*@Participants[ \t]*:/i;

/** Where and how the file declares its participants, or undefined when it does not. */
export function declaration(model: TranscriptModel): Declaration | undefined {
  const entries = declaredSpeakers(model);
  if (entries.length === 0) return undefined;
  const { lines } = model;
  let firstLine = entries[0].line;
  let lastLine = entries[0].line;
  for (const entry of entries) {
    firstLine = Math.min(firstLine, entry.line);
    lastLine = Math.max(lastLine, entry.line);
  }
  const kind: DeclarationKind = CHAT_PARTICIPANTS.test(lines.lineText(firstLine)) ? 'chat' : 'list';
  if (kind === 'chat') {
    // CHAT continues a header on lines that start with a tab.
    while (lastLine + 1 < lines.lineCount && /^\t\s*\S/.test(lines.lineText(lastLine + 1))) lastLine++;
  }
  return { kind, entries, firstLine, lastLine };
}

/** Whether a declared entry names this label: same identity key, or the same surname (`Jen Psaki` / `MS. PSAKI`). */
function entryNames(entry: DeclaredSpeaker, label: string): boolean {
  const key = identityKey(label);
  if (key === '') return false;
  const surname = surnameOf(label);
  for (const declared of [entry.code, entry.name]) {
    if (!declared) continue;
    const declaredKey = identityKey(declared);
    if (declaredKey === key) return true;
    const declaredSurname = surnameOf(declared);
    if ((surname !== undefined && (surname === declaredKey || surname === declaredSurname)) || (declaredSurname !== undefined && declaredSurname === key)) {
      return true;
    }
  }
  return entry.role !== undefined && identityKey(entry.role) === key;
}

/** Whether a speaker (or any variant label of the same person) is declared. */
export function isDeclared(model: TranscriptModel, speaker: Speaker, entries: readonly DeclaredSpeaker[] = declaredSpeakers(model)): boolean {
  const people = identityGroupOf(model, speaker)?.speakers ?? [speaker];
  return people.some((person) => [...person.forms.keys()].some((form) => entries.some((entry) => entryNames(entry, form))));
}

/** Declared participants with no turn yet (for completion), in declaration order. */
export function silentDeclaredSpeakers(model: TranscriptModel): DeclaredSpeaker[] {
  const forms = model.speakers.flatMap((speaker) => [...speaker.forms.keys()]);
  return declaredSpeakers(model).filter((entry) => !forms.some((form) => entryNames(entry, form)));
}

/**
 * Speakers missing from the declaration, in order of first appearance. Built-in role words (`Q`,
 * `答`, `主持人`, `Host`) name a role, not a person, and placeholders (`Speaker 1`, `说话人1`) a voice
 * nobody has named yet: neither is reported.
 */
export function undeclaredSpeakers(model: TranscriptModel): Speaker[] {
  const entries = declaredSpeakers(model);
  if (entries.length === 0) return [];
  return model.speakers.filter((speaker) => !isRoleWord(speaker.key) && !isPlaceholderLabel(speaker.key) && !isDeclared(model, speaker, entries));
}

/** The declaration's lines, from the first non-blank character to the last: what related information points at. */
export function declarationRange(model: TranscriptModel, found: Declaration): Range {
  const first = model.lines.lineText(found.firstLine);
  const last = model.lines.lineText(found.lastLine);
  return {
    start: { line: found.firstLine, character: first.length - first.replace(/^[\s\ufeff]+/, '').length },
    end: { line: found.lastLine, character: last.trimEnd().length },
  };
}

/** The findings of `undeclared-speaker`: one per turn of each undeclared speaker, on its label. */
export function undeclaredSpeakerFindings(model: TranscriptModel): Finding[] {
  const found = declaration(model);
  if (!found) return [];
  const where = found.kind === 'chat' ? `@Participants (line ${found.firstLine + 1})` : `the speakers declared on line ${found.firstLine + 1}`;
  const related = [{ range: declarationRange(model, found), message: found.kind === 'chat' ? 'Participants declared here' : 'Speakers declared here' }];
  const findings: Finding[] = [];
  for (const speaker of undeclaredSpeakers(model)) {
    for (const turn of speaker.turns) {
      findings.push({
        code: 'undeclared-speaker',
        range: turn.labelRange,
        message: `Speaker '${turn.label}' is not among ${where}.`,
        related,
        turnIndex: turn.index,
      });
    }
  }
  return findings;
}

/** The separator a `Speakers:` list uses (`, `, `、`, `，`, `; `, `；`), or the one its script suggests. */
export function listSeparator(lineText: string): string {
  const colon = lineText.search(/[:：]/);
  const list = colon >= 0 ? lineText.slice(colon + 1) : lineText;
  if (list.includes('、')) return '、';
  if (list.includes('，')) return '，';
  if (list.includes('；')) return '；';
  if (list.includes(';')) return '; ';
  if (list.includes(',')) return ', ';
  return lineText[colon] === '：' || /\p{Script=Han}/u.test(list) ? '、' : ', ';
}

/** How a speaker is added to a declaration: `CODE Unknown` in CHAT, the label in a list. */
function declarationEntryText(kind: DeclarationKind, speaker: Speaker): string {
  if (kind === 'chat') return `${speaker.label.replace(/^\*+/, '')} Unknown`;
  return speaker.label;
}

/**
 * One edit appending the speakers to the declaration, at the end of its last line:
 * `, CODE Unknown` for CHAT, `, Name` / `、Name` (the list's own separator) for a `Speakers:` line.
 */
export function addToDeclarationEdit(model: TranscriptModel, speakers: readonly Speaker[]): TextEdit | undefined {
  const found = declaration(model);
  if (!found || speakers.length === 0) return undefined;
  const lastText = model.lines.lineText(found.lastLine);
  const separator = found.kind === 'chat' ? ', ' : listSeparator(model.lines.lineText(found.firstLine));
  const end = lastText.trimEnd().length;
  // A header with nothing after its colon yet gets no leading separator.
  const empty = /[:：]$/.test(lastText.slice(0, end));
  const items = speakers.map((speaker) => declarationEntryText(found.kind, speaker));
  const newText = (empty ? (found.kind === 'chat' ? '\t' : ' ') : separator) + items.join(separator);
  const at = { line: found.lastLine, character: end };
  return { range: { start: at, end: at }, newText };
}

const BEFORE_ENTRY = /[\s:：,，、;；(（]/;
const AFTER_ENTRY = /[\s,，、;；()（）.。]/;

/**
 * Where the declaration names this speaker by its exact identity (the code of a CHAT participant, a
 * name in a `Speakers:` list), for rename and references. Undefined when it is not written there.
 */
export function declarationEntryRange(model: TranscriptModel, speaker: Speaker): Range | undefined {
  const found = declaration(model);
  if (!found) return undefined;
  const key = identityKey(speaker.key);
  for (const entry of found.entries) {
    for (const written of [entry.code, entry.name]) {
      if (!written || identityKey(written) !== key) continue;
      for (let line = entry.line; line <= found.lastLine; line++) {
        const text = model.lines.lineText(line);
        const colon = line === found.firstLine ? text.search(/[:：]/) + 1 : 0;
        for (let at = text.indexOf(written, colon); at >= 0; at = text.indexOf(written, at + 1)) {
          const end = at + written.length;
          if ((at === 0 || BEFORE_ENTRY.test(text[at - 1])) && (end === text.length || AFTER_ENTRY.test(text[end]))) {
            return lineRange(line, at, end);
          }
        }
      }
    }
  }
  return undefined;
}
