/**
 * The document model of a transcript: preamble, turns, speakers, exchanges and annotations.
 * Positions are kept as numbers and turned into LSP ranges on demand, so a 25 MB document does not
 * allocate millions of range objects up front. Every range is exact in UTF-16 columns.
 */
import type { Range } from 'vscode-languageserver-types';
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

export class Turn {
  speaker!: Speaker;
  /** How the label is written (`Q:`, `*CHI:`, a bare `Q`, `Name  0:05`). */
  labelStyle: LabelStyle = 'colon';
  /** The spoken text contains a question mark (`?` or `？`). */
  asks = false;
  isQuestion = false;
  /** The exchange this turn opens or belongs to; undefined for turns before the first question. */
  exchange: Exchange | undefined;
  annotations: Annotation[] = NO_ANNOTATIONS;
  /**
   * Spans of the text that are not speech (line-number margins, page furniture, CHAT dependent
   * tiers), in document order, inside `textStart..textEnd`, disjoint from the annotations.
   */
  nonSpoken: NonSpokenSpan[] = NO_SPANS;

  constructor(
    private readonly lines: LineIndex,
    readonly index: number,
    /** Line of the label (0-based). */
    readonly line: number,
    /** Last non-blank line of the turn: lines without a label continue the turn above. */
    readonly lastLine: number,
    /** The label as written. */
    readonly label: string,
    /** Columns of the label on `line`. */
    readonly labelStart: number,
    readonly labelEnd: number,
    /** Columns of the colon on `line`; an empty range right after the label when there is none (`Q    …`). */
    readonly colonStart: number,
    readonly colonEnd: number,
    /** Offsets of the turn's text in the document (from after the colon to the end of `lastLine`). */
    readonly textStart: number,
    readonly textEnd: number,
    readonly timestamp: { text: string; start: number; end: number } | undefined,
  ) {}

  get labelRange(): Range {
    return lineRange(this.line, this.labelStart, this.labelEnd);
  }

  get colonRange(): Range {
    return lineRange(this.line, this.colonStart, this.colonEnd);
  }

  get timestampRange(): Range | undefined {
    return this.timestamp && lineRange(this.line, this.timestamp.start, this.timestamp.end);
  }

  get textRange(): Range {
    return this.lines.rangeOf(this.textStart, this.textEnd);
  }

  /** From the label (or timestamp) to the end of the turn's last line: what a diagnostic underlines. */
  get range(): Range {
    const startColumn = this.timestamp ? Math.min(this.timestamp.start, this.labelStart) : this.labelStart;
    return { start: { line: this.line, character: startColumn }, end: { line: this.lastLine, character: this.lines.lineLength(this.lastLine) } };
  }

  /** From the label (or timestamp) to the end of the label's line: what diagnostics and the outline select. */
  get headRange(): Range {
    const startColumn = this.timestamp ? Math.min(this.timestamp.start, this.labelStart) : this.labelStart;
    return lineRange(this.line, startColumn, this.lines.lineLength(this.line));
  }

  /** Whole lines, from the start of the label line to the end of the last line. */
  get fullRange(): Range {
    return { start: { line: this.line, character: 0 }, end: { line: this.lastLine, character: this.lines.lineLength(this.lastLine) } };
  }

  /** The text as written, including line breaks of continuation lines and non-spoken spans. */
  get rawText(): string {
    return this.lines.text.slice(this.textStart, this.textEnd);
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
    return this.without(this.nonSpoken, NO_ANNOTATIONS).replace(/\s+/g, ' ').trim();
  }

  /**
   * What was said: the text without its annotations (`(laughs)`) and without non-spoken spans
   * (line-number margins, page furniture, CHAT dependent tiers). Questions are compared in this form.
   */
  get spokenText(): string {
    return this.without(this.nonSpoken, this.annotations);
  }

  /** The text with two sorted, mutually disjoint lists of spans cut out. */
  private without(a: ReadonlyArray<{ start: number; end: number }>, b: ReadonlyArray<{ start: number; end: number }>): string {
    if (a.length === 0 && b.length === 0) return this.rawText;
    const text = this.lines.text;
    let result = '';
    let from = this.textStart;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const span = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
      if (span.start > from) result += text.slice(from, Math.min(span.start, this.textEnd));
      if (span.end > from) from = span.end;
    }
    return from < this.textEnd ? result + text.slice(from, this.textEnd) : result;
  }
}

export interface Annotation {
  /** `(APPLAUSE)`, `[inaudible]`, `（笑）`: the text including its brackets. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

const NO_ANNOTATIONS: Annotation[] = [];
const NO_SPANS: NonSpokenSpan[] = [];

/**
 * A question and the turns after it until the next question. The lists are made on first use (and
 * kept): a 25 MB transcript has tens of thousands of exchanges, most never looked at one by one.
 */
export class Exchange {
  private turnList: Turn[] | undefined = undefined;
  private answerList: Turn[] | undefined = undefined;

  constructor(
    /** Every turn of the document; this exchange's follow the question, up to `end` (exclusive). */
    private readonly allTurns: readonly Turn[],
    readonly index: number,
    readonly question: Turn,
    private readonly end: number,
    /** How many of `turns` are spoken by answerers (`answers.length`, without making the list). */
    readonly answerCount: number,
  ) {}

  /** Every turn after the question until the next question. */
  get turns(): Turn[] {
    return (this.turnList ??= this.allTurns.slice(this.question.index + 1, this.end));
  }

  /** The turns of `turns` spoken by answerers. */
  get answers(): Turn[] {
    if (this.answerList === undefined) {
      const turns = this.turns;
      if (this.answerCount === turns.length) this.answerList = turns.slice();
      else {
        const answers = new Array<Turn>(this.answerCount);
        let count = 0;
        for (const turn of turns) if (turn.speaker.role === 'answerer') answers[count++] = turn;
        this.answerList = answers;
      }
    }
    return this.answerList;
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
  readonly turns: Turn[];
  /** In order of first appearance. */
  readonly speakers: Speaker[];
  readonly speakersByKey: Map<string, Speaker>;
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
