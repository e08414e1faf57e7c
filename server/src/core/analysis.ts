/**
 * The analyses over a parsed transcript: duplicate, similar and unanswered questions, and (from
 * their own files) inconsistent and undeclared speakers.
 * Produces LSP-independent findings; the language service turns them into diagnostics.
 */
import { undeclaredSpeakerFindings } from './declaredSpeakers';
import type { Finding, RelatedPlace } from './findings';
import { inconsistentSpeakerFindings } from './inconsistentSpeaker';
import type { TranscriptModel, Turn } from './model';
import { normalizeQuestion } from './normalize';
import { parseTranscript } from './parser';
import { ruleLevel } from './rules';
import { DEFAULT_SETTINGS, TranscriptSettings } from './settings';
import { findSimilarPairs } from './similarity';

export interface SimilarQuestion {
  readonly turn: Turn;
  readonly similarity: number;
}

export interface TranscriptAnalysis {
  readonly model: TranscriptModel;
  /** Sorted by position, then rule code. */
  readonly findings: Finding[];
  /** For each question with copies: every copy in document order (itself included). */
  readonly duplicateGroups: Map<Turn, Turn[]>;
  /** For each question: the other questions it is similar to (both directions), most similar first. */
  readonly similarQuestions: Map<Turn, SimilarQuestion[]>;
}

/** Parses and analyses a document: the one entry point the language service and the CLI use. */
export function analyzeText(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptAnalysis {
  return analyzeModel(parseTranscript(text, settings));
}

/** Below this weighted length (a CJK character weighs 3) a question without a question mark is an interjection. */
export const MIN_QUESTION_WEIGHT = 20;

function isInterjection(key: string, question: Turn): boolean {
  if (question.asks) return false;
  let weight = 0;
  for (let i = 0; i < key.length && weight < MIN_QUESTION_WEIGHT; i++) weight += key.charCodeAt(i) >= 0x2e80 ? 3 : 1;
  return weight < MIN_QUESTION_WEIGHT;
}

export function analyzeModel(model: TranscriptModel): TranscriptAnalysis {
  const { settings } = model;
  const findings: Finding[] = [];
  const questions = new Array<Turn>(model.exchanges.length);
  const keys = new Array<string>(model.exchanges.length);
  for (let i = 0; i < questions.length; i++) {
    questions[i] = model.exchanges[i].question;
    const key = normalizeQuestion(questions[i].spokenText);
    // An interjection by a question label (`Q    Karoline —`, `Q    Thank you.`) is not compared:
    // short, and asking nothing.
    keys[i] = isInterjection(key, questions[i]) ? '' : key;
  }
  const copies = findCopies(keys);

  const duplicateGroups = groupDuplicates(questions, copies);
  if (ruleLevel('duplicate-question', settings) !== 'off') for (const finding of duplicateFindings(duplicateGroups)) findings.push(finding);

  const similarQuestions = new Map<Turn, SimilarQuestion[]>();
  if (ruleLevel('similar-question', settings) !== 'off') {
    for (const finding of similarFindings(questions, keys, copies.distinct, settings, similarQuestions)) findings.push(finding);
  }

  if (ruleLevel('unanswered-question', settings) !== 'off') {
    for (const exchange of model.exchanges) {
      if (exchange.answerCount > 0) continue;
      const question = exchange.question;
      const next = model.exchanges[exchange.index + 1]?.question;
      findings.push({
        code: 'unanswered-question',
        range: question.headRange,
        message: next
          ? `Question by ${question.speaker.label} is not answered before the next question (line ${next.line + 1}).`
          : `Question by ${question.speaker.label} is not answered before the end of the transcript.`,
        related: next ? [{ range: next.headRange, message: 'The next question' }] : [],
        turnIndex: question.index,
      });
    }
  }

  // The speaker rules live in their own files.
  // (A loop, not a spread: a long file may have many thousands of these.)
  if (ruleLevel('inconsistent-speaker', settings) !== 'off') for (const finding of inconsistentSpeakerFindings(model)) findings.push(finding);
  if (ruleLevel('undeclared-speaker', settings) !== 'off') for (const finding of undeclaredSpeakerFindings(model)) findings.push(finding);

  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.code.localeCompare(b.code));
  return { model, findings, duplicateGroups, similarQuestions };
}

