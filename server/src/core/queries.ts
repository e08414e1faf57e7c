/** Position queries over the model. */
import type { TranscriptModel, Turn } from './model';

/** The turn whose lines include `line` (label line through its last non-blank line), if any. */
export function turnAtLine(model: TranscriptModel, line: number): Turn | undefined {
  const turns = model.turns;
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const turn = turns[mid];
    if (line < turn.line) high = mid - 1;
    else if (line > turn.lastLine) low = mid + 1;
    else return turn;
  }
  return undefined;
}

/** Whether a position is on the turn's label (timestamp through colon). */
export function isOnLabel(turn: Turn, line: number, character: number): boolean {
  if (line !== turn.line) return false;
  const start = turn.timestamp ? Math.min(turn.timestamp.start, turn.labelStart) : turn.labelStart;
  return character >= start && character <= turn.colonEnd;
}
