/**
 * Parses a transcript string into a {@link TranscriptModel}. Pure and synchronous; linear in the
 * size of the text. Never throws on any input.
 */
import { scanAnnotations } from './annotations';
import { LabelScanner } from './labels';
import { LineIndex } from './lines';
import type { Annotation, Exchange, Preamble, PreambleLine, Speaker, TranscriptModel } from './model';
import { Turn } from './model';
import { speakerKey } from './normalize';
import { assignRole, isRoleLabel } from './roles';
import { DEFAULT_SETTINGS, TranscriptSettings } from './settings';

/**
 * Lines that start with something shaped like a label, as parallel arrays (no object per line):
 * offsets into the text, the label as written and its speaker key.
 */
class Candidates {
  length = 0;
  readonly line: Int32Array;
  readonly labelStart: Int32Array;
  readonly labelEnd: Int32Array;
  readonly colonStart: Int32Array;
  readonly colonEnd: Int32Array;
  readonly timestampStart: Int32Array;
  readonly timestampEnd: Int32Array;
  readonly textStart: Int32Array;
  readonly sentenceLike: Uint8Array;
  readonly label: string[] = [];
  readonly key: string[] = [];

  /** At most one candidate per line, so `capacity` is the number of lines. */
  constructor(capacity: number) {
    this.line = new Int32Array(capacity);
    this.labelStart = new Int32Array(capacity);
    this.labelEnd = new Int32Array(capacity);
    this.colonStart = new Int32Array(capacity);
    this.colonEnd = new Int32Array(capacity);
    this.timestampStart = new Int32Array(capacity);
    this.timestampEnd = new Int32Array(capacity);
    this.textStart = new Int32Array(capacity);
    this.sentenceLike = new Uint8Array(capacity);
  }

  add(line: number, scan: LabelScanner, key: string): void {
    const i = this.length++;
    this.line[i] = line;
    this.labelStart[i] = scan.labelStart;
    this.labelEnd[i] = scan.labelEnd;
    this.colonStart[i] = scan.colonStart;
    this.colonEnd[i] = scan.colonEnd;
    this.timestampStart[i] = scan.timestampStart;
    this.timestampEnd[i] = scan.timestampEnd;
    this.textStart[i] = scan.textStart;
    this.sentenceLike[i] = scan.sentenceLike ? 1 : 0;
    this.label.push(scan.label);
    this.key.push(key);
  }
}

