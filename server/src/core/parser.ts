/**
 * Parses a transcript string into a {@link TranscriptModel}. Pure and synchronous; linear in the
 * size of the text. Never throws on any input.
 */
import { type LabelPrefix, LabelScanner, LabelStyleCode, textAfterColon } from './labels';
import { analyzeLayout, findClosingLines, findTrailingIndex, isLayoutBlank, Layout, LINE_FURNITURE, LINE_TEXT } from './layout';
import { ColumnBuffer } from './columnBuffer';
import { estimateLineCount, LineIndex, type LineVisitor } from './lines';
import type { Appendix, NonSpokenKind, NonSpokenSpan, Preamble, PreambleLine, Speaker, TranscriptModel } from './model';
import { ExchangeTable, ParsedTranscript, SpeakerRecord, TURN_ASKS, TURN_QUESTION, TURN_SPANS, TurnLabelColumns, TurnTable } from './model';
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
  line!: Int32Array;
  labelStart!: Int32Array;
  labelEnd!: Int32Array;
  colonEnd!: Int32Array;
  /** Made at the first label with a timestamp (most documents have none), -1 where a row has none. */
  timestampStart: Int32Array | undefined;
  timestampEnd: Int32Array | undefined;
  textStart!: Int32Array;
  sentenceLike!: Uint8Array;
  style!: Uint8Array;
  label!: Int32Array;
  key!: Int32Array;

  /**
   * At most one candidate per line: with the number of lines as `capacity`, the arrays never grow.
   * (Where the colon starts is not kept: {@link colonStartOf}.)
   */
  constructor(capacity: number) {
    this.takeColumns(capacity);
  }

  /**
   * Fresh columns of `capacity` rows, in two buffers: the columns the model keeps (as views, when
   * every candidate is a turn) and those only the parse uses, which go with it. With `grown`, each
   * column starts with a copy of the same column of `grown` (this object's, when it grows: each is
   * read before it is replaced).
   */
  private takeColumns(capacity: number, grown?: Candidates): void {
    const kept = new ColumnBuffer(capacity, 6, 1);
    this.line = kept.int32(grown?.line);
    this.labelStart = kept.int32(grown?.labelStart);
    this.labelEnd = kept.int32(grown?.labelEnd);
    this.colonEnd = kept.int32(grown?.colonEnd);
    this.textStart = kept.int32(grown?.textStart);
    this.label = kept.int32(grown?.label);
    this.style = kept.uint8(grown?.style);
    const parseOnly = new ColumnBuffer(capacity, 1, 1);
    this.key = parseOnly.int32(grown?.key);
    this.sentenceLike = parseOnly.uint8(grown?.sentenceLike);
  }

  /** The label the scanner found. */
  add(line: number, scan: LabelScanner, label: number, key: number): void {
    const i = this.push(line, scan.labelStart, scan.labelEnd, scan.colonEnd, scan.textStart, scan.sentenceLike, scan.style, label, key);
    if (scan.timestampStart >= 0) this.setTimestamp(i, scan.timestampStart, scan.timestampEnd);
  }

  /** The label of a line starting with `prefix` ({@link LabelScanner.knownPrefix}), whose text starts at `textStart`. */
  addPrefixed(line: number, lineStart: number, prefix: LabelPrefix, textStart: number, label: number, key: number): void {
    this.push(line, lineStart + prefix.labelStart, lineStart + prefix.labelEnd, lineStart + prefix.colonEnd, textStart, prefix.sentenceLike, LabelStyleCode.Colon, label, key);
  }

  /** A row without a timestamp; its index. */
  private push(line: number, labelStart: number, labelEnd: number, colonEnd: number, textStart: number, sentenceLike: boolean, style: LabelStyleCode, label: number, key: number): number {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.line[i] = line;
    this.labelStart[i] = labelStart;
    this.labelEnd[i] = labelEnd;
    this.colonEnd[i] = colonEnd;
    this.textStart[i] = textStart;
    this.sentenceLike[i] = sentenceLike ? 1 : 0;
    this.style[i] = style;
    this.label[i] = label;
    this.key[i] = key;
    return i;
  }

  private setTimestamp(i: number, start: number, end: number): void {
    (this.timestampStart ??= new Int32Array(this.line.length).fill(-1))[i] = start;
    (this.timestampEnd ??= new Int32Array(this.line.length).fill(-1))[i] = end;
  }

  /** Twice the room (when the number of lines was not known in advance). */
  private grow(): void {
    const size = Math.max(16, this.line.length * 2);
    this.takeColumns(size, this);
    const timestamps = (from: Int32Array): Int32Array => {
      const to = new Int32Array(size).fill(-1);
      to.set(from);
      return to;
    };
    if (this.timestampStart !== undefined) this.timestampStart = timestamps(this.timestampStart);
    if (this.timestampEnd !== undefined) this.timestampEnd = timestamps(this.timestampEnd);
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

  /** The last few labels looked up and their ids (the scanner hands out the same string for a label it saw recently). */
  private readonly recentLabels: string[] = ['', '', '', ''];
  private readonly recentIds = new Int32Array(4);
  private next = 0;

  /** The id of a written label (interned on first sight, with its key). */
  labelId(label: string): number {
    const recent = this.recentLabels;
    for (let k = 0; k < 4; k++) if (recent[k] === label) return this.recentIds[k];
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
    recent[this.next] = label;
    this.recentIds[this.next] = id;
    this.next = (this.next + 1) & 3;
    return id;
  }
}

