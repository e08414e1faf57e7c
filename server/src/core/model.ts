/**
 * The document model of a transcript: preamble, turns, speakers, exchanges and annotations.
 * Positions are kept as numbers and turned into LSP ranges on demand, so a 25 MB document does not
 * allocate millions of range objects up front. Every range is exact in UTF-16 columns.
 */
import type { Range } from 'vscode-languageserver-types';
import { findAnnotations } from './annotations';
import { ColumnBuffer } from './columnBuffer';
import { LABEL_STYLES, LabelStyleCode } from './labels';
import { LineIndex, lineRange } from './lines';
import type { TranscriptSettings } from './settings';

/**
 * - `questioner`: a question label (`提问`, `Q`, …): every turn is a question.
 * - `interviewer`: asks when a turn contains a question mark (`主持人`, `Moderator`, or inferred).
 * - `answerer`: everyone else; their turns answer the open question.
 */
export type Role = 'questioner' | 'interviewer' | 'answerer';

/** Why a speaker has its role: a built-in label word, a setting, inference from its turns, or by default. */
export type RoleSource = 'label' | 'setting' | 'inferred' | 'default';

export interface Speaker {
  /** Comparison key: NFKC label with whitespace folded. */
  readonly key: string;
  /** The most frequent way the label is written. */
  label: string;
  /** Every written form of the label and how often it occurs. */
  readonly forms: Map<string, number>;
  role: Role;
  roleSource: RoleSource;
  /** Position in `model.speakers` (order of first appearance). */
  readonly index: number;
  /** How many turns the speaker has (`turns.length`, without making the list). */
  readonly turnCount: number;
  /** How many of them ask something (contain `?` or `？`). */
  readonly askingCount: number;
  /** The speaker's turns in document order (made on first use). */
  readonly turns: Turn[];
}

/**
 * How a turn's label is written:
 * - `colon`: `Label:` / `Label：` (with optional timestamps, bold, indentation, a line-number margin);
 * - `chat`: a CHAT main tier `*CHI:` + tab (the `*` is a marker, not part of the label);
 * - `bare`: a role letter with no colon, followed by wide spacing (`Q    Thanks, Jen.`, `问　　…`);
 *   the colon range is empty, right after the label;
 * - `heading`: a label and a timestamp alone on their line (`Sam Reyes  0:05`), the text on the
 *   lines after it; the colon range is empty, right after the label.
 */
export type LabelStyle = 'colon' | 'chat' | 'bare' | 'heading';

/**
 * What a non-spoken span inside a turn's text is:
 * - `margin`: a line-number margin (` 5   `) or a form feed before a continuation line;
 * - `page-furniture`: a whole line of page furniture (a lone page number, a repeated header or
 *   footer such as the court reporter's name);
 * - `dependent-tier`: a CHAT dependent tier (`%mor:`, `%gra:`, `%com:` …) and its continuation lines;
 * - `header`: a CHAT header line inside the body (`@Bg`, `@Eg`, `@Comment:` …).
 */
export type NonSpokenKind = 'margin' | 'page-furniture' | 'dependent-tier' | 'header';

/** Offsets of text inside a turn that belongs to the document's layout, not to what was said. */
export interface NonSpokenSpan {
  readonly kind: NonSpokenKind;
  readonly start: number;
  readonly end: number;
}

/** {@link TurnTable.flags}: the spoken text contains a question mark (`?` or `？`). */
export const TURN_ASKS = 1;
/** {@link TurnTable.flags}: the turn is a question (opens an exchange). */
export const TURN_QUESTION = 2;
/** {@link TurnTable.flags}: the turn has non-spoken spans (line-number margins, page furniture, CHAT tiers). */
export const TURN_SPANS = 4;
/** {@link TurnTable.flags}: the turn's annotations have been looked for (they are found on first use). */
export const TURN_ANNOTATIONS_FOUND = 8;

/**
 * Where a label's colon starts, from where it ends and the label's style (`LabelStyleCode`): one
 * unit before its end for the styles written with a colon (`Q:`, `*CHI:`), at its end (an empty
 * colon right after the label) for those without (`Q    …`, `Sam  0:05`).
 */
