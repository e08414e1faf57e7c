/**
 * Parses a transcript string into a {@link TranscriptModel}. Pure and synchronous; linear in the
 * size of the text. Never throws on any input.
 */
import { scanAnnotations } from './annotations';
import { LABEL_STYLES, LabelScanner, LabelStyleCode } from './labels';
import { analyzeLayout, findClosingLines, findTrailingIndex, isLayoutBlank, Layout, LINE_FURNITURE, LINE_TEXT } from './layout';
import { LineIndex } from './lines';
import type { Annotation, Appendix, NonSpokenKind, NonSpokenSpan, Preamble, PreambleLine, Speaker, TranscriptModel } from './model';
import { Exchange, Turn } from './model';
import { speakerKey } from './normalize';
import { findDeclaredSpeakers } from './participants';
import { assignRoles, isRoleLabel } from './roles';
import { DEFAULT_SETTINGS, TranscriptSettings } from './settings';

/**
 * Lines that start with something shaped like a label, as parallel arrays (no object per line):
 * offsets into the text, the label as written and its speaker key (as ids into {@link Labels}).
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
  readonly style: Uint8Array;
  readonly label: Int32Array;
  readonly key: Int32Array;

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
    this.style = new Uint8Array(capacity);
    this.label = new Int32Array(capacity);
    this.key = new Int32Array(capacity);
  }

  add(line: number, scan: LabelScanner, label: number, key: number): void {
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
    this.style[i] = scan.style;
    this.label[i] = label;
    this.key[i] = key;
  }

  pop(): void {
    this.length--;
  }
}

/**
 * The distinct written labels and speaker keys of a document, each given a small id once, so the
 * per-line work is one map lookup and every turn shares one string per written label.
 */
class Labels {
  private readonly labelIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();
  /** Label id → the label as written. */
  readonly labels: string[] = [];
  /** Label id → key id. */
  readonly keyOfLabel: number[] = [];
  /** Key id → the speaker key. */
  readonly keys: string[] = [];
  /** Key id → how many candidates have it. */
  readonly counts: number[] = [];

  /** The id of a written label (interned on first sight, with its key). */
  labelId(label: string): number {
    let id = this.labelIds.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.labelIds.set(label, id);
      this.labels.push(label);
      const key = speakerKey(label);
      let keyId = this.keyIds.get(key);
      if (keyId === undefined) {
        keyId = this.keys.length;
        this.keyIds.set(key, keyId);
        this.keys.push(key);
        this.counts.push(0);
      }
      this.keyOfLabel.push(keyId);
    }
    return id;
  }
}

