/**
 * Does a plain-text file look like a transcript? Used by the client to switch `.txt` files to the
 * transcript language. Looks only at the head of the text (bounded) and is deliberately strict:
 * a README, a log (`ERROR: …`), a CSV or a config file must stay plain text.
 */
import { parseTranscript } from './parser';
import { roleWord } from './normalize';
import { ANSWER_LABELS, INTERVIEWER_LABELS, QUESTION_LABELS } from './roles';

export const DETECT_MAX_LINES = 200;
export const DETECT_MAX_CHARS = 64 * 1024;

/** Labels that mark log lines, notes and fields rather than people. */
const NOT_SPEAKERS = new Set([
  'error', 'warning', 'warn', 'info', 'debug', 'trace', 'fatal', 'critical', 'notice', 'note', 'todo', 'fixme', 'hack',
  'xxx', 'tip', 'hint', 'important', 'caution', 'danger', 'example', 'usage', 'see', 'see also', 'summary', 'description',
  'name', 'version', 'author', 'date', 'title', 'tags', 'status', 'type', 'id', 'url', 'email', 'phone', 'address',
  'subject', 'from', 'to', 'cc', 'bcc', 'sent', 'received', 'step', 'result', 'expected', 'actual', 'input', 'output',
  'stdout', 'stderr', 'exception', 'caused by', 'at', 'source', 'license', 'copyright', 'key', 'value', 'default',
  '错误', '警告', '信息', '注意', '注', '备注', '说明', '提示', '日期', '时间', '地址', '电话', '作者', '标题', '来源', '版本',
]);

export interface DetectionResult {
  readonly isTranscript: boolean;
  /** Why, in a few words (shown in the output channel). */
  readonly reason: string;
  readonly turns: number;
  readonly speakers: number;
}

/** The bounded head of a document that detection looks at. */
export function detectionSample(text: string): string {
  let end = Math.min(text.length, DETECT_MAX_CHARS);
  let lines = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      if (++lines >= DETECT_MAX_LINES) {
        end = i;
        break;
      }
    }
  }
  return text.slice(0, end);
}

export function detectTranscript(text: string): DetectionResult {
  const model = parseTranscript(detectionSample(text));
  const turns = model.turns.length;
  const not = (reason: string): DetectionResult => ({ isTranscript: false, reason, turns, speakers: model.speakers.length });
  if (turns < 4) return not(`only ${turns} speaker turns`);

  let noteTurns = 0;
  for (const turn of model.turns) if (NOT_SPEAKERS.has(roleWord(turn.speaker.key))) noteTurns++;
  if (noteTurns * 2 >= turns) return not('labels look like log levels or fields, not speakers');

  const people = model.speakers.filter((speaker) => !NOT_SPEAKERS.has(roleWord(speaker.key)));
  const recurring = people.filter((speaker) => speaker.turns.length >= 2);
  const hasRoleLabel = people.some((speaker) => {
    const word = roleWord(speaker.key);
    return QUESTION_LABELS.has(word) || INTERVIEWER_LABELS.has(word) || ANSWER_LABELS.has(word);
  });
  // Speakers take turns: count changes of speaker between consecutive turns.
  let changes = 0;
  for (let i = 1; i < model.turns.length; i++) if (model.turns[i].speaker !== model.turns[i - 1].speaker) changes++;

  if (recurring.length < 2) return not('fewer than two recurring speakers');
  if (changes * 2 < turns - 1) return not('labels do not alternate like speakers');
  // Most labelled lines should belong to recurring speakers, not a spread of one-off field names.
  const recurringTurns = recurring.reduce((sum, speaker) => sum + speaker.turns.length, 0);
  if (!hasRoleLabel && recurringTurns * 3 < turns * 2) return not('too many one-off labels');
  return {
    isTranscript: true,
    reason: `${turns} turns by ${recurring.length} recurring speakers`,
    turns,
    speakers: model.speakers.length,
  };
}