export function colonStartOf(colonEnd: number, style: number): number {
  return style === LabelStyleCode.Colon || style === LabelStyleCode.Chat ? colonEnd - 1 : colonEnd;
}

/** The columns of a {@link TurnTable} that come straight from the label scan (one row per turn). */
export interface TurnLabelColumns {
  /** Line of the label (0-based). */
  readonly line: Int32Array;
  /**
   * Offsets of the label, the end of the colon (where it starts: {@link colonStartOf}) and the
   * timestamp (-1: none; a document without timestamps may have one array for both columns).
   */
  readonly labelStart: Int32Array;
  readonly labelEnd: Int32Array;
  readonly colonEnd: Int32Array;
  readonly timestampStart: Int32Array;
  readonly timestampEnd: Int32Array;
  /** Offset where the turn's text starts (after the colon). */
  readonly textStart: Int32Array;
  /** Index into `labels`: the label as written. */
  readonly label: Int32Array;
  /** Index into `LABEL_STYLES` (labels.ts). */
  readonly style: Uint8Array;
}

/**
 * Every turn of a document, column by column: one typed array per field, no object per turn. The
 * parser fills it and the analyses read it; {@link Turn} objects are views made on demand. All
 * positions are offsets into the whole document (columns are computed from them).
 */
export class TurnTable implements TurnLabelColumns {
  readonly line: Int32Array;
  readonly labelStart: Int32Array;
  readonly labelEnd: Int32Array;
  readonly colonEnd: Int32Array;
  readonly timestampStart: Int32Array;
  readonly timestampEnd: Int32Array;
  readonly textStart: Int32Array;
  readonly label: Int32Array;
  readonly style: Uint8Array;
  /** Last non-blank line of the turn. */
  readonly lastLine: Int32Array;
  /** Offset where the turn's text ends (the end of its last line). */
  readonly textEnd: Int32Array;
  /** Index into `model.speakers`. */
  readonly speaker: Int32Array;
  /** Index of the exchange the turn opens or belongs to; -1 before the first question. */
  readonly exchange: Int32Array;
  /** {@link TURN_ASKS} | {@link TURN_QUESTION} | {@link TURN_SPANS} | {@link TURN_ANNOTATIONS_FOUND}. */
  readonly flags: Uint8Array;
  /** Turn index → its annotations, for the turns that have any (filled on first use: {@link annotationsOf}). */
  readonly annotations = new Map<number, Annotation[]>();
  /** Turn index → its non-spoken spans, for the few turns that have any. */
  readonly nonSpoken = new Map<number, NonSpokenSpan[]>();

  constructor(
    readonly lines: LineIndex,
    /** Label id → the label as written. */
    readonly labels: readonly string[],
    readonly count: number,
    /** Columns from the label scan, `count` rows each (may be views of the scan's own arrays). */
    columns: TurnLabelColumns,
  ) {
    this.line = columns.line;
    this.labelStart = columns.labelStart;
    this.labelEnd = columns.labelEnd;
    this.colonEnd = columns.colonEnd;
    this.timestampStart = columns.timestampStart;
    this.timestampEnd = columns.timestampEnd;
    this.textStart = columns.textStart;
    this.label = columns.label;
    this.style = columns.style;
    const own = new ColumnBuffer(count, 4, 1);
    this.lastLine = own.int32();
    this.textEnd = own.int32();
    this.speaker = own.int32();
    this.exchange = own.int32().fill(-1);
    this.flags = own.uint8();
  }

  /** Offset where turn `turn`'s colon starts ({@link colonStartOf}). */
  colonStart(turn: number): number {
    return colonStartOf(this.colonEnd[turn], this.style[turn]);
  }

  /** Column on the label's line of an offset on it. */
  column(turn: number, offset: number): number {
    return offset - this.lines.starts[this.line[turn]];
  }

  /** Column where the turn's head starts: the timestamp when it comes first, else the label. */
  headStart(turn: number): number {
    const timestamp = this.timestampStart[turn];
    return this.column(turn, timestamp >= 0 && timestamp < this.labelStart[turn] ? timestamp : this.labelStart[turn]);
  }
}

