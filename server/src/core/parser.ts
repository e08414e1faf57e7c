/**
 * Parses a transcript string into a {@link TranscriptModel}. Pure and synchronous; linear in the
 * size of the text. Never throws on any input.
 */
import { scanAnnotations } from './annotations';
import { LabelMatch, matchLabel } from './labels';
import { LineIndex } from './lines';
import type { Annotation, Exchange, Preamble, PreambleLine, Speaker, TranscriptModel } from './model';
import { Turn } from './model';
import { speakerKey } from './normalize';
import { asksSomething, assignRole, isRoleLabel } from './roles';
import { DEFAULT_SETTINGS, TranscriptSettings } from './settings';

interface Candidate {
  line: number;
  match: LabelMatch;
  key: string;
}

export function parseTranscript(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptModel {
  const lines = new LineIndex(text);
  const bodyStartLine = frontMatterEnd(lines);

  // 1. Every line that starts with something shaped like a label.
  const candidates: Candidate[] = [];
  const counts = new Map<string, number>();
  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    if (start === end) continue;
    const match = matchLabel(text, start, end, settings.maxLabelLength);
    if (!match) continue;
    const key = speakerKey(match.label);
    candidates.push({ line, match, key });
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  // 2. Which candidates are turns. A label that recurs, or is a role label, starts the turns; a
  //    one-off label before that (a title such as `某某微访谈：…`, an intro `以下为访谈实录：`) is preamble.
  const recurringOrRole = (c: Candidate): boolean => (counts.get(c.key) ?? 0) >= 2 || isRoleLabel(c.key, settings);
  const accepted = candidates.filter((c) => recurringOrRole(c) || !c.match.sentenceLike);
  let first = accepted.findIndex(recurringOrRole);
  if (first < 0) first = 0;
  const turnCandidates = accepted.slice(first);
  const firstTurnLine = turnCandidates.length > 0 ? turnCandidates[0].line : lines.lineCount;

  // 3. Turns: a label line and the unlabelled lines after it, up to the next label.
  const turns: Turn[] = [];
  const speakersByKey = new Map<string, Speaker>();
  const speakers: Speaker[] = [];
  for (let i = 0; i < turnCandidates.length; i++) {
    const { line, match, key } = turnCandidates[i];
    const nextLine = i + 1 < turnCandidates.length ? turnCandidates[i + 1].line : lines.lineCount;
    let lastLine = nextLine - 1;
    while (lastLine > line && isBlank(lines, lastLine)) lastLine--;
    const lineStart = lines.starts[line];
    const textEnd = Math.max(lines.ends[lastLine], match.textStart);
    const turn = new Turn(
      lines,
      turns.length,
      line,
      lastLine,
      match.label,
      match.labelSpan.start - lineStart,
      match.labelSpan.end - lineStart,
      match.colonSpan.start - lineStart,
      match.colonSpan.end - lineStart,
      match.textStart,
      textEnd,
      match.timestamp && {
        text: match.timestamp.text,
        start: match.timestamp.start - lineStart,
        end: match.timestamp.end - lineStart,
      },
    );
    let speaker = speakersByKey.get(key);
    if (!speaker) {
      speaker = { key, label: match.label, forms: new Map(), role: 'answerer', roleSource: 'default', turns: [] };
      speakersByKey.set(key, speaker);
      speakers.push(speaker);
    }
    speaker.forms.set(match.label, (speaker.forms.get(match.label) ?? 0) + 1);
    speaker.turns.push(turn);
    turn.speaker = speaker;
    turns.push(turn);
  }

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
    assignRole(speaker, settings, asksSomething);
  }
  for (const turn of turns) {
    const role = turn.speaker.role;
    turn.isQuestion = role === 'questioner' || (role === 'interviewer' && asksSomething(turn.rawText));
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

function isBlank(lines: LineIndex, line: number): boolean {
  const { text } = lines;
  for (let i = lines.starts[line]; i < lines.ends[line]; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x3000 && code !== 0xa0 && code !== 0xfeff) return false;
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
function buildPreamble(lines: LineIndex, firstTurnLine: number, bodyStartLine: number, candidates: Candidate[]): Preamble | undefined {
  const result: PreambleLine[] = [];
  for (let line = 0; line < bodyStartLine; line++) {
    result.push({ line, kind: 'front-matter', text: lines.lineText(line) });
  }
  const labelled = new Map<number, Candidate>();
  for (const candidate of candidates) {
    if (candidate.line >= firstTurnLine) break;
    labelled.set(candidate.line, candidate);
  }
  let titleSeen = false;
  for (let line = bodyStartLine; line < firstTurnLine && line < lines.lineCount; line++) {
    if (isBlank(lines, line)) continue;
    const text = lines.lineText(line).replace(/^[\s\u3000\ufeff]+/, '').trimEnd();
    let kind: PreambleLine['kind'];
    const candidate = labelled.get(line);
    if (!titleSeen) kind = 'title';
    else if (/[:：]$/.test(text) || (candidate && candidate.match.textStart >= lines.ends[line])) kind = 'intro';
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