export function parseTranscript(text: string, settings: TranscriptSettings = DEFAULT_SETTINGS): TranscriptModel {
  // Each step is its own function: each is then optimized on its own, and a rarely taken branch
  // of one step (an appendix, a CHAT file) never sends another step's hot loop back to the interpreter.
  // 1. Every line that starts with something shaped like a label. A plain document (no front
  //    matter, no CHAT header, no page layout: most) is scanned while its line breaks are found,
  //    each line still in the processor's cache; any other is scanned again once its layout is known.
  // (The steps fill objects made here rather than return new ones: V8 deoptimizes a long loop's
  // code at a returned object literal it has no feedback for, again on every call.)
  const expectedLines = estimateLineCount(text);
  const plain = new PlainLineScan(text, new LabelScanner(settings.maxLabelLength), new Candidates(expectedLines), new Labels());
  const lines = new LineIndex(text, plain, expectedLines);
  let candidates = plain.candidates;
  let names = plain.names;
  const bodyStartLine = frontMatterEnd(lines);
  const layout = analyzeLayout(lines, bodyStartLine);
  const chat = startsChatFile(text, lines, bodyStartLine);
  if (bodyStartLine > 0 || chat || layout.kinds !== undefined || layout.contentStarts !== lines.starts) {
    candidates = new Candidates(lines.lineCount);
    names = new Labels();
    scanCandidates(text, lines, layout, bodyStartLine, settings.maxLabelLength, chat, candidates, names);
  }
  const roleLabels = new RoleLabels(names, settings);

  // 2. A trailing word index or closing lines: not part of the last turn.
  const appendix = findAppendix(lines, layout, candidates, names, roleLabels, bodyStartLine);
  const bodyEndLine = appendix ? appendix.line : lines.lineCount;

  // 3. Which candidates are turns.
  const turnCandidates = selectTurns(lines, layout, candidates, names, roleLabels, bodyStartLine);
  const firstTurnLine = turnCandidates.length > 0 ? candidates.line[turnCandidates[0]] : bodyEndLine;

  // 4. Turns: a label line and the unlabelled lines after it, up to the next label.
  const table = new TurnTable(lines, names.labels, turnCandidates.length, turnColumns(candidates, turnCandidates));
  const speakers: SpeakerRecord[] = [];
  const speakersByKey = new Map<string, Speaker>();
  const keyOfTurn = keysOfTurns(candidates, turnCandidates);
  buildTurns(text, lines, layout, names, keyOfTurn, bodyEndLine, table, speakers, speakersByKey);

  // 5. Which turns ask: their spoken text has a question mark. (Annotations are found in a turn's
  //    text when first asked for.)
  markAskingTurns(text, table);
  countAskingTurns(table, speakers);

  // 6. Roles, then which turns are questions.
  for (const speaker of speakers) speaker.label = mostFrequentForm(speaker.forms);
  assignRoles(speakers, settings);
  const questionCount = markQuestions(table, speakers);

  // 7. Exchanges: a question and the turns after it until the next question.
  const exchangeTable = buildExchanges(table, speakers, questionCount);

  return new ParsedTranscript({
    lines,
    settings,
    preamble: buildPreamble(lines, layout, firstTurnLine, bodyStartLine, candidates),
    table,
    exchangeTable,
    speakers,
    speakersByKey,
    declaredSpeakers: findDeclaredSpeakers(lines, 0, firstTurnLine),
    appendix: appendix ? buildAppendix(lines, appendix.line, appendix.kind) : undefined,
    layout: { lineNumberMargin: layout.lineNumberMargin, pageBreakLines: layout.pageBreakLines, furnitureLines: layout.furnitureLines },
  });
}