/**
 * Exchanges column by column: a question (a turn index) and the turns after it until the next
 * question. {@link Exchange} objects are views made on demand.
 */
export class ExchangeTable {
  count = 0;
  /** Turn index of the question. */
  readonly question: Int32Array;
  /** Turn index after the exchange's last turn. */
  readonly end: Int32Array;
  /** How many of the exchange's turns are spoken by answerers. */
  readonly answerCount: Int32Array;

  constructor(capacity: number) {
    const columns = new ColumnBuffer(capacity, 3);
    this.question = columns.int32();
    this.end = columns.int32();
    this.answerCount = columns.int32();
  }

  /** Turn index of exchange `e`'s last turn: its last answer, or the question when nobody answered. */
  lastTurn(e: number): number {
    return this.end[e] - 1;
  }
}

/** A turn of a parsed document: a view of one row of the model's {@link TurnTable}. */
export class Turn {
  constructor(
    private readonly model: TranscriptModel,
    readonly index: number,
  ) {}

  private get table(): TurnTable {
    return this.model.table;
  }

  get speaker(): Speaker {
    return this.model.speakers[this.table.speaker[this.index]];
  }

  /** How the label is written (`Q:`, `*CHI:`, a bare `Q`, `Name  0:05`). */
  get labelStyle(): LabelStyle {
    return LABEL_STYLES[this.table.style[this.index]];
  }

  /** The spoken text contains a question mark (`?` or `？`). */
  get asks(): boolean {
    return (this.table.flags[this.index] & TURN_ASKS) !== 0;
  }

  get isQuestion(): boolean {
    return (this.table.flags[this.index] & TURN_QUESTION) !== 0;
  }

  /** The exchange this turn opens or belongs to; undefined for turns before the first question. */
  get exchange(): Exchange | undefined {
    const exchange = this.table.exchange[this.index];
    return exchange < 0 ? undefined : this.model.exchange(exchange);
  }

  get annotations(): Annotation[] {
    return annotationsOf(this.model, this.index);
  }

  /**
   * Spans of the text that are not speech (line-number margins, page furniture, CHAT dependent
   * tiers), in document order, inside `textStart..textEnd`, disjoint from the annotations.
   */
  get nonSpoken(): NonSpokenSpan[] {
    return this.table.nonSpoken.get(this.index) ?? NO_SPANS;
  }

  /** Line of the label (0-based). */
  get line(): number {
    return this.table.line[this.index];
  }

  /** Last non-blank line of the turn: lines without a label continue the turn above. */
  get lastLine(): number {
    return this.table.lastLine[this.index];
  }

  /** The label as written. */
  get label(): string {
    return this.table.labels[this.table.label[this.index]];
  }

  /** Columns of the label on `line`. */
  get labelStart(): number {
    return this.table.column(this.index, this.table.labelStart[this.index]);
  }

  get labelEnd(): number {
    return this.table.column(this.index, this.table.labelEnd[this.index]);
  }

  /** Columns of the colon on `line`; an empty range right after the label when there is none (`Q    …`). */
  get colonStart(): number {
    return this.table.column(this.index, this.table.colonStart(this.index));
  }

  get colonEnd(): number {
    return this.table.column(this.index, this.table.colonEnd[this.index]);
  }

  /** Offsets of the turn's text in the document (from after the colon to the end of `lastLine`). */
  get textStart(): number {
    return this.table.textStart[this.index];
  }

  get textEnd(): number {
    return this.table.textEnd[this.index];
  }

  /** The timestamp (`00:01:23`) and its columns on `line`. */
  get timestamp(): { text: string; start: number; end: number } | undefined {
    const start = this.table.timestampStart[this.index];
    if (start < 0) return undefined;
    const end = this.table.timestampEnd[this.index];
    return { text: this.model.lines.text.slice(start, end), start: this.table.column(this.index, start), end: this.table.column(this.index, end) };
  }

  get labelRange(): Range {
    return lineRange(this.line, this.labelStart, this.labelEnd);
  }

  get colonRange(): Range {
    return lineRange(this.line, this.colonStart, this.colonEnd);
  }

