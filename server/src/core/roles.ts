/** Speaker roles: built-in label words, settings, and inference from what a speaker's turns do. */
import type { Role, RoleSource, Speaker } from './model';
import { roleWord } from './normalize';
import type { TranscriptSettings } from './settings';

/** Labels whose every turn is a question. Compared case-insensitively after NFKC. */
export const QUESTION_LABELS: ReadonlySet<string> = new Set(['提问', '提問', '问', '問', 'q', 'question', '问题', '問題']);

/** Labels of people who ask: a turn of theirs is a question when it asks something. */
export const INTERVIEWER_LABELS: ReadonlySet<string> = new Set([
  '主持人', '记者', '記者', '网友', '網友', '采访者', '採訪者',
  'interviewer', 'moderator', 'host', 'reporter',
]);

/** Labels of people who answer. */
export const ANSWER_LABELS: ReadonlySet<string> = new Set(['答', '回答', 'a', 'answer']);

/** Whether a label is a built-in or configured role label (used to find where the turns start). */
export function isRoleLabel(key: string, settings: TranscriptSettings): boolean {
  const word = roleWord(key);
  return (
    QUESTION_LABELS.has(word) ||
    INTERVIEWER_LABELS.has(word) ||
    ANSWER_LABELS.has(word) ||
    settings.questionSpeakers.some((label) => roleWord(label) === word) ||
    settings.answerSpeakers.some((label) => roleWord(label) === word)
  );
}

/**
 * Gives each speaker a role. Settings win over label words; a speaker with at least two turns most
 * of which ask something is inferred to be an interviewer.
 */
export function assignRole(speaker: Speaker, settings: TranscriptSettings): void {
  const word = roleWord(speaker.key);
  const set = (role: Role, source: RoleSource): void => {
    speaker.role = role;
    speaker.roleSource = source;
  };
  if (settings.questionSpeakers.some((label) => roleWord(label) === word)) return set('questioner', 'setting');
  if (settings.answerSpeakers.some((label) => roleWord(label) === word)) return set('answerer', 'setting');
  if (QUESTION_LABELS.has(word)) return set('questioner', 'label');
  if (INTERVIEWER_LABELS.has(word)) return set('interviewer', 'label');
  if (ANSWER_LABELS.has(word)) return set('answerer', 'label');
  const turns = speaker.turns;
  if (turns.length >= 2) {
    let asking = 0;
    for (const turn of turns) if (turn.asks) asking++;
    if (asking * 2 > turns.length) return set('interviewer', 'inferred');
  }
  set('answerer', 'default');
}

export function describeRole(role: Role): string {
  switch (role) {
    case 'questioner':
      return 'questioner';
    case 'interviewer':
      return 'interviewer';
    case 'answerer':
      return 'answerer';
  }
}