export function parseTranscript(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptModel {
  const lines = new LineIndex(text);
  const bodyStartLine = frontMatterEnd(lines);

  // 1. Every line that starts with something shaped like a label.
  const candidates = new Candidates(lines.lineCount);
  const counts = new Map<string, number>();
  const keys = new Map<string, string>();
  const scanner = new LabelScanner(settings.maxLabelLength);
  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    if (start === end || !scanner.scan(text, start, end)) continue;
    let key = keys.get(scanner.label);
    if (key === undefined) {
      key = speakerKey(scanner.label);
      keys.set(scanner.label, key);
    }
    candidates.add(line, scanner, key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  // 2. Which candidates are turns. A label that recurs, or is a role label, starts the turns; a
  //    one-off label before that (a title such as `某某微访谈：…`, an intro `以下为访谈实录：`) is preamble.
  //    A sentence-like one-off label (`The reasons are as follows:`) continues the turn above.
  const roleLabels = new Map<string, boolean>();
  const recurringOrRole = (i: number): boolean => {
    const key = candidates.key[i];
    if ((counts.get(key) ?? 0) >= 2) return true;
    let role = roleLabels.get(key);
    if (role === undefined) roleLabels.set(key, (role = isRoleLabel(key, settings)));
    return role;
  };
  let first = -1;
  for (let i = 0; i < candidates.length && first < 0; i++) if (recurringOrRole(i)) first = i;
  if (first < 0) first = candidates.sentenceLike.subarray(0, candidates.length).indexOf(0);
  const turnCandidates: number[] = [];
  if (first >= 0) {
    for (let i = first; i < candidates.length; i++) if (!candidates.sentenceLike[i] || recurringOrRole(i)) turnCandidates.push(i);
  }
  const firstTurnLine = turnCandidates.length > 0 ? candidates.line[turnCandidates[0]] : lines.lineCount;

  // 3. Turns: a label line and the unlabelled lines after it, up to the next label.
  const turns: Turn[] = [];
  const speakersByKey = new Map<string, Speaker>();
  const speakers: Speaker[] = [];
  for (let n = 0; n < turnCandidates.length; n++) {
    const i = turnCandidates[n];
    const line = candidates.line[i];
    const key = candidates.key[i];
    const label = candidates.label[i];
    const nextLine = n + 1 < turnCandidates.length ? candidates.line[turnCandidates[n + 1]] : lines.lineCount;
    let lastLine = nextLine - 1;
    while (lastLine > line && isBlank(lines, lastLine)) lastLine--;
    const lineStart = lines.starts[line];
    const textStart = candidates.textStart[i];
    const timestampStart = candidates.timestampStart[i];
    const turn = new Turn(
      lines,
      turns.length,
      line,
      lastLine,
      label,
      candidates.labelStart[i] - lineStart,
      candidates.labelEnd[i] - lineStart,
      candidates.colonStart[i] - lineStart,
      candidates.colonEnd[i] - lineStart,
      textStart,
      Math.max(lines.ends[lastLine], textStart),
      timestampStart < 0
        ? undefined
        : { text: text.slice(timestampStart, candidates.timestampEnd[i]), start: timestampStart - lineStart, end: candidates.timestampEnd[i] - lineStart },
    );
    let speaker = speakersByKey.get(key);
    if (!speaker) {
      speaker = { key, label, forms: new Map(), role: 'answerer', roleSource: 'default', turns: [] };
      speakersByKey.set(key, speaker);
      speakers.push(speaker);
    }
    speaker.forms.set(label, (speaker.forms.get(label) ?? 0) + 1);
    speaker.turns.push(turn);
    turn.speaker = speaker;
    turns.push(turn);
  }
  markAskingTurns(text, turns);

  // 4. Annotations, in one pass over the body, handed to the turn that holds them.
  const annotations: Annotation[] = [];
  if (turns.length > 0) {
    let turnIndex = 0;
    scanAnnotations(text, turns[0].textStart, text.length, (start, end) => {
      while (turnIndex < turns.length && turns[turnIndex].textEnd < end) turnIndex++;
      const turn = turns[turnIndex];
      if (!turn || start < turn.textStart) return; // inside a label line's prefix, not in text
      const annotation: Annotation = { text: text.slice(start, end), start, end, range: lines.rangeOf(start, end) };
      if (turn.annotations.length === 0) turn.annotations = [];
      turn.annotations.push(annotation);
      annotations.push(annotation);
    });
  }

  // 5. Roles, then which turns are questions.
  for (const speaker of speakers) {
    speaker.label = mostFrequentForm(speaker.forms);
    assignRole(speaker, settings);
  }
  for (const turn of turns) {
    const role = turn.speaker.role;
    turn.isQuestion = role === 'questioner' || (role === 'interviewer' && turn.asks);
  }

  // 6. Exchanges: a question and the turns after it until the next question.
  const exchanges: Exchange[] = [];
  const looseTurns: Turn[] = [];
  let current: Exchange | undefined;
  for (const turn of turns) {
    if (turn.isQuestion) {
      current = { index: exchanges.length, question: turn, turns: [], answers: [] };
      exchanges.push(current);
      turn.exchange = current;
    } else if (current) {
      current.turns.push(turn);
      if (turn.speaker.role === 'answerer') current.answers.push(turn);
      turn.exchange = current;
    } else {
      looseTurns.push(turn);
    }
  }

  return {
    lines,
    settings,
    preamble: buildPreamble(lines, firstTurnLine, bodyStartLine, candidates),
    turns,
    speakers,
    speakersByKey,
    exchanges,
    looseTurns,
    annotations,
  };
}

/**
 * Sets `turn.asks` (the text contains `?` or `？`) for every turn in one forward pass: each search
 * starts where the previous one found its mark, so the whole text is scanned about once.
 */
function markAskingTurns(text: string, turns: Turn[]): void {
  let ascii = -2;
  let wide = -2;
  for (const turn of turns) {
    if (ascii !== -1 && ascii < turn.textStart) ascii = text.indexOf('?', turn.textStart);
    if (wide !== -1 && wide < turn.textStart) wide = text.indexOf('？', turn.textStart);
    turn.asks = (ascii >= 0 && ascii < turn.textEnd) || (wide >= 0 && wide < turn.textEnd);
  }
}

/** A line with nothing but whitespace (any kind JavaScript's `trim` removes, a BOM included). */
function isBlank(lines: LineIndex, line: number): boolean {
  const { text } = lines;
  for (let i = lines.starts[line]; i < lines.ends[line]; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x3000) continue;
    if (code < 0x80 && code > 0x0d) return false;
    if (text[i].trim() !== '') return false;
  }
  return true;
}

/** YAML front matter (`---` on the first line up to the next `---` or `...`): the line after it, or 0. */
function frontMatterEnd(lines: LineIndex): number {
  if (lines.lineText(0).replace(/^\ufeff/, '').trimEnd() !== '---') return 0;
  const limit = Math.min(lines.lineCount, 500);
  for (let line = 1; line < limit; line++) {
    const text = lines.lineText(line).trimEnd();
    if (text === '---' || text === '...') return line + 1;
  }
  return 0;
}

function mostFrequentForm(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The lines before the first turn. The first non-blank line is the title; a line ending in a colon
 * (`以下为访谈实录：`, `Transcript:`) or a one-off label with no text after it is an intro; the rest
 * is lead text.
 */
function buildPreamble(lines: LineIndex, firstTurnLine: number, bodyStartLine: number, candidates: Candidates): Preamble | undefined {
  const result: PreambleLine[] = [];
  for (let line = 0; line < bodyStartLine; line++) {
    result.push({ line, kind: 'front-matter', text: lines.lineText(line) });
  }
  /** Preamble line → where the text after its one-off label starts. */
  const labelled = new Map<number, number>();
  for (let i = 0; i < candidates.length && candidates.line[i] < firstTurnLine; i++) labelled.set(candidates.line[i], candidates.textStart[i]);
  let titleSeen = false;
  for (let line = bodyStartLine; line < firstTurnLine && line < lines.lineCount; line++) {
    if (isBlank(lines, line)) continue;
    const text = lines.lineText(line).replace(/^[\s\u3000\ufeff]+/, '').trimEnd();
    let kind: PreambleLine['kind'];
    const textAfterLabel = labelled.get(line);
    if (!titleSeen) kind = 'title';
    else if (/[:：]$/.test(text) || (textAfterLabel !== undefined && textAfterLabel >= lines.ends[line])) kind = 'intro';
    else kind = 'lead';
    titleSeen = true;
    result.push({ line, kind, text });
  }
  if (result.length === 0) return undefined;
  const firstLine = result[0].line;
  const lastLine = result[result.length - 1].line;
  return {
    firstLine,
    lastLine,
    range: { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: lines.lineLength(lastLine) } },
    lines: result,
    title: result.find((line) => line.kind === 'title'),
  };
}