  get timestampRange(): Range | undefined {
    const start = this.table.timestampStart[this.index];
    return start < 0 ? undefined : lineRange(this.line, this.table.column(this.index, start), this.table.column(this.index, this.table.timestampEnd[this.index]));
  }

  get textRange(): Range {
    return this.model.lines.rangeOf(this.textStart, this.textEnd);
  }

  /** From the label (or timestamp) to the end of the turn's last line: what a diagnostic underlines. */
  get range(): Range {
    const lastLine = this.lastLine;
    return { start: { line: this.line, character: this.table.headStart(this.index) }, end: { line: lastLine, character: this.model.lines.lineLength(lastLine) } };
  }

  /** From the label (or timestamp) to the end of the label's line: what diagnostics and the outline select. */
  get headRange(): Range {
    return headRangeOf(this.model, this.index);
  }

  /** Whole lines, from the start of the label line to the end of the last line. */
  get fullRange(): Range {
    const lastLine = this.lastLine;
    return { start: { line: this.line, character: 0 }, end: { line: lastLine, character: this.model.lines.lineLength(lastLine) } };
  }

  /** The text as written, including line breaks of continuation lines and non-spoken spans. */
  get rawText(): string {
    return this.model.lines.text.slice(this.textStart, this.textEnd);
  }

  /** Whether the label is followed by a colon (`Q:`), rather than written without one (`Q    …`). */
  get hasColon(): boolean {
    return this.colonEnd > this.colonStart;
  }

  /**
   * The text on one line with whitespace folded, for display: annotations kept, non-spoken spans
   * (margins, page furniture, dependent tiers) left out.
   */
  get text(): string {
    return textWithout(this.model.lines.text, this.textStart, this.textEnd, this.nonSpoken, NO_ANNOTATIONS).replace(/\s+/g, ' ').trim();
  }

  /**
   * What was said: the text without its annotations (`(laughs)`) and without non-spoken spans
   * (line-number margins, page furniture, CHAT dependent tiers). Questions are compared in this form.
   */
  get spokenText(): string {
    return spokenTextOf(this.model, this.index);
  }
}

/** The head range of turn `index` (see {@link Turn.headRange}), straight from the table. */
export function headRangeOf(model: TranscriptModel, index: number): Range {
  const line = model.table.line[index];
  return lineRange(line, model.table.headStart(index), model.lines.lineLength(line));
}

/** The spoken text of turn `index` (see {@link Turn.spokenText}), straight from the table. */
export function spokenTextOf(model: TranscriptModel, index: number): string {
  const { table } = model;
  return textWithout(model.lines.text, table.textStart[index], table.textEnd[index], table.nonSpoken.get(index) ?? NO_SPANS, annotationsOf(model, index));
}

/** `text[textStart..textEnd)` with two sorted, mutually disjoint lists of spans cut out. */
function textWithout(
  text: string,
  textStart: number,
  textEnd: number,
  a: ReadonlyArray<{ start: number; end: number }>,
  b: ReadonlyArray<{ start: number; end: number }>,
): string {
  if (a.length === 0 && b.length === 0) return text.slice(textStart, textEnd);
  const pieces = piecesWithout(textStart, textEnd, a, b);
  let result = '';
  for (let k = 0; k < pieces.length; k += 2) result += text.slice(pieces[k], pieces[k + 1]);
  return result;
}

/**
 * What is left of `[textStart, textEnd)` with two sorted, mutually disjoint lists of spans cut out:
 * the non-empty pieces as `[start, end, start, end, …]`, in order.
 */
function piecesWithout(
  textStart: number,
  textEnd: number,
  a: ReadonlyArray<{ start: number; end: number }>,
  b: ReadonlyArray<{ start: number; end: number }>,
): number[] {
  const pieces: number[] = [];
  let from = textStart;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const span = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
    const pieceEnd = Math.min(span.start, textEnd);
    if (pieceEnd > from) pieces.push(from, pieceEnd);
    if (span.end > from) from = span.end;
  }
  if (from < textEnd) pieces.push(from, textEnd);
  return pieces;
}

