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

/**
 * Titles that make a label an interviewer's: in an oral argument the justices ask and counsel
 * answers (`JUSTICE KAGAN`, `CHIEF JUSTICE ROBERTS`).
 */
const INTERVIEWER_TITLES: readonly string[] = ['justice ', 'chief justice '];

function hasInterviewerTitle(word: string): boolean {
  return INTERVIEWER_TITLES.some((title) => word.startsWith(title));
}

/** Labels of people who answer. */
export const ANSWER_LABELS: ReadonlySet<string> = new Set(['答', '回答', 'a', 'answer', '受访者', '受訪者']);

/** Whether a label is a built-in or configured role label (used to find where the turns start). */
export function isRoleLabel(key: string, settings: TranscriptSettings): boolean {
  const word = roleWord(key);
  return (
    QUESTION_LABELS.has(word) ||
    INTERVIEWER_LABELS.has(word) ||
    hasInterviewerTitle(word) ||
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
  if (INTERVIEWER_LABELS.has(word) || hasInterviewerTitle(word)) return set('interviewer', 'label');
  if (ANSWER_LABELS.has(word)) return set('answerer', 'label');
  if (speaker.turnCount >= 2 && speaker.askingCount * 2 > speaker.turnCount) return set('interviewer', 'inferred');
  set('answerer', 'default');
}

/** The relative rule: at least this many asking turns, ... */
const RELATIVE_MIN_ASKING = 5;
/** ... asking in at least this share of the speaker's turns, ... */
const RELATIVE_MIN_RATE = 0.2;
/** ... at least this many times as often as everyone else who answers (pooled), ... */
const RELATIVE_FACTOR = 2;
/** ... who have at least this many turns between them. */
const RELATIVE_MIN_OTHER_TURNS = 5;

/**
 * Gives every speaker a role ({@link assignRole}), then looks at the speakers left as answerers by
 * default: one who asks far more often than the others do (a mother asking her child `what's that?`
 * in a quarter of her turns while the child rarely asks) is inferred to be an interviewer too. Her
 * turns that ask become questions, and the others' turns answer them.
 */
export function assignRoles(speakers: readonly Speaker[], settings: TranscriptSettings): void {
  for (const speaker of speakers) assignRole(speaker, settings);
  const defaults = speakers.filter((speaker) => speaker.roleSource === 'default');
  if (defaults.length < 2) return;
  const asking = defaults.map((speaker) => speaker.askingCount);
  const totalTurns = defaults.reduce((sum, speaker) => sum + speaker.turnCount, 0);
  const totalAsking = asking.reduce((sum, value) => sum + value, 0);
  const promoted: Speaker[] = [];
  defaults.forEach((speaker, i) => {
    const turns = speaker.turnCount;
    const otherTurns = totalTurns - turns;
    if (asking[i] < RELATIVE_MIN_ASKING || asking[i] < turns * RELATIVE_MIN_RATE || otherTurns < RELATIVE_MIN_OTHER_TURNS) return;
    // asking / turns >= FACTOR * otherAsking / otherTurns, without dividing.
    if (asking[i] * otherTurns >= RELATIVE_FACTOR * (totalAsking - asking[i]) * turns) promoted.push(speaker);
  });
  // Never leave nobody to answer.
  if (promoted.length === defaults.length) return;
  for (const speaker of promoted) {
    speaker.role = 'interviewer';
    speaker.roleSource = 'inferred';
  }
}