/** Which questions have the same normalized text: computed once, for the duplicate and the similar rules. */
interface Copies {
  /** For each question: the index of the first question with the same key, or -1 for an empty key. */
  readonly first: Int32Array;
  /** For each question that is the first of its key: how many questions have that key. */
  readonly count: Int32Array;
  /** The questions that are the first of their key, in document order. */
  readonly distinct: number[];
}

function findCopies(keys: string[]): Copies {
  const firstOfKey = new Map<string, number>();
  const first = new Int32Array(keys.length);
  const count = new Int32Array(keys.length);
  const distinct: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '') {
      first[i] = -1; // nothing to compare: a lone "?" or only an annotation
      continue;
    }
    const earlier = firstOfKey.get(keys[i]);
    if (earlier === undefined) {
      firstOfKey.set(keys[i], i);
      distinct.push(i);
      first[i] = i;
    } else first[i] = earlier;
    count[first[i]]++;
  }
  return { first, count, distinct };
}

function groupDuplicates(questions: Turn[], copies: Copies): Map<Turn, Turn[]> {
  const { first, count, distinct } = copies;
  // Each group in document order, filled in one pass; then the map, group by group in order of
  // each group's first question.
  const groups = new Map<number, Turn[]>();
  for (let i = 0; i < questions.length; i++) {
    const f = first[i];
    if (f < 0 || count[f] < 2) continue;
    let group = groups.get(f);
    if (group === undefined) groups.set(f, (group = []));
    group.push(questions[i]);
  }
  const result = new Map<Turn, Turn[]>();
  for (const f of distinct) {
    const group = groups.get(f);
    if (group !== undefined) for (const turn of group) result.set(turn, group);
  }
  return result;
}

/** At most this many related places on one diagnostic (a line asked a thousand times stays cheap). */
export const MAX_RELATED = 10;

function duplicateFindings(groups: Map<Turn, Turn[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [turn, group] of groups) {
    const position = group.indexOf(turn);
    if (position === 0) continue;
    const first = group[0];
    const related: RelatedPlace[] = [{ range: first.headRange, message: `First asked here (line ${first.line + 1})` }];
    for (const other of group) {
      if (related.length >= MAX_RELATED) break;
      if (other !== turn && other !== first) related.push({ range: other.headRange, message: `Also asked here (line ${other.line + 1})` });
    }
    const copies = group.length > 2 ? ` (asked ${group.length} times in all)` : '';
    findings.push({
      code: 'duplicate-question',
      range: turn.headRange,
      message: `Duplicate question: the same question was asked on line ${first.line + 1}${copies}.`,
      related,
      turnIndex: turn.index,
    });
  }
  return findings;
}

function similarFindings(
  questions: Turn[],
  keys: string[],
  /** Only the first of exact duplicates takes part; later copies are reported as duplicates. */
  distinct: number[],
  settings: TranscriptSettings,
  similarQuestions: Map<Turn, SimilarQuestion[]>,
): Finding[] {
  const pairs = findSimilarPairs(
    distinct.map((i) => keys[i]),
    settings.similarQuestionThreshold,
  );
  const add = (turn: Turn, other: Turn, similarity: number): void => {
    const list = similarQuestions.get(turn) ?? [];
    list.push({ turn: other, similarity });
    similarQuestions.set(turn, list);
  };
  for (const pair of pairs) {
    const earlier = questions[distinct[pair.first]];
    const later = questions[distinct[pair.second]];
    add(earlier, later, pair.similarity);
    add(later, earlier, pair.similarity);
  }
  const findings: Finding[] = [];
  for (const [turn, similar] of similarQuestions) {
    similar.sort((a, b) => b.similarity - a.similarity || a.turn.index - b.turn.index);
    const earlier = similar.filter((entry) => entry.turn.index < turn.index);
    if (earlier.length === 0) continue;
    const best = earlier[0];
    findings.push({
      code: 'similar-question',
      range: turn.headRange,
      message: `Similar question (${Math.round(best.similarity * 100)}% alike) was asked on line ${best.turn.line + 1}.`,
      related: earlier.slice(0, MAX_RELATED).map((entry) => ({
        range: entry.turn.headRange,
        message: `${Math.round(entry.similarity * 100)}% alike (line ${entry.turn.line + 1})`,
      })),
      turnIndex: turn.index,
    });
  }
  return findings;
}