/**
 * The pieces of the document text that make up turn `index`'s spoken text ({@link Turn.spokenText}):
 * `[start, end, start, end, …]` offsets, in order.
 */
export function spokenPiecesOf(model: TranscriptModel, index: number): number[] {
  const { table } = model;
  return piecesWithout(table.textStart[index], table.textEnd[index], table.nonSpoken.get(index) ?? NO_SPANS, annotationsOf(model, index));
}

/**
 * The annotations of turn `index` (`(laughs)`, `[inaudible]`, `（笑）`), found in its text on first
 * use and kept: none inside a non-spoken span (a `%com:` tier or a page footer).
 */
export function annotationsOf(model: TranscriptModel, index: number): Annotation[] {
  const { table } = model;
  if ((table.flags[index] & TURN_ANNOTATIONS_FOUND) === 0) {
    table.flags[index] |= TURN_ANNOTATIONS_FOUND;
    const found = findAnnotations(model.lines.text, table.textStart[index], table.textEnd[index]);
    const spans = table.nonSpoken.get(index) ?? NO_SPANS;
    const list: Annotation[] = [];
    for (let k = 0; k < found.length; k += 2) {
      const start = found[k];
      const end = found[k + 1];
      if (!spans.some((span) => span.start < end && start < span.end)) list.push(new InlineAnnotation(model.lines, start, end));
    }
    if (list.length > 0) table.annotations.set(index, list);
  }
  return table.annotations.get(index) ?? NO_ANNOTATIONS;
}

export interface Annotation {
  /** `(APPLAUSE)`, `[inaudible]`, `（笑）`: the text including its brackets. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** An annotation found by the parser: its text and range are made on first use. */
export class InlineAnnotation implements Annotation {
  constructor(
    private readonly lines: LineIndex,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return this.lines.text.slice(this.start, this.end);
  }

  get range(): Range {
    return this.lines.rangeOf(this.start, this.end);
  }
}

const NO_ANNOTATIONS: Annotation[] = [];
const NO_SPANS: NonSpokenSpan[] = [];

/**
 * A question and the turns after it until the next question: a view of one row of the model's
 * {@link ExchangeTable}. The lists are made on first use (and kept).
 */
export class Exchange {
  private turnList: Turn[] | undefined = undefined;
  private answerList: Turn[] | undefined = undefined;

  constructor(
    private readonly model: TranscriptModel,
    readonly index: number,
  ) {}

  get question(): Turn {
    return this.model.turn(this.model.exchangeTable.question[this.index]);
  }

  /** How many of `turns` are spoken by answerers (`answers.length`, without making the list). */
  get answerCount(): number {
    return this.model.exchangeTable.answerCount[this.index];
  }

  /** Every turn after the question until the next question. */
  get turns(): Turn[] {
    if (this.turnList === undefined) {
      const { exchangeTable } = this.model;
      const list: Turn[] = [];
      for (let i = exchangeTable.question[this.index] + 1; i < exchangeTable.end[this.index]; i++) list.push(this.model.turn(i));
      this.turnList = list;
    }
    return this.turnList;
  }