/**
 * Step 1: every line that starts with something shaped like a label. Page furniture is skipped, and
 * so are the continuation lines of tiers in a CHAT file (they start with a tab: `\tpro:refl|yourself ?`).
 */
function scanCandidates(
  text: string,
  lines: LineIndex,
  layout: Layout,
  bodyStartLine: number,
  maxLabelLength: number,
  /** A CHAT file (it opens with `@UTF8` / `@Begin`): its tiers continue on lines that start with a tab. */
  chat: boolean,
  candidates: Candidates,
  names: Labels,
): void {
  const { contentStarts, kinds } = layout;
  const ends = lines.ends;
  const lineCount = lines.lineCount;
  const counts = names.counts;
  const scanner = new LabelScanner(maxLabelLength);
  let inChatTier = false;
  for (let line = bodyStartLine; line < lineCount; line++) {
    const start = contentStarts[line];
    const end = ends[line];
    if (start === end) continue;
    if (chat) {
      const first = text.charCodeAt(start);
      if (inChatTier && first === 0x09) continue;
      inChatTier = first === 0x25 || first === 0x40; // a `%mor:` tier or an `@` header
    }
    if (kinds !== undefined && kinds[line] !== LINE_TEXT) continue;
    if (!scanner.scan(text, start, end)) continue;
    if (scanner.style === LabelStyleCode.Chat) inChatTier = chat;
    const labelId = names.labelId(scanner.label);
    const keyId = names.keyOfLabel[labelId];
    candidates.add(line, scanner, labelId, keyId);
    counts[keyId]++;
  }
}

/** Step 1 for the lines of a plain document (no margin, no pages, no CHAT tiers): what {@link scanCandidates} does there. */
class PlainLineScan implements LineVisitor {
  constructor(
    private readonly text: string,
    private readonly scanner: LabelScanner,
    readonly candidates: Candidates,
    readonly names: Labels,
  ) {}

  visitLine(line: number, start: number, end: number): void {
    if (start === end) return;
    const { scanner, names, text } = this;
    // A line that starts like a recent label line (most label lines): its label is the prefix's,
    // and the label's id is kept with the prefix.
    const prefix = scanner.knownPrefix(text, start, end);
    if (prefix !== undefined) {
      const labelId = prefix.tag >= 0 ? prefix.tag : (prefix.tag = names.labelId(prefix.label));
      const keyId = names.keyOfLabel[labelId];
      this.candidates.addPrefixed(line, start, prefix, textAfterColon(text, start + prefix.colonEnd, end), labelId, keyId);
      names.counts[keyId]++;
      return;
    }
    if (!scanner.scanFull(text, start, end)) return;
    // A label line the scanner remembers the beginning of keeps its label's id with it.
    const remembered = scanner.matchedPrefix;
    const labelId = names.labelId(scanner.label);
    if (remembered !== undefined) remembered.tag = labelId;
    const keyId = names.keyOfLabel[labelId];
    this.candidates.add(line, scanner, labelId, keyId);
    names.counts[keyId]++;
  }
}

