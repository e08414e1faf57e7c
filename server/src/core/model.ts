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

export class Turn {
  speaker!: Speaker;
  /** The text contains a question mark (`?` or `？`). */
  asks = false;
  isQuestion = false;
  /** The exchange this turn opens or belongs to; undefined for turns before the first question. */
  exchange: Exchange | undefined;
  annotations: Annotation[] = NO_ANNOTATIONS;

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
    /** Columns of the colon on `line`. */
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

  /** The text as written, including line breaks of continuation lines. */
  get rawText(): string {
    return this.lines.text.slice(this.textStart, this.textEnd);
  }

  /** The text on one line with whitespace folded, for display. */
  get text(): string {
    return this.rawText.replace(/\s+/g, ' ').trim();
  }

  /** The text without its annotations (`(laughs)`), as compared between questions. */
  get spokenText(): string {
    if (this.annotations.length === 0) return this.rawText;
    let result = '';
    let from = this.textStart;
    for (const annotation of this.annotations) {
      result += this.lines.text.slice(from, annotation.start);
      from = annotation.end;
    }
    return result + this.lines.text.slice(from, this.textEnd);
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

export interface Exchange {
  readonly index: number;
  readonly question: Turn;
  /** Every turn after the question until the next question. */
  readonly turns: Turn[];
  /** The turns of `turns` spoken by answerers. */
  readonly answers: Turn[];
}

export type PreambleLineKind = 'title' | 'lead' | 'intro' | 'front-matter';

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
  /** Non-blank lines, each classified. */
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
}