  /** The turns of `turns` spoken by answerers. */
  get answers(): Turn[] {
    return (this.answerList ??= this.turns.filter((turn) => turn.speaker.role === 'answerer'));
  }
}

/** `header`: a CHAT header line (`@Begin`, `@Participants:`, `@ID:` …) and its continuation lines. */
export type PreambleLineKind = 'title' | 'lead' | 'intro' | 'front-matter' | 'header';

export interface PreambleLine {
  readonly line: number;
  readonly kind: PreambleLineKind;
  readonly text: string;
}

export interface Preamble {
  readonly firstLine: number;
  /** Last non-blank line before the first turn. */
  readonly lastLine: number;
  readonly range: Range;
  /** Non-blank lines, each classified (page furniture and line-number-only lines left out). */
  readonly lines: PreambleLine[];
  readonly title: PreambleLine | undefined;
}

export interface TranscriptModel {
  readonly lines: LineIndex;
  readonly settings: TranscriptSettings;
  readonly preamble: Preamble | undefined;
  /** Every turn's data, column by column (what the analyses read). */
  readonly table: TurnTable;
  /** Every exchange's data, column by column. */
  readonly exchangeTable: ExchangeTable;
  /** The view of turn `index` (always the same object for the same index). */
  turn(index: number): Turn;
  /** The view of exchange `index` (always the same object for the same index). */
  exchange(index: number): Exchange;
  /** Every turn, in document order (views, made on first use). */
  readonly turns: Turn[];
  /** In order of first appearance. */
  readonly speakers: Speaker[];
  readonly speakersByKey: Map<string, Speaker>;
  /** Every exchange, in document order (views, made on first use). */
  readonly exchanges: Exchange[];
  /** Turns outside any exchange: before the first question (opening statements, chat). */
  readonly looseTurns: Turn[];
  readonly annotations: Annotation[];
  /**
   * Speakers the document declares: a CHAT `@Participants:` header (`CHI Target_Child, MOT Mother`),
   * or a `Speakers:` / `Participants:` / `人物：` / `嘉宾：` line in the preamble. In document order.
   */
  readonly declaredSpeakers: DeclaredSpeaker[];
  /**
   * Trailing matter with no speakers that is not part of the last turn: a word index (`want 14:7
   * 16:17`) at the end of a court transcript (`index`), or the closing lines of a briefing
   * (`7:37 P.M. EST`, `END`, `###`: `closing`). Undefined when there is none.
   */
  readonly appendix: Appendix | undefined;
  /** How the page is laid out: a line-number margin, page breaks and page furniture. */
  readonly layout: DocumentLayoutInfo;
}

export interface DeclaredSpeaker {
  /** The label turns use (`CHI`, `孙弘`, `Sam Reyes`). */
  readonly code: string;
  /** A name given besides the code (`Adrianne` in `CHI Adrianne Target_Child`). */
  readonly name?: string;
  /** A role given with it (`Target_Child`, `Mother`, `host` from `Sam Reyes (host)`). */
  readonly role?: string;
  /** 0-based line where the code is written. */
  readonly line: number;
}

export interface Appendix {
  readonly kind: 'index' | 'closing';
  readonly firstLine: number;
  /** Last non-blank line of the appendix. */
  readonly lastLine: number;
  readonly range: Range;
}

export interface DocumentLayoutInfo {
  /** Lines start with a line-number margin (` 5   …`, cycling 1..25 per page) that is not text. */
  readonly lineNumberMargin: boolean;
  /** 0-based lines that start with a form feed (a new page). */
  readonly pageBreakLines: readonly number[];
  /** 0-based lines of page furniture: lone page numbers and repeated page headers and footers. */
  readonly furnitureLines: readonly number[];
}

/** The parts of a model the parser computes; the views are made from them on demand. */
export interface ModelParts {
  readonly lines: LineIndex;
  readonly settings: TranscriptSettings;
  readonly preamble: Preamble | undefined;
  readonly table: TurnTable;
  readonly exchangeTable: ExchangeTable;
  readonly speakers: SpeakerRecord[];
  readonly speakersByKey: Map<string, Speaker>;
  readonly declaredSpeakers: DeclaredSpeaker[];
  readonly appendix: Appendix | undefined;
  readonly layout: DocumentLayoutInfo;
}

/** A speaker of a parsed document; its turn list is made on first use. */
export class SpeakerRecord implements Speaker {
  readonly forms = new Map<string, number>();
  role: Role = 'answerer';
  roleSource: RoleSource = 'default';
  turnCount = 0;
  askingCount = 0;
  /** Set when the model is made. */
  model: ParsedTranscript | undefined = undefined;

  constructor(
    readonly key: string,
    public label: string,
    readonly index: number,
  ) {}

  get turns(): Turn[] {
    return this.model ? this.model.speakerTurns(this.index) : [];
  }
}

/**
 * Views of the rows of a table, made on demand, the same object for the same row: in a map while
 * only some are asked for (an analysis asks for a few thousand of a hundred thousand turns), in an
 * array as long as the table once many are.
 */
class ViewCache<T> {
  private some: Map<number, T> | undefined = new Map<number, T>();
  private many: Array<T | undefined> | undefined;
  private complete = false;