export function parseTranscript(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptModel {
  const lines = new LineIndex(text);
  const bodyStartLine = frontMatterEnd(lines);
  const layout = analyzeLayout(lines, bodyStartLine);
  const { contentStarts, kinds } = layout;

  // 1. Every line that starts with something shaped like a label. Page furniture is skipped, and so
  //    are the continuation lines of tiers in a CHAT file (they start with a tab: `\tpro:refl|yourself ?`).
  const candidates = new Candidates(lines.lineCount);
  const names = new Labels();
  const counts = names.counts;
  const scanner = new LabelScanner(settings.maxLabelLength);
  /** A CHAT file (it opens with `@UTF8` / `@Begin`): its tiers continue on lines that start with a tab. */
  const chat = startsChatFile(text, lines, bodyStartLine);
  let inChatTier = false;
  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const start = contentStarts[line];
    const end = lines.ends[line];
    if (start === end) continue;
    const first = text.charCodeAt(start);
    if (inChatTier && first === 0x09) continue;
    inChatTier = chat && (first === 0x25 || first === 0x40); // a `%mor:` tier or an `@` header
    if (kinds !== undefined && kinds[line] !== LINE_TEXT) continue;
    if (!scanner.scan(text, start, end)) continue;
    if (scanner.style === LabelStyleCode.Chat) inChatTier = chat;
    const labelId = names.labelId(scanner.label);
    const keyId = names.keyOfLabel[labelId];
    candidates.add(line, scanner, labelId, keyId);
    counts[keyId]++;
  }

  /** Key id → 1 (a role label), 0 (not), -1 (not asked yet). */
  const roleLabels = new Int8Array(names.keys.length).fill(-1);
  const isRole = (key: number): boolean => {
    if (roleLabels[key] < 0) roleLabels[key] = isRoleLabel(names.keys[key], settings) ? 1 : 0;
    return roleLabels[key] === 1;
  };
  /** A label that recurs as a name (not a sentence) or is a role word: never mistaken for text. */
  const isStrong = (i: number): boolean => isRole(candidates.key[i]) || (!candidates.sentenceLike[i] && counts[candidates.key[i]] >= 2);

  // 2. A trailing word index (court transcripts) is not part of the last turn, and holds no labels.
  //    A role letter without a colon counts here only when it recurs (an index has a section `A`).
  let lastStrong = candidates.length - 1;
  while (
    lastStrong >= 0 &&
    !(isStrong(lastStrong) && (candidates.style[lastStrong] !== LabelStyleCode.Bare || counts[candidates.key[lastStrong]] >= 2))
  ) {
    lastStrong--;
  }
  //    Nor are closing lines (`7:37 P.M. EST`, `END`, `###`) after the last turn.
  const lastLabelLine = lastStrong >= 0 ? candidates.line[lastStrong] : bodyStartLine - 1;
  let appendixKind: Appendix['kind'] = 'index';
  let appendixLine = findTrailingIndex(lines, layout, lastLabelLine);
  if (appendixLine < 0 && lastStrong >= 0) {
    appendixLine = findClosingLines(lines, layout, lastLabelLine);
    appendixKind = 'closing';
  }
  if (appendixLine >= 0) {
    while (candidates.length > 0 && candidates.line[candidates.length - 1] >= appendixLine) {
      counts[candidates.key[candidates.length - 1]]--;
      candidates.pop();
    }
  }
  const bodyEndLine = appendixLine >= 0 ? appendixLine : lines.lineCount;

  // 3. Which candidates are turns. A label that recurs, or is a role label, starts the turns; a
  //    one-off label before that (a title such as `某某微访谈：…`, an intro `以下为访谈实录：`) is preamble.
  //    A sentence-like one-off label (`The reasons are as follows:`) continues the turn above, and so
  //    does a one-off label on a line that continues a hard-wrapped sentence (`…five of President
  //    Trump’s exceptional` / `Cabinet nominees: Secretary of State …`), and a one-off or sentence-like
  //    label that starts with a lower-case letter (`drones: After research…`, `please the Court:`,
  //    however often it recurs). A label alone on its line with a timestamp (`Sam  0:05`) counts only
  //    when it recurs.
  const rejected = new Uint8Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    if (isStrong(i)) continue;
    const key = names.keys[candidates.key[i]];
    const oneOff = counts[candidates.key[i]] < 2;
    if (candidates.style[i] === LabelStyleCode.Heading) rejected[i] = 1;
    else if ((oneOff || candidates.sentenceLike[i]) && startsLowerCase(key)) rejected[i] = 1;
    else if (oneOff && continuesWrappedLine(lines, layout, candidates.line[i], bodyStartLine)) rejected[i] = 1;
  }
  const recurringOrRole = (i: number): boolean => isRole(candidates.key[i]) || counts[candidates.key[i]] >= 2;
  let first = -1;
  for (let i = 0; i < candidates.length && first < 0; i++) if (!rejected[i] && recurringOrRole(i)) first = i;
  for (let i = 0; i < candidates.length && first < 0; i++) if (!rejected[i] && !candidates.sentenceLike[i]) first = i;
  const turnCandidates: number[] = [];
  if (first >= 0) {
    for (let i = first; i < candidates.length; i++) {
      if (!rejected[i] && (!candidates.sentenceLike[i] || recurringOrRole(i))) turnCandidates.push(i);
    }
  }
  const firstTurnLine = turnCandidates.length > 0 ? candidates.line[turnCandidates[0]] : bodyEndLine;

  // 4. Turns: a label line and the unlabelled lines after it, up to the next label.
  const turns: Turn[] = [];
  const speakersByKey = new Map<string, Speaker>();
  const speakers: Speaker[] = [];
  /** Key id → its speaker; label id → its turns; key id → its written forms (label ids) in order of first use. */
  const speakerOfKey: Array<Speaker | undefined> = new Array(names.keys.length).fill(undefined);
  const formCounts = new Int32Array(names.labels.length);
  const formsOfKey: number[][] = names.keys.map(() => []);
  for (let n = 0; n < turnCandidates.length; n++) {
    const i = turnCandidates[n];
    const line = candidates.line[i];
    const keyId = candidates.key[i];
    const labelId = candidates.label[i];
    const label = names.labels[labelId];
    const style = candidates.style[i];
    const nextLine = n + 1 < turnCandidates.length ? candidates.line[turnCandidates[n + 1]] : bodyEndLine;
    let lastLine = nextLine - 1;
    while (lastLine > line && (lines.isBlank(lastLine) || isLayoutBlank(layout, lastLine) || (style === LabelStyleCode.Chat && isChatHeader(text, lines, lastLine)))) {
      lastLine--;
    }
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
    turn.labelStyle = LABEL_STYLES[style];
    if (lastLine > line) {
      const spans = nonSpokenSpans(text, lines, layout, line + 1, lastLine, style === LabelStyleCode.Chat);
      if (spans.length > 0) turn.nonSpoken = spans;
    }
    let speaker = speakerOfKey[keyId];
    if (!speaker) {
      const key = names.keys[keyId];
      speaker = { key, label, forms: new Map(), role: 'answerer', roleSource: 'default', turns: [] };
      speakerOfKey[keyId] = speaker;
      speakersByKey.set(key, speaker);
      speakers.push(speaker);
    }
    if (formCounts[labelId]++ === 0) formsOfKey[keyId].push(labelId);
    speaker.turns.push(turn);
    turn.speaker = speaker;
    turns.push(turn);
  }
  for (let keyId = 0; keyId < formsOfKey.length; keyId++) {
    const speaker = speakerOfKey[keyId];
    if (speaker) for (const labelId of formsOfKey[keyId]) speaker.forms.set(names.labels[labelId], formCounts[labelId]);
  }
  markAskingTurns(text, turns);

  // 5. Annotations, in one pass over the body, handed to the turn that holds them (never inside a
  //    non-spoken span: a `%com:` tier or a page footer).
  const annotations: Annotation[] = [];
  if (turns.length > 0) {
    let turnIndex = 0;
    let spanIndex = 0;
    scanAnnotations(text, turns[0].textStart, turns[turns.length - 1].textEnd, (start, end) => {
      while (turnIndex < turns.length && turns[turnIndex].textEnd < end) {
        turnIndex++;
        spanIndex = 0;
      }
      const turn = turns[turnIndex];
      if (!turn || start < turn.textStart) return; // inside a label line's prefix, not in text
      const spans = turn.nonSpoken;
      while (spanIndex < spans.length && spans[spanIndex].end <= start) spanIndex++;
      if (spanIndex < spans.length && spans[spanIndex].start < end) return;
      const annotation: Annotation = { text: text.slice(start, end), start, end, range: lines.rangeOf(start, end) };
      if (turn.annotations.length === 0) turn.annotations = [];
      turn.annotations.push(annotation);
      annotations.push(annotation);
    });
  }

  // 6. Roles, then which turns are questions.
  for (const speaker of speakers) speaker.label = mostFrequentForm(speaker.forms);
  assignRoles(speakers, settings);
  for (const turn of turns) {
    const role = turn.speaker.role;
    turn.isQuestion = role === 'questioner' || (role === 'interviewer' && turn.asks);
  }

  // 7. Exchanges: a question and the turns after it until the next question.
  const exchanges: Exchange[] = [];
  const looseTurns: Turn[] = [];
  let firstQuestion = 0;
  while (firstQuestion < turns.length && !turns[firstQuestion].isQuestion) firstQuestion++;
  for (let k = 0; k < firstQuestion; k++) looseTurns.push(turns[k]);
  for (let q = firstQuestion; q < turns.length; ) {
    let next = q + 1;
    let answerCount = 0;
    for (; next < turns.length && !turns[next].isQuestion; next++) if (turns[next].speaker.role === 'answerer') answerCount++;
    const exchange = new Exchange(turns, exchanges.length, turns[q], next, answerCount);
    exchanges.push(exchange);
    for (let k = q; k < next; k++) turns[k].exchange = exchange;
    q = next;
  }

  return {
    lines,
    settings,
    preamble: buildPreamble(lines, layout, firstTurnLine, bodyStartLine, candidates),
    turns,
    speakers,
    speakersByKey,
    exchanges,
    looseTurns,
    annotations,
    declaredSpeakers: findDeclaredSpeakers(lines, 0, firstTurnLine),
    appendix: appendixLine >= 0 ? buildAppendix(lines, appendixLine, appendixKind) : undefined,
    layout: { lineNumberMargin: layout.lineNumberMargin, pageBreakLines: layout.pageBreakLines, furnitureLines: layout.furnitureLines },
  };
}

