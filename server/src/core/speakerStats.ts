/** Per-speaker statistics and what the preamble says about a speaker (for hovers and reports). */
import type { Speaker, TranscriptModel } from './model';

export interface SpeakerStats {
  readonly speaker: Speaker;
  readonly turns: number;
  /** Characters of spoken text, whitespace not counted. */
  readonly characters: number;
  /** Share of all spoken characters in the transcript, 0..1. */
  readonly share: number;
  readonly questionsAsked: number;
  /** Exchanges in which this speaker gave at least one answer turn. */
  readonly questionsAnswered: number;
  /** 0-based line of the speaker's first turn. */
  readonly firstLine: number;
}

/** Characters of spoken text, whitespace not counted (as the statistics count them). */
export function spokenLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code !== 0x3000 && code !== 0xa0 && code !== 0xfeff) count++;
  }
  return count;
}

/** Statistics for every speaker, in order of first appearance. Computed on demand, not at parse time. */
export function speakerStatistics(model: TranscriptModel): readonly SpeakerStats[] {
  // A model never changes once parsed: hovers, the statistics view and export share one count.
  let stats = statisticsCache.get(model);
  if (!stats) statisticsCache.set(model, (stats = computeStatistics(model)));
  return stats;
}

const statisticsCache = new WeakMap<TranscriptModel, readonly SpeakerStats[]>();

function computeStatistics(model: TranscriptModel): SpeakerStats[] {
  const characters = model.speakers.map((speaker) => speaker.turns.reduce((sum, turn) => sum + spokenLength(turn.spokenText), 0));
  const total = characters.reduce((sum, value) => sum + value, 0);
  return model.speakers.map((speaker, i) => {
    const answered = new Set<number>();
    let asked = 0;
    for (const turn of speaker.turns) {
      if (turn.isQuestion) asked++;
      else if (turn.exchange && speaker.role === 'answerer') answered.add(turn.exchange.index);
    }
    return {
      speaker,
      turns: speaker.turns.length,
      characters: characters[i],
      share: total === 0 ? 0 : characters[i] / total,
      questionsAsked: asked,
      questionsAnswered: answered.size,
      firstLine: speaker.turns[0].line,
    };
  });
}

export interface PreambleMention {
  /** 0-based line in the preamble. */
  readonly line: number;
  /** The sentence that names the speaker. */
  readonly sentence: string;
  /** The words just before the name in its clause (`玛萨玛索CEO` in `…品牌玛萨玛索CEO孙弘(微博)和…`). */
  readonly introducedAs: string;
}

const CLAUSE_BREAK = /[，,、:：;；（）()[\]]|和|与|及|\band\s|\s[-–—]\s/g;
/** Words whose dot does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'ms', 'mrs', 'dr', 'prof', 'st', 'jr', 'sr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'hon', 'rev', 'vs', 'no']);

/**
 * The first preamble sentence that names the speaker (by its label, or by the surname part of an
 * English label such as `MS. PSAKI` → `Psaki`), and the words that introduce them.
 */
export function preambleMention(model: TranscriptModel, speaker: Speaker): PreambleMention | undefined {
  const preamble = model.preamble;
  if (!preamble) return undefined;
  const names = mentionNames(speaker.label);
  // The lead introduces people; the title only names them, so it is searched last.
  const searched = [...preamble.lines.filter((line) => line.kind === 'lead' || line.kind === 'intro'), ...preamble.lines.filter((line) => line.kind === 'title')];
  for (const line of searched) {
    const lower = line.text.toLowerCase();
    for (const name of names) {
      const at = lower.indexOf(name.toLowerCase());
      if (at < 0) continue;
      const sentence = sentenceAround(line.text, at, name.length);
      const before = sentence.text.slice(0, at - sentence.start);
      const clauseStart = lastMatchEnd(before, CLAUSE_BREAK);
      const introducedAs = before.slice(clauseStart).replace(/\s+/g, ' ').trim();
      return { line: line.line, sentence: sentence.text.trim(), introducedAs };
    }
  }
  return undefined;
}

function mentionNames(label: string): string[] {
  const names = [label];
  // "MS. PSAKI" / "Dr. Lee" / "CHIEF JUSTICE ROBERTS": the last word names the person too.
  const words = label.split(/\s+/).filter((word) => /^\p{L}{3,}$/u.test(word));
  if (words.length > 1 || (words.length === 1 && words[0] !== label)) names.push(words[words.length - 1]);
  return names;
}

function isSentenceEnd(text: string, i: number): boolean {
  const char = text[i];
  if ('。！？!?；;'.includes(char)) return true;
  if (char !== '.' || (i + 1 < text.length && !/\s/.test(text[i + 1]))) return false;
  const word = /(\p{L}+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  return word.length > 1 && !ABBREVIATIONS.has(word.toLowerCase());
}

function sentenceAround(text: string, at: number, length: number): { start: number; text: string } {
  let start = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (isSentenceEnd(text, i)) {
      start = i + 1;
      break;
    }
  }
  let end = text.length;
  for (let i = at + length; i < text.length; i++) {
    if (isSentenceEnd(text, i)) {
      end = i + 1;
      break;
    }
  }
  return { start, text: text.slice(start, end) };
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let end = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    end = match.index + match[0].length;
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return end;
}