/** Whether a speaker key is a role label (built in or configured), asked once per key. */
class RoleLabels {
  /** Key id → 1 (a role label), 0 (not), -1 (not asked yet). */
  private readonly verdicts: Int8Array;

  constructor(
    private readonly names: Labels,
    private readonly settings: TranscriptSettings,
  ) {
    this.verdicts = new Int8Array(names.keys.length).fill(-1);
  }

  isRole(key: number): boolean {
    if (this.verdicts[key] < 0) this.verdicts[key] = isRoleLabel(this.names.keys[key], this.settings) ? 1 : 0;
    return this.verdicts[key] === 1;
  }

  /** A label that recurs or is a role word. */
  recurringOrRole(key: number): boolean {
    return this.names.counts[key] >= 2 || this.isRole(key);
  }

  /** Candidate i's label recurs as a name (not a sentence) or is a role word: never mistaken for text. */
  isStrong(candidates: Candidates, i: number): boolean {
    const key = candidates.key[i];
    return this.isRole(key) || (!candidates.sentenceLike[i] && this.names.counts[key] >= 2);
  }
}

/**
 * Step 2: a trailing word index (court transcripts) is not part of the last turn, and holds no
 * labels; nor are closing lines (`7:37 P.M. EST`, `END`, `###`) after the last turn. Candidates in
 * the appendix are dropped. A role letter without a colon counts as the last turn's label only when
 * it recurs (an index has a section `A`).
 */
function findAppendix(
  lines: LineIndex,
  layout: Layout,
  candidates: Candidates,
  names: Labels,
  roles: RoleLabels,
  bodyStartLine: number,
): { line: number; kind: Appendix['kind'] } | undefined {
  const counts = names.counts;
  let lastStrong = candidates.length - 1;
  while (
    lastStrong >= 0 &&
    !(roles.isStrong(candidates, lastStrong) && (candidates.style[lastStrong] !== LabelStyleCode.Bare || counts[candidates.key[lastStrong]] >= 2))
  ) {
    lastStrong--;
  }
  const lastLabelLine = lastStrong >= 0 ? candidates.line[lastStrong] : bodyStartLine - 1;
  let kind: Appendix['kind'] = 'index';
  let line = findTrailingIndex(lines, layout, lastLabelLine);
  if (line < 0 && lastStrong >= 0) {
    line = findClosingLines(lines, layout, lastLabelLine);
    kind = 'closing';
  }
  if (line < 0) return undefined;
  while (candidates.length > 0 && candidates.line[candidates.length - 1] >= line) {
    counts[candidates.key[candidates.length - 1]]--;
    candidates.pop();
  }
  return { line, kind };
}

/**
 * Step 3: which candidates are turns (their indexes, in order). A label that recurs, or is a role
 * label, starts the turns; a one-off label before that (a title such as `某某微访谈：…`, an intro
 * `以下为访谈实录：`) is preamble. A sentence-like one-off label (`The reasons are as follows:`)
 * continues the turn above, and so does a one-off label on a line that continues a hard-wrapped
 * sentence (`…five of President Trump’s exceptional` / `Cabinet nominees: Secretary of State …`),
 * and a one-off or sentence-like label that starts with a lower-case letter (`drones: After
 * research…`, `please the Court:`, however often it recurs). A label alone on its line with a
 * timestamp (`Sam  0:05`) counts only when it recurs.
 */