function buildAppendix(lines: LineIndex, firstLine: number, kind: Appendix['kind']): Appendix {
  let lastLine = lines.lineCount - 1;
  while (lastLine > firstLine && lines.isBlank(lastLine)) lastLine--;
  return {
    kind,
    firstLine,
    lastLine,
    range: { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: lines.lineLength(lastLine) } },
  };
}

/** A label that starts with a lower-case letter (`drones`, `the Solicitor General`). */
function startsLowerCase(key: string): boolean {
  return /^\p{Ll}/u.test(key);
}

/** Characters that end a sentence or a line that is not wrapped mid-sentence. */
const LINE_END_MARK = /[.?!。？！:：;；"”’'»)）\]】」』…\-–—\u00ad*]$/;
/** The shortest line taken to be hard-wrapped text (in columns; CJK characters count two). */
const WRAP_WIDTH = 40;

/**
 * Whether `line` continues a sentence hard-wrapped from the line before it: the previous non-blank
 * line (margins and page furniture skipped) is at least {@link WRAP_WIDTH} columns wide and does not
 * end a sentence.
 */
function continuesWrappedLine(lines: LineIndex, layout: Layout, line: number, bodyStartLine: number): boolean {
  const { text } = lines;
  for (let previous = line - 1, seen = 0; previous >= bodyStartLine && seen < 64; previous--, seen++) {
    if (isLayoutBlank(layout, previous) || lines.isBlank(previous)) continue;
    const content = text.slice(layout.contentStarts[previous], lines.ends[previous]).trim();
    if (content === '') continue;
    return columns(content) >= WRAP_WIDTH && !LINE_END_MARK.test(content);
  }
  return false;
}

function columns(content: string): number {
  let width = 0;
  for (let i = 0; i < content.length; i++) width += content.charCodeAt(i) >= 0x1100 ? 2 : 1;
  return width;
}

/** Whether the first non-blank line of the body is a CHAT file's opening header (`@UTF8`, `@Begin`). */
function startsChatFile(text: string, lines: LineIndex, bodyStartLine: number): boolean {
  for (let line = bodyStartLine; line < lines.lineCount && line < bodyStartLine + 20; line++) {
    if (lines.isBlank(line)) continue;
    const content = text.slice(lines.starts[line], lines.ends[line]).replace(/^\ufeff/, '');
    return content.startsWith('@UTF8') || content.startsWith('@Begin');
  }
  return false;
}

/** A CHAT header line (`@Bg`, `@End`, `@Comment:`…) in the body. */
function isChatHeader(text: string, lines: LineIndex, line: number): boolean {
  return text.charCodeAt(lines.starts[line]) === 0x40 /* @ */;
}

const NO_SPANS: NonSpokenSpan[] = [];

/**
 * The non-spoken spans on the continuation lines `from..to` of a turn: margins and form feeds before
 * the text, whole lines of page furniture, and for a CHAT main tier its dependent tiers (`%mor:` …)
 * and header lines (`@Bg`) with their tab-continuation lines.
 */
function nonSpokenSpans(text: string, lines: LineIndex, layout: Layout, from: number, to: number, chat: boolean): NonSpokenSpan[] {
  const { contentStarts, kinds } = layout;
  if (kinds === undefined && !chat) return NO_SPANS;
  let spans: NonSpokenSpan[] = NO_SPANS;
  const push = (kind: NonSpokenKind, start: number, end: number): void => {
    if (end <= start) return;
    if (spans === NO_SPANS) spans = [];
    spans.push({ kind, start, end });
  };
  let tier: NonSpokenKind | undefined;
  for (let line = from; line <= to; line++) {
    const start = lines.starts[line];
    const end = lines.ends[line];
    if (kinds !== undefined && kinds[line] === LINE_FURNITURE) {
      push('page-furniture', start, end);
      continue;
    }
    if (contentStarts[line] > start) push('margin', start, contentStarts[line]);
    if (!chat || start === end) continue;
    const first = text.charCodeAt(start);
    if (first === 0x25 /* % */) tier = 'dependent-tier';
    else if (first === 0x40 /* @ */) tier = 'header';
    else if (first !== 0x09) tier = undefined;
    if (tier !== undefined) push(tier, start, end);
  }
  return spans;
}

/**
 * Sets `turn.asks` (the spoken text contains `?` or `？`) for every turn in one forward pass: each
 * search starts where the previous one found its mark, so the whole text is scanned about once. A
 * mark inside a non-spoken span (a `%mor:` tier repeats the utterance's `?`) does not count.
 */
function markAskingTurns(text: string, turns: Turn[]): void {
  let ascii = -2;
  let wide = -2;
  for (const turn of turns) {
    if (turn.nonSpoken.length > 0) {
      turn.asks = spokenHasQuestionMark(text, turn);
      continue;
    }
    if (ascii !== -1 && ascii < turn.textStart) ascii = text.indexOf('?', turn.textStart);
    if (wide !== -1 && wide < turn.textStart) wide = text.indexOf('？', turn.textStart);
    turn.asks = (ascii >= 0 && ascii < turn.textEnd) || (wide >= 0 && wide < turn.textEnd);
  }
}

function spokenHasQuestionMark(text: string, turn: Turn): boolean {
  let from = turn.textStart;
  const check = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code === 0x3f || code === 0xff1f) return true;
    }
    return false;
  };
  for (const span of turn.nonSpoken) {
    if (check(from, span.start)) return true;
    from = span.end;
  }
  return check(from, turn.textEnd);
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
 * is lead text. CHAT headers (`@Begin`, `@Participants:` and their tab-continuation lines) are
 * headers, not a title. Page furniture and lines with only a margin number are left out, and a
 * line-number margin is not part of a line's text.
 */
function buildPreamble(lines: LineIndex, layout: Layout, firstTurnLine: number, bodyStartLine: number, candidates: Candidates): Preamble | undefined {
  const result: PreambleLine[] = [];
  for (let line = 0; line < bodyStartLine; line++) {
    result.push({ line, kind: 'front-matter', text: lines.lineText(line) });
  }
  /** Preamble line → where the text after its one-off label starts. */
  const labelled = new Map<number, number>();
  for (let i = 0; i < candidates.length && candidates.line[i] < firstTurnLine; i++) labelled.set(candidates.line[i], candidates.textStart[i]);
  let titleSeen = false;
  let inHeader = false;
  for (let line = bodyStartLine; line < firstTurnLine && line < lines.lineCount; line++) {
    if (lines.isBlank(line) || isLayoutBlank(layout, line)) continue;
    const raw = lines.text.slice(layout.contentStarts[line], lines.ends[line]);
    if (raw.charCodeAt(0) === 0x40 /* @ */ || (inHeader && raw.charCodeAt(0) === 0x09)) {
      inHeader = true;
      result.push({ line, kind: 'header', text: raw.trim() });
      continue;
    }
    inHeader = false;
    const text = raw.replace(/^[\s\u3000\ufeff]+/, '').trimEnd();
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