  constructor(
    private readonly count: number,
    private readonly make: (index: number) => T,
  ) {}

  get(index: number): T {
    const many = this.many;
    if (many !== undefined) return (many[index] ??= this.make(index));
    const some = this.some!;
    let view = some.get(index);
    if (view === undefined) {
      view = this.make(index);
      some.set(index, view);
      if (some.size > (this.count >> 4) + 64) this.toArray();
    }
    return view;
  }

  /** Every row's view, in order. */
  all(): T[] {
    if (this.many === undefined) this.toArray();
    const many = this.many!;
    if (!this.complete) {
      for (let i = 0; i < this.count; i++) many[i] ??= this.make(i);
      this.complete = true;
    }
    return many as T[];
  }

  private toArray(): void {
    const many = new Array<T | undefined>(this.count);
    for (const [index, view] of this.some!) many[index] = view;
    this.many = many;
    this.some = undefined;
  }
}

/** A parsed transcript: the tables, and views of turns and exchanges made on demand. */
export class ParsedTranscript implements TranscriptModel {
  readonly lines: LineIndex;
  readonly settings: TranscriptSettings;
  readonly preamble: Preamble | undefined;
  readonly table: TurnTable;
  readonly exchangeTable: ExchangeTable;
  readonly speakers: Speaker[];
  readonly speakersByKey: Map<string, Speaker>;
  readonly declaredSpeakers: DeclaredSpeaker[];
  readonly appendix: Appendix | undefined;
  readonly layout: DocumentLayoutInfo;
  private annotationList: Annotation[] | undefined;
  /** Views of turns and exchanges, made on demand. */
  private readonly turnViews: ViewCache<Turn>;
  private readonly exchangeViews: ViewCache<Exchange>;
  private looseList: Turn[] | undefined;
  private turnsBySpeaker: Turn[][] | undefined;

  constructor(parts: ModelParts) {
    this.lines = parts.lines;
    this.settings = parts.settings;
    this.preamble = parts.preamble;
    this.table = parts.table;
    this.exchangeTable = parts.exchangeTable;
    this.speakers = parts.speakers;
    this.speakersByKey = parts.speakersByKey;
    this.declaredSpeakers = parts.declaredSpeakers;
    this.appendix = parts.appendix;
    this.layout = parts.layout;
    for (const speaker of parts.speakers) speaker.model = this;
    this.turnViews = new ViewCache(this.table.count, (index) => new Turn(this, index));
    this.exchangeViews = new ViewCache(this.exchangeTable.count, (index) => new Exchange(this, index));
  }

  turn(index: number): Turn {
    return this.turnViews.get(index);
  }

  exchange(index: number): Exchange {
    return this.exchangeViews.get(index);
  }

  get turns(): Turn[] {
    return this.turnViews.all();
  }

  get exchanges(): Exchange[] {
    return this.exchangeViews.all();
  }

  /** Every annotation, in document order (each turn's found on first use). */
  get annotations(): Annotation[] {
    if (this.annotationList === undefined) {
      const list: Annotation[] = [];
      for (let i = 0; i < this.table.count; i++) for (const annotation of annotationsOf(this, i)) list.push(annotation);
      this.annotationList = list;
    }
    return this.annotationList;
  }

  get looseTurns(): Turn[] {
    if (this.looseList === undefined) {
      const end = this.exchangeTable.count > 0 ? this.exchangeTable.question[0] : this.table.count;
      const list: Turn[] = [];
      for (let i = 0; i < end; i++) list.push(this.turn(i));
      this.looseList = list;
    }
    return this.looseList;
  }

  /** The turns of speaker `index`; every speaker's list is made in one pass on first use. */
  speakerTurns(index: number): Turn[] {
    if (this.turnsBySpeaker === undefined) {
      const lists: Turn[][] = this.speakers.map(() => []);
      const { speaker, count } = this.table;
      for (let i = 0; i < count; i++) lists[speaker[i]].push(this.turn(i));
      this.turnsBySpeaker = lists;
    }
    return this.turnsBySpeaker[index] ?? [];
  }
}