function selectTurns(lines: LineIndex, layout: Layout, candidates: Candidates, names: Labels, roles: RoleLabels, bodyStartLine: number): Int32Array {
  const counts = names.counts;
  const { key: keys, sentenceLike, style, line, length } = candidates;
  const rejected = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    if (roles.isStrong(candidates, i)) continue;
    const k = keys[i];
    const recurring = counts[k] >= 2;
    if (style[i] === LabelStyleCode.Heading) rejected[i] = 1;
    else if ((!recurring || sentenceLike[i]) && startsLowerCase(names.keys[k])) rejected[i] = 1;
    else if (!recurring && continuesWrappedLine(lines, layout, line[i], bodyStartLine)) rejected[i] = 1;
  }
  let first = -1;
  for (let i = 0; i < length && first < 0; i++) if (!rejected[i] && roles.recurringOrRole(keys[i])) first = i;
  for (let i = 0; i < length && first < 0; i++) if (!rejected[i] && !sentenceLike[i]) first = i;
  const selected = new Int32Array(first >= 0 ? length - first : 0);
  let count = 0;
  if (first >= 0) {
    for (let i = first; i < length; i++) if (!rejected[i] && (!sentenceLike[i] || roles.recurringOrRole(keys[i]))) selected[count++] = i;
  }
  return selected.subarray(0, count);
}

/** Each turn's speaker key id: a view of the candidates' column when the selection is one run (as in {@link turnColumns}). */
function keysOfTurns(candidates: Candidates, selected: Int32Array): Int32Array {
  if (!isOneRun(selected)) return pickRows(candidates.key, selected);
  const first = selected.length > 0 ? selected[0] : 0;
  return candidates.key.subarray(first, first + selected.length);
}

/** Whether the selected candidates are consecutive (every candidate after the preamble is a turn: the common case). */
function isOneRun(selected: Int32Array): boolean {
  return selected.length === 0 || selected[selected.length - 1] - selected[0] === selected.length - 1;
}

/** The selected rows of a column, copied. */
function pickRows<T extends Int32Array | Uint8Array>(column: T, selected: Int32Array): T {
  const picked = column instanceof Int32Array ? new Int32Array(selected.length) : new Uint8Array(selected.length);
  for (let k = 0; k < selected.length; k++) picked[k] = column[selected[k]];
  return picked as T;
}

/**
 * The label columns of the turns, from the selected candidates: views of the candidates' own
 * arrays when the selection is one run (the common case: every candidate after the preamble is a
 * turn) and the arrays are not much longer than that (the model keeps them), else copies.
 */
function turnColumns(candidates: Candidates, selected: Int32Array): TurnLabelColumns {
  const count = selected.length;
  const first = count > 0 ? selected[0] : 0;
  // Without any timestamp, one column of -1 serves as both timestamp columns.
  const noTimestamps = candidates.timestampStart === undefined ? new Int32Array(count).fill(-1) : undefined;
  const oneRun = isOneRun(selected);
  const fits = oneRun && candidates.line.length <= count + (count >> 2) + 1024;
  const take = <T extends Int32Array | Uint8Array>(column: T): T =>
    (fits ? column.subarray(first, first + count) : oneRun ? column.slice(first, first + count) : pickRows(column, selected)) as T;
  return {
    line: take(candidates.line),
    labelStart: take(candidates.labelStart),
    labelEnd: take(candidates.labelEnd),
    colonEnd: take(candidates.colonEnd),
    timestampStart: noTimestamps ?? take(candidates.timestampStart!),
    timestampEnd: noTimestamps ?? take(candidates.timestampEnd!),
    textStart: take(candidates.textStart),
    label: take(candidates.label),
    style: take(candidates.style),
  };
}

/**
 * Step 4: the rest of each turn's row (its last line, where its text ends, its speaker, its
 * non-spoken spans), and the speakers with their written forms and turn counts. The loop over the
 * turns makes no object (an object made in a long loop sends its optimized code back to the
 * interpreter): it notes where each label and key is first used, and the speakers are made after.
 */
