/**
 * Speakers a transcript declares before its turns: a CHAT `@Participants:` header
 * (`@Participants:<tab>CHI Adrianne Target_Child, MOT Mother`, continued on lines that start with a
 * tab), or a `Speakers:` / `Participants:` / `人物：` / `嘉宾：` line in the preamble that lists names
 * separated by commas, `、` or `；` (a role may follow a name in brackets: `Sam Reyes (host)`).
 */
import type { LineIndex } from './lines';
import type { DeclaredSpeaker } from './model';

const CHAT_PARTICIPANTS = /^@Participants:[ \t]*/;
const LIST_LINE = /^[ \t\u3000\u00a0\ufeff]*(?:\*\*)?(?:Speakers|Participants|Cast|Interviewees|In attendance|人物|出场人物|出場人物|嘉宾|嘉賓|参与者|參與者|与会者|與會者|出席)(?:\*\*)?[ \t]*(?:\*\*)?[:：](?:\*\*)?[ \t\u3000]*/i;
const SEPARATOR = /[,，、;；]/;
const ROLE_IN_BRACKETS = /^(.*?)[ \t\u3000]*[（(]([^()（）]+)[)）]$/;

/** Declarations are looked for in at most this many lines (they head the file). */
const MAX_LINES = 1000;

/** The speakers declared on lines `fromLine..toLine - 1` (at most {@link MAX_LINES}), in document order. */
export function findDeclaredSpeakers(lines: LineIndex, fromLine: number, toLine: number): DeclaredSpeaker[] {
  const result: DeclaredSpeaker[] = [];
  const end = Math.min(toLine, lines.lineCount, fromLine + MAX_LINES);
  for (let line = fromLine; line < end; line++) {
    const text = lines.lineText(line);
    const chat = CHAT_PARTICIPANTS.exec(text);
    if (chat) {
      // The header and its continuation lines (starting with a tab), as (line, text) pieces.
      const pieces: Array<{ line: number; text: string }> = [{ line, text: text.slice(chat[0].length) }];
      while (line + 1 < end && lines.lineText(line + 1).startsWith('\t')) {
        line++;
        pieces.push({ line, text: lines.lineText(line) });
      }
      readChatParticipants(pieces, result);
      continue;
    }
    const list = LIST_LINE.exec(text);
    if (list) readNameList(line, text.slice(list[0].length), result);
  }
  return result;
}

/** `CHI Adrianne Target_Child, JEN Jenny Investigator, MOT Mother`: code, optional name, role. */
function readChatParticipants(pieces: Array<{ line: number; text: string }>, result: DeclaredSpeaker[]): void {
  let words: Array<{ word: string; line: number }> = [];
  const flush = (): void => {
    if (words.length === 0) return;
    const [code, ...rest] = words;
    const entry: { code: string; name?: string; role?: string; line: number } = { code: code.word, line: code.line };
    if (rest.length === 1) entry.role = rest[0].word;
    else if (rest.length > 1) {
      entry.name = rest.slice(0, -1).map((item) => item.word).join(' ');
      entry.role = rest[rest.length - 1].word;
    }
    result.push(entry);
    words = [];
  };
  for (const piece of pieces) {
    for (const part of piece.text.split(/(,)/)) {
      if (part === ',') {
        flush();
        continue;
      }
      for (const word of part.split(/\s+/)) if (word !== '') words.push({ word, line: piece.line });
    }
  }
  flush();
}

/** `孙弘、李钟伟` or `Sam Reyes (host), Omar Castillo`. */
function readNameList(line: number, value: string, result: DeclaredSpeaker[]): void {
  let list = value.trim();
  if (list.startsWith('[') && list.endsWith(']')) list = list.slice(1, -1);
  for (const raw of list.split(SEPARATOR)) {
    let item = raw.trim().replace(/^["'“‘]|["'”’]$/g, '').replace(/[.。]+$/, '').trim();
    if (item === '') continue;
    let role: string | undefined;
    const bracketed = ROLE_IN_BRACKETS.exec(item);
    if (bracketed && bracketed[1].trim() !== '') {
      item = bracketed[1].trim();
      role = bracketed[2].trim();
    }
    if (item.length > 64) continue;
    result.push(role ? { code: item, role, line } : { code: item, line });
  }
}
