/**
 * What semantic highlighting colours, as spans on single lines: each turn label by its speaker's
 * role (the same for every turn of a speaker; the first turn marked), timestamps, and annotations.
 * This refines the TextMate grammar, which can only tell built-in question words from other labels:
 * here the role comes from the analysis (settings, inferred interviewers), and only what the parser
 * reads as a label, timestamp or annotation is coloured.
 */
import type { TranscriptModel } from './model';
import { firstNotBefore } from './search';

export type SemanticSpanKind = 'asker' | 'answerer' | 'timestamp' | 'annotation';

export interface SemanticSpan {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly kind: SemanticSpanKind;
  /** A label of the speaker's first turn. */
  readonly first: boolean;
}

/**
 * Every span of the document on lines `firstLine..lastLine` (all of them by default), sorted by
 * position, never overlapping, each on one line. Made from the turn table, without a view per turn
 * (the editor asks for them again after every edit), and for a range only from the turns that
 * reach it (the editor asks for the lines on screen of a large document).
 */
export function semanticSpans(model: TranscriptModel, firstLine = 0, lastLine = Number.MAX_SAFE_INTEGER): SemanticSpan[] {
  const spans: SemanticSpan[] = [];
  const push = (span: SemanticSpan): void => {
    if (span.line >= firstLine && span.line <= lastLine) spans.push(span);
  };
  const { lines, table, speakers } = model;
  // Each speaker's first turn, whose label is marked.
  const firstTurn = new Int32Array(speakers.length).fill(-1);
  for (let n = table.count - 1; n >= 0; n--) firstTurn[table.speaker[n]] = n;
  const annotations = model.annotations;
  // The first turn that reaches the range; annotations before its line are no turn's from there on.
  const first = firstNotBefore(table.count, (n) => table.lastLine[n] < firstLine);
  const firstStart = first < table.count ? lines.starts[table.line[first]] : lines.text.length;
  let annotationIndex = firstNotBefore(annotations.length, (k) => annotations[k].start < firstStart);
  for (let n = first; n < table.count && table.line[n] <= lastLine; n++) {
    const speaker = table.speaker[n];
    const kind: SemanticSpanKind = speakers[speaker].role === 'answerer' ? 'answerer' : 'asker';
    const line = table.line[n];
    const labelStart = table.column(n, table.labelStart[n]);
    const labelEnd = table.column(n, table.labelEnd[n]);
    const label: SemanticSpan = { line, start: labelStart, length: labelEnd - labelStart, kind, first: firstTurn[speaker] === n };
    const timestamp = table.timestampStart[n];
    const stampStart = timestamp >= 0 ? table.column(n, timestamp) : 0;
    const stampEnd = timestamp >= 0 ? table.column(n, table.timestampEnd[n]) : 0;
    if (stampEnd > stampStart) {
      const stamp: SemanticSpan = { line, start: stampStart, length: stampEnd - stampStart, kind: 'timestamp', first: false };
      push(stampStart < labelStart ? stamp : label);
      push(stampStart < labelStart ? label : stamp);
    } else {
      push(label);
    }
    // The turn's annotations (they lie after its label, before the next turn).
    const lineStart = lines.starts[line];
    while (annotationIndex < annotations.length && annotations[annotationIndex].start < lineStart + labelEnd) annotationIndex++;
    while (annotationIndex < annotations.length && annotations[annotationIndex].end <= table.textEnd[n]) {
      const annotation = annotations[annotationIndex++];
      const { start, end } = annotation.range;
      for (let at = start.line; at <= end.line; at++) {
        const from = at === start.line ? start.character : 0;
        const to = at === end.line ? end.character : lines.lineLength(at);
        if (to > from) push({ line: at, start: from, length: to - from, kind: 'annotation', first: false });
      }
    }
  }
  return spans;
}