function buildTurns(
  text: string,
  lines: LineIndex,
  layout: Layout,
  names: Labels,
  keyOfTurn: Int32Array,
  bodyEndLine: number,
  table: TurnTable,
  speakers: SpeakerRecord[],
  speakersByKey: Map<string, Speaker>,
): void {
  /** Label id → its turns, and the first of them (-1: none); key id → the same. */
  const formCounts = new Int32Array(names.labels.length);
  const firstTurnOfLabel = new Int32Array(names.labels.length).fill(-1);
  const turnsOfKey = new Int32Array(names.keys.length);
  const firstTurnOfKey = new Int32Array(names.keys.length).fill(-1);
  rowsOfTurns(text, lines, layout, keyOfTurn, bodyEndLine, table, formCounts, firstTurnOfLabel, turnsOfKey, firstTurnOfKey);

  // Speakers in order of their first turn, each with its written forms in order of first use.
  const speakerOfKey = new Int32Array(names.keys.length).fill(-1);
  for (const keyId of byFirstTurn(firstTurnOfKey)) {
    const key = names.keys[keyId];
    const record = new SpeakerRecord(key, names.labels[table.label[firstTurnOfKey[keyId]]], speakers.length);
    record.turnCount = turnsOfKey[keyId];
    speakerOfKey[keyId] = record.index;
    speakersByKey.set(key, record);
    speakers.push(record);
  }
  for (const labelId of byFirstTurn(firstTurnOfLabel)) speakers[speakerOfKey[names.keyOfLabel[labelId]]].forms.set(names.labels[labelId], formCounts[labelId]);
  const speakerOf = table.speaker;
  for (let n = 0; n < table.count; n++) speakerOf[n] = speakerOfKey[keyOfTurn[n]];
}

/** The ids whose `first` turn is set (>= 0), in order of that turn. */
function byFirstTurn(first: Int32Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < first.length; id++) if (first[id] >= 0) ids.push(id);
  return ids.sort((a, b) => first[a] - first[b]);
}

/** The loop of {@link buildTurns}: each turn's last line, text end and non-spoken spans; the turns of each label and key, and the first. */
function rowsOfTurns(
  text: string,
  lines: LineIndex,
  layout: Layout,
  keyOfTurn: Int32Array,
  bodyEndLine: number,
  table: TurnTable,
  formCounts: Int32Array,
  firstTurnOfLabel: Int32Array,
  turnsOfKey: Int32Array,
  firstTurnOfKey: Int32Array,
): void {
  const { count, line: lineOf, style: styleOf, label: labelOf, textStart: textStartOf, lastLine: lastLineOf, textEnd: textEndOf } = table;
  const ends = lines.ends;
  for (let n = 0; n < count; n++) {
    const line = lineOf[n];
    const chat = styleOf[n] === LabelStyleCode.Chat;
    const nextLine = n + 1 < count ? lineOf[n + 1] : bodyEndLine;
    const lastLine = lastLineOfTurn(text, lines, layout, line, nextLine - 1, chat);
    lastLineOf[n] = lastLine;
    textEndOf[n] = Math.max(ends[lastLine], textStartOf[n]);
    if (lastLine > line) markNonSpoken(text, lines, layout, line, lastLine, chat, table, n);
    const labelId = labelOf[n];
    if (formCounts[labelId]++ === 0) firstTurnOfLabel[labelId] = n;
    const keyId = keyOfTurn[n];
    if (turnsOfKey[keyId]++ === 0) firstTurnOfKey[keyId] = n;
  }
}

/** The non-spoken spans of turn `n`'s lines after its first (a rare case, in a function of its own). */
function markNonSpoken(text: string, lines: LineIndex, layout: Layout, line: number, lastLine: number, chat: boolean, table: TurnTable, n: number): void {
  const spans = nonSpokenSpans(text, lines, layout, line + 1, lastLine, chat);
  if (spans.length > 0) {
    table.nonSpoken.set(n, spans);
    table.flags[n] |= TURN_SPANS;
  }
}

/** The last line of a turn from `line` up to `last`: blank lines, blank layout lines and (for a CHAT main tier) header lines at its end are not part of it. */
function lastLineOfTurn(text: string, lines: LineIndex, layout: Layout, line: number, last: number, chat: boolean): number {
  let lastLine = last;
  while (lastLine > line && (lines.isBlank(lastLine) || isLayoutBlank(layout, lastLine) || (chat && isChatHeader(text, lines, lastLine)))) lastLine--;
  return lastLine;
}

