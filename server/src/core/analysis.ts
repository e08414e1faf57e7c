/**
 * The analyses over a parsed transcript: duplicate, similar and unanswered questions, and (from
 * their own files) inconsistent and undeclared speakers.
 * Produces LSP-independent findings; the language service turns them into diagnostics.
 */
import { undeclaredSpeakerFindings } from './declaredSpeakers';
import { type Finding, type RelatedPlace, sortFindings } from './findings';
import { inconsistentSpeakerFindings } from './inconsistentSpeaker';
import type { TranscriptModel, Turn } from './model';
import { headRangeOf, spokenPiecesOf, spokenTextOf, TURN_ASKS, TURN_SPANS } from './model';
import { BRACKET, copyInto, normalizeQuestion, normalizeSimpleInto, unitsHash } from './normalize';
import { parseTranscript } from './parser';
import { ruleLevel } from './rules';
import { DEFAULT_SETTINGS, TranscriptSettings } from './settings';
import { CodeUnitTexts, findSimilarPairsIn, sameUnits } from './similarity';
import { WorkArrays } from './workArrays';

export interface SimilarQuestion {
  readonly turn: Turn;
  readonly similarity: number;
}

export interface TranscriptAnalysis {
  readonly model: TranscriptModel;
  /** Sorted by position, then rule code. */
  readonly findings: Finding[];
  /** For each question with copies: every copy in document order (itself included). Made on first use. */
  readonly duplicateGroups: Map<Turn, Turn[]>;
  /** How many questions repeat an earlier one: the copies in {@link duplicateGroups} but the first of each group. */
  readonly duplicateCount: number;
  /** For each question: the other questions it is similar to (both directions), most similar first. */
  readonly similarQuestions: Map<Turn, SimilarQuestion[]>;
}

