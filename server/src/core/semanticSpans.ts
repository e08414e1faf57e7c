/**
 * What semantic highlighting colours, as spans on single lines: each turn label by its speaker's
 * role (the same for every turn of a speaker; the first turn marked), timestamps, and annotations.
 * This refines the TextMate grammar, which can only tell built-in question words from other labels:
 * here the role comes from the analysis (settings, inferred interviewers), and only what the parser
 * reads as a label, timestamp or annotation is coloured.
 */
import type { TranscriptModel } from './model';

export type SemanticSpanKind = 'asker' | 'answerer' | 'timestamp' | 'annotation';

export interface SemanticSpan {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly kind: SemanticSpanKind;
  /** A label of the speaker's first turn. */
  readonly first: boolean;
}

/** Every span of the document, sorted by position, never overlapping, each on one line. */
export function semanticSpans(model: TranscriptModel): SemanticSpan[] {
  const spans: SemanticSpan[] = [];
  const { lines } = model;
  let annotationIndex = 0;
  const annotations = model.annotations;
  for (const turn of model.turns) {
    const speaker = turn.speaker;
    const kind: SemanticSpanKind = speaker.role === 'answerer' ? 'answerer' : 'asker';
    const label: SemanticSpan = { line: turn.line, start: turn.labelStart, length: turn.labelEnd - turn.labelStart, kind, first: speaker.turns[0] === turn };
    const timestamp = turn.timestamp;
    if (timestamp && timestamp.end > timestamp.start) {
      const stamp: SemanticSpan = { line: turn.line, start: timestamp.start, length: timestamp.end - timestamp.start, kind: 'timestamp', first: false };
      if (timestamp.start < turn.labelStart) spans.push(stamp, label);
      else spans.push(label, stamp);
    } else {
      spans.push(label);
    }
    // The turn's annotations (they lie after its label, before the next turn).
    const lineStart = lines.starts[turn.line];
    while (annotationIndex < annotations.length && annotations[annotationIndex].start < lineStart + turn.labelEnd) annotationIndex++;
    while (annotationIndex < annotations.length && annotations[annotationIndex].end <= turn.textEnd) {
      const annotation = annotations[annotationIndex++];
      const { start, end } = annotation.range;
      for (let line = start.line; line <= end.line; line++) {
        const from = line === start.line ? start.character : 0;
        const to = line === end.line ? end.character : lines.lineLength(line);
        if (to > from) spans.push({ line, start: from, length: to - from, kind: 'annotation', first: false });
      }
    }
  }
  return spans;
}