function countAskingTurns(table: TurnTable, speakers: SpeakerRecord[]): void {
  const { flags, speaker, count } = table;
  for (let n = 0; n < count; n++) if (flags[n] & TURN_ASKS) speakers[speaker[n]].askingCount++;
}

/** Step 6: marks questions ({@link TURN_QUESTION}) by their speakers' roles; returns how many. */
function markQuestions(table: TurnTable, speakers: readonly Speaker[]): number {
  const { flags, speaker, count } = table;
  /** Speaker index → 2 (every turn is a question), 1 (a turn that asks is), 0 (none is). */
  const asks = new Uint8Array(speakers.length);
  for (let s = 0; s < speakers.length; s++) asks[s] = speakers[s].role === 'questioner' ? 2 : speakers[s].role === 'interviewer' ? 1 : 0;
  let questions = 0;
  for (let n = 0; n < count; n++) {
    const mode = asks[speaker[n]];
    if (mode === 2 || (mode === 1 && flags[n] & TURN_ASKS)) {
      flags[n] |= TURN_QUESTION;
      questions++;
    }
  }
  return questions;
}

/** Step 7: a question and the turns after it until the next question; sets each turn's exchange. */
function buildExchanges(table: TurnTable, speakers: readonly Speaker[], questionCount: number): ExchangeTable {
  const exchanges = new ExchangeTable(questionCount);
  const { flags, speaker, count } = table;
  const answers = new Uint8Array(speakers.length);
  for (let s = 0; s < speakers.length; s++) answers[s] = speakers[s].role === 'answerer' ? 1 : 0;
  for (let q = 0; q < count; q++) {
    if ((flags[q] & TURN_QUESTION) === 0) continue;
    const exchange = exchanges.count++;
    let next = q + 1;
    let answerCount = 0;
    for (; next < count && (flags[next] & TURN_QUESTION) === 0; next++) answerCount += answers[speaker[next]];
    exchanges.question[exchange] = q;
    exchanges.end[exchange] = next;
    exchanges.answerCount[exchange] = answerCount;
    for (let k = q; k < next; k++) table.exchange[k] = exchange; // (a loop: most exchanges are two or three turns)
    q = next - 1;
  }
  return exchanges;
}

/**
 * Sets {@link TURN_ASKS} on every turn whose spoken text has `?` or `？`, in one forward pass: each
 * search starts where the previous one found its mark, so the text is searched about once for each
 * mark (the engine's own fast search for one character). A mark inside a non-spoken span does not
 * count: a `%mor:` tier repeats the utterance's `?`.
 */
function markAskingTurns(text: string, table: TurnTable): void {
  const { count, textStart, textEnd, flags } = table;
  let ascii = -2;
  let wide = -2;
  for (let n = 0; n < count; n++) {
    if (flags[n] & TURN_SPANS) {
      if (spokenHasQuestionMark(text, textStart[n], textEnd[n], table.nonSpoken.get(n) ?? NO_SPANS)) flags[n] |= TURN_ASKS;
      continue;
    }
    const start = textStart[n];
    if (ascii !== -1 && ascii < start) ascii = text.indexOf('?', start);
    if (wide !== -1 && wide < start) wide = text.indexOf('？', start);
    if ((ascii >= 0 && ascii < textEnd[n]) || (wide >= 0 && wide < textEnd[n])) flags[n] |= TURN_ASKS;
  }
}

function spokenHasQuestionMark(text: string, start: number, end: number, spans: readonly NonSpokenSpan[]): boolean {
  const check = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) {
      const code = text.charCodeAt(k);
      if (code === 0x3f || code === 0xff1f) return true;
    }
    return false;
  };
  let from = start;
  for (const span of spans) {
    if (check(from, span.start)) return true;
    from = Math.max(from, span.end);
  }
  return check(from, end);
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