/** Parses and analyses a document: the one entry point the language service and the CLI use. */
export function analyzeText(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptAnalysis {
  return analyzeModel(parseTranscript(text, settings));
}

/** Below this weighted length (a CJK character weighs 3) a question without a question mark is an interjection. */
export const MIN_QUESTION_WEIGHT = 20;

export function analyzeModel(model: TranscriptModel): TranscriptAnalysis {
  const { settings } = model;
  const findings: Finding[] = [];
  const texts = normalizedQuestions(model);
  const copies = findCopies(texts);

  const duplicates = duplicateTable(model, copies);
  if (ruleLevel('duplicate-question', settings) !== 'off') duplicateFindings(model, duplicates, findings);

  const similarQuestions = new Map<Turn, SimilarQuestion[]>();
  if (ruleLevel('similar-question', settings) !== 'off') {
    for (const finding of similarFindings(model, texts, copies.distinct.subarray(0, copies.distinctCount), settings, similarQuestions)) findings.push(finding);
  }

  if (ruleLevel('unanswered-question', settings) !== 'off') unansweredFindings(model, findings);

  // The speaker rules live in their own files.
  // (A loop, not a spread: a long file may have many thousands of these.)
  if (ruleLevel('inconsistent-speaker', settings) !== 'off') for (const finding of inconsistentSpeakerFindings(model)) findings.push(finding);
  if (ruleLevel('undeclared-speaker', settings) !== 'off') for (const finding of undeclaredSpeakerFindings(model)) findings.push(finding);

  sortFindings(findings);
  let duplicateGroups: Map<Turn, Turn[]> | undefined;
  return {
    model,
    findings,
    get duplicateGroups(): Map<Turn, Turn[]> {
      return (duplicateGroups ??= groupDuplicates(model, duplicates));
    },
    duplicateCount: duplicates.members.length - (duplicates.starts.length - 1),
    similarQuestions,
  };
}

/**
 * The analysis' scratch arrays, kept from call to call ({@link WorkArrays}); no result keeps them.
 * (A question text that NFKC expands beyond room gets a fresh buffer.)
 */
const Work = { Starts: 0, Ends: 1, Hashes: 2, First: 3, Count: 4, Distinct: 5, Slots: 6, DistinctStarts: 7, DistinctEnds: 8, Group: 9, Parts: 10, Order: 11, PartHashes: 12, PartStarts: 13, PartEnds: 14 } as const;
const work = new WorkArrays((length) => new Int32Array(length));
const workUnits = new WorkArrays((length) => new Uint16Array(length));

/**
 * Every question's text in the form questions are compared in ({@link normalizeQuestion}), as
 * UTF-16 units in one buffer (exchange e's question is `units[starts[e]..ends[e])`), without a
 * string per question, and a hash of each. An interjection by a question label (`Q    Karoline —`,
 * `Q    Thank you.`) gets an empty text: short and asking nothing, it is not compared.
 */
class QuestionTexts implements CodeUnitTexts {
  units: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;

  constructor(
    readonly count: number,
    capacity: number,
  ) {
    // The common path writes at most one unit per character of the text, so `capacity` (the length
    // of all question texts) is room enough unless NFKC expands something (`㈱` → `(株)`).
    this.units = workUnits.get(0, capacity);
    this.starts = work.get(Work.Starts, count);
    this.ends = work.get(Work.Ends, count);
    this.hashes = work.get(Work.Hashes, count);
  }

  /** Room for `more` units after `at`. */
  reserve(at: number, more: number): void {
    if (at + more <= this.units.length) return;
    const bigger = new Uint16Array(this.units.length * 2 + more);
    bigger.set(this.units.subarray(0, at));
    this.units = bigger;
  }
}

// Hot loops below are each in a function of their own that fills objects made before the loop:
// V8 compiles a long loop on the fly (on-stack replacement) and would otherwise throw that code
// away at the first object made after the loop, on every call.

function normalizedQuestions(model: TranscriptModel): QuestionTexts {
  const texts = new QuestionTexts(model.exchangeTable.count, 16 + questionTextLength(model));
  normalizeQuestionsInto(model, texts);
  return texts;
}

/** The length of all question texts (UTF-16 units). */
function questionTextLength(model: TranscriptModel): number {
  const { exchangeTable, table } = model;
  let length = 0;
  for (let e = 0; e < exchangeTable.count; e++) {
    const q = exchangeTable.question[e];
    length += table.textEnd[q] - table.textStart[q];
  }
  return length;
}

function normalizeQuestionsInto(model: TranscriptModel, texts: QuestionTexts): void {
  const { exchangeTable, table } = model;
  const { textStart, textEnd, flags } = table;
  const { starts, ends, hashes, count } = texts;
  const text = model.lines.text;
  let at = 0;
  for (let e = 0; e < count; e++) {
    const q = exchangeTable.question[e];
    // The spoken text is the turn's text unless annotations or non-spoken spans are cut out of it;
    // annotations are looked for only in a question that has a bracket.
    // The common path hashes the units as it writes them; the others hash them after.
    let end = (flags[q] & TURN_SPANS) === 0 ? normalizeSimpleInto(text, textStart[q], textEnd[q], texts.units, at, true, hashes, e) : BRACKET;
    let hashed = end >= 0;
    if (end === BRACKET) end = normalizePiecesInto(model, q, texts.units, at);
    if (end < 0) end = normalizeGeneralInto(model, q, texts, at);
    starts[e] = at;
    if ((flags[q] & TURN_ASKS) === 0 && isInterjection(texts.units, at, end)) {
      end = at;
      hashed = false;
    }
    ends[e] = end;
    if (!hashed) hashes[e] = unitsHash(texts.units, at, end);
    at = end;
  }
}

/** The general path (NFKC), over the spoken text as a string. */
function normalizeGeneralInto(model: TranscriptModel, q: number, texts: QuestionTexts, at: number): number {
  const normal = normalizeQuestion(spokenTextOf(model, q));
  texts.reserve(at, normal.length);
  return copyInto(normal, texts.units, at);
}

/** The common-path normal form of a turn's spoken text, piece by piece (annotations and non-spoken spans cut out); -1 if a piece needs the general path. */
function normalizePiecesInto(model: TranscriptModel, q: number, units: Uint16Array, at: number): number {
  const pieces = spokenPiecesOf(model, q);
  let end = at;
  for (let k = 0; k < pieces.length && end >= 0; k += 2) end = normalizeSimpleInto(model.lines.text, pieces[k], pieces[k + 1], units, end);
  return end;
}

/** A normalized question text too short to be one (a CJK character weighs 3). */
function isInterjection(units: Uint16Array, from: number, to: number): boolean {
  let weight = 0;
  for (let i = from; i < to && weight < MIN_QUESTION_WEIGHT; i++) weight += units[i] >= 0x2e80 ? 3 : 1;
  return weight < MIN_QUESTION_WEIGHT;
}

/** `unanswered-question`: a question followed by another question, or by the end, with no answer between. */
function unansweredFindings(model: TranscriptModel, findings: Finding[]): void {
  const { exchangeTable, table } = model;
  for (let e = 0; e < exchangeTable.count; e++) {
    if (exchangeTable.answerCount[e] > 0) continue;
    const question = exchangeTable.question[e];
    const next = e + 1 < exchangeTable.count ? exchangeTable.question[e + 1] : -1;
    const label = model.speakers[table.speaker[question]].label;
    findings.push({
      code: 'unanswered-question',
      range: headRangeOf(model, question),
      message:
        next >= 0
          ? `Question by ${label} is not answered before the next question (line ${table.line[next] + 1}).`
          : `Question by ${label} is not answered before the end of the transcript.`,
      related: next >= 0 ? [{ range: headRangeOf(model, next), message: 'The next question' }] : [],
      turnIndex: question,
    });
  }
}

/** Which questions have the same normalized text: computed once, for the duplicate and the similar rules. */
class Copies {
  /** For each question (exchange): the first question with the same text, or -1 for an empty text. */
  readonly first: Int32Array;
  /** For each question that is the first of its text: how many questions have that text. */
  readonly count: Int32Array;
  /** The questions that are the first of their text, in document order (`distinct[0..distinctCount)`). */
  readonly distinct: Int32Array;
  distinctCount = 0;

  constructor(questions: number) {
    this.first = work.get(Work.First, questions);
    this.count = work.zeroed(Work.Count, questions);
    this.distinct = work.get(Work.Distinct, questions);
  }
}

/**
 * Exact copies, in one pass in document order over an open-addressing table of the distinct texts
 * (at most half full): a question whose hash and units match a text already in the table is a copy
 * of that text's first question, any other is the first of its text. Equal hashes are always
 * checked unit by unit (no false copies).
 */
function findCopies(texts: QuestionTexts): Copies {
  const questions = texts.count;
  const copies = new Copies(questions);
  // A long document's questions are split by the high bits of their hash into parts of about
  // COPY_PART each, their hashes and ranges gathered part by part, and each part looked up in a
  // table of its own that stays in the processor's cache: one table for all would cost a cache miss
  // per question.
  let partBits = 0;
  while (partBits < 16 && questions >>> partBits > COPY_PART) partBits++;
  let bits = 4;
  while (1 << bits < 2 * Math.ceil(questions / (1 << partBits)) + 16) bits++;
  const parts = work.zeroed(Work.Parts, (1 << partBits) + 1);
  let gathered: QuestionParts;
  if (partBits === 0) {
    parts[1] = questions;
    gathered = { order: undefined, hashes: texts.hashes, starts: texts.starts, ends: texts.ends };
  } else {
    gathered = { order: work.get(Work.Order, questions), hashes: work.get(Work.PartHashes, questions), starts: work.get(Work.PartStarts, questions), ends: work.get(Work.PartEnds, questions) };
    gatherByPart(texts, partBits, parts, gathered);
  }
  // Per slot: the hash of a distinct text and its position in `gathered` + 1 (0: empty slot).
  markCopies(texts.units, gathered, parts, partBits, work.get(Work.Slots, 2 << bits), 32 - bits, copies.first);
  listDistinct(copies, questions);
  return copies;
}

/** Questions per part of {@link findCopies} (about). */
const COPY_PART = 4096;

/**
 * The questions part by part (see {@link findCopies}): position o holds question `order[o]` (o itself
 * without parts), its hash and text range.
 */
interface QuestionParts {
  readonly order: Int32Array | undefined;
  readonly hashes: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * Fills `gathered` with the questions part by part (by the high `partBits` bits of the hash), in
 * document order within each part; part p is positions `parts[p]..parts[p + 1]`. `parts` comes
 * zeroed.
 */
function gatherByPart(texts: QuestionTexts, partBits: number, parts: Int32Array, gathered: QuestionParts): void {
  const { starts, ends, hashes, count: questions } = texts;
  const order = gathered.order as Int32Array;
  const shift = 32 - partBits;
  for (let i = 0; i < questions; i++) parts[(hashes[i] >>> shift) + 1]++;
  for (let p = 1; p < parts.length; p++) parts[p] += parts[p - 1];
  const fill = parts.slice(0, parts.length - 1);
  for (let i = 0; i < questions; i++) {
    const o = fill[hashes[i] >>> shift]++;
    order[o] = i;
    gathered.hashes[o] = hashes[i];
    gathered.starts[o] = starts[i];
    gathered.ends[o] = ends[i];
  }
}

/**
 * Sets `first` for every question (see {@link Copies}), part by part, each part in a fresh `slots`
 * table of `2 << (32 - shift)` numbers (a slot picked by the hash bits after the part's).
 */
function markCopies(units: Uint16Array, gathered: QuestionParts, parts: Int32Array, partBits: number, slots: Int32Array, shift: number, first: Int32Array): void {
  const { order, hashes, starts, ends } = gathered;
  const mask = slots.length - 1;
  for (let p = 0; p + 1 < parts.length; p++) {
    if (parts[p] === parts[p + 1]) continue;
    slots.fill(0);
    for (let o = parts[p]; o < parts[p + 1]; o++) {
      const i = order === undefined ? o : order[o];
      const start = starts[o];
      const end = ends[o];
      if (start === end) {
        first[i] = -1; // nothing to compare: a lone "?", only an annotation, an interjection
        continue;
      }
      const hash = hashes[o];
      let slot = ((hash << partBits) >>> shift) << 1;
      let original = o;
      for (; slots[slot + 1] !== 0; slot = (slot + 2) & mask) {
        const other = slots[slot + 1] - 1;
        if (slots[slot] === hash && sameUnits(units, start, end, starts[other], ends[other])) {
          original = other;
          break;
        }
      }
      if (original === o) {
        slots[slot] = hash;
        slots[slot + 1] = o + 1;
      }
      first[i] = order === undefined ? original : order[original];
    }
  }
}

/** Sets `copies.count` and `copies.distinct` from `copies.first`, in document order. */
function listDistinct(copies: Copies, questions: number): void {
  const { first, count, distinct } = copies;
  let distinctCount = 0;
  for (let i = 0; i < questions; i++) {
    const f = first[i];
    if (f < 0) continue;
    if (f === i) distinct[distinctCount++] = i;
    count[f]++;
  }
  copies.distinctCount = distinctCount;
}

/**
 * The groups of questions with the same text (two or more each), as turn indexes: group g is
 * `members[starts[g]..starts[g + 1])`, in document order, the groups in order of their first
 * question. Its arrays are its own (the analysis keeps it), sized to the duplicates.
 */
interface DuplicateTable {
  readonly members: Int32Array;
  readonly starts: Int32Array;
}

function duplicateTable(model: TranscriptModel, copies: Copies): DuplicateTable {
  const { distinct, distinctCount, count } = copies;
  let groups = 0;
  let members = 0;
  for (let k = 0; k < distinctCount; k++) {
    if (count[distinct[k]] < 2) continue;
    groups++;
    members += count[distinct[k]];
  }
  const table = { members: new Int32Array(members), starts: new Int32Array(groups + 1) };
  if (groups > 0) fillDuplicateTable(model.exchangeTable.question, copies, work.get(Work.Group, copies.first.length), table);
  return table;
}

/** Fills `table` ({@link duplicateTable}); `groupOf` is scratch, one per question. */
function fillDuplicateTable(question: Int32Array, copies: Copies, groupOf: Int32Array, table: DuplicateTable): void {
  const { first, count, distinct, distinctCount } = copies;
  const { members, starts } = table;
  let g = 0;
  for (let k = 0; k < distinctCount; k++) {
    const f = distinct[k];
    if (count[f] < 2) continue;
    groupOf[f] = g;
    starts[g + 1] = starts[g] + count[f];
    g++;
  }
  const fill = starts.slice(0, g);
  for (let i = 0; i < first.length; i++) {
    const f = first[i];
    if (f >= 0 && count[f] >= 2) members[fill[groupOf[f]]++] = question[i];
  }
}

/** {@link TranscriptAnalysis.duplicateGroups} from the table. */
function groupDuplicates(model: TranscriptModel, duplicates: DuplicateTable): Map<Turn, Turn[]> {
  const { members, starts } = duplicates;
  const result = new Map<Turn, Turn[]>();
  for (let g = 0; g + 1 < starts.length; g++) {
    const group: Turn[] = [];
    for (let m = starts[g]; m < starts[g + 1]; m++) group.push(model.turn(members[m]));
    for (const turn of group) result.set(turn, group);
  }
  return result;
}

/** At most this many related places on one diagnostic (a line asked a thousand times stays cheap). */
export const MAX_RELATED = 10;

/** `duplicate-question`: every question of a group but the first, pointing at the first and (some of) the others. */
function duplicateFindings(model: TranscriptModel, duplicates: DuplicateTable, findings: Finding[]): void {
  const { members, starts } = duplicates;
  const line = model.table.line;
  for (let g = 0; g + 1 < starts.length; g++) {
    const firstTurn = members[starts[g]];
    const size = starts[g + 1] - starts[g];
    const firstLine = line[firstTurn] + 1;
    const firstRange = headRangeOf(model, firstTurn);
    const copies = size > 2 ? ` (asked ${size} times in all)` : '';
    for (let m = starts[g] + 1; m < starts[g + 1]; m++) {
      const turn = members[m];
      const related: RelatedPlace[] = [{ range: firstRange, message: `First asked here (line ${firstLine})` }];
      for (let o = starts[g] + 1; o < starts[g + 1] && related.length < MAX_RELATED; o++) {
        if (o !== m) related.push({ range: headRangeOf(model, members[o]), message: `Also asked here (line ${line[members[o]] + 1})` });
      }
      findings.push({
        code: 'duplicate-question',
        range: headRangeOf(model, turn),
        message: `Duplicate question: the same question was asked on line ${firstLine}${copies}.`,
        related,
        turnIndex: turn,
      });
    }
  }
}

/** The texts of the `distinct` questions (views into the same buffer). */
function distinctTexts(texts: QuestionTexts, distinct: Int32Array): CodeUnitTexts {
  const result = { units: texts.units, starts: work.get(Work.DistinctStarts, distinct.length), ends: work.get(Work.DistinctEnds, distinct.length), count: distinct.length };
  pickRanges(texts, distinct, result.starts, result.ends);
  return result;
}

function pickRanges(texts: QuestionTexts, distinct: Int32Array, starts: Int32Array, ends: Int32Array): void {
  for (let k = 0; k < distinct.length; k++) {
    starts[k] = texts.starts[distinct[k]];
    ends[k] = texts.ends[distinct[k]];
  }
}

function similarFindings(
  model: TranscriptModel,
  texts: QuestionTexts,
  /** Only the first of exact duplicates takes part; later copies are reported as duplicates. */
  distinct: Int32Array,
  settings: TranscriptSettings,
  similarQuestions: Map<Turn, SimilarQuestion[]>,
): Finding[] {
  const pairs = findSimilarPairsIn(distinctTexts(texts, distinct), settings.similarQuestionThreshold);
  const questionOf = (k: number): Turn => model.turn(model.exchangeTable.question[distinct[k]]);
  const add = (turn: Turn, other: Turn, similarity: number): void => {
    const list = similarQuestions.get(turn) ?? [];
    list.push({ turn: other, similarity });
    similarQuestions.set(turn, list);
  };
  for (const pair of pairs) {
    const earlier = questionOf(pair.first);
    const later = questionOf(pair.second);
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
