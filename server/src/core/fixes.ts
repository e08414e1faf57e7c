/**
 * Text edits for the quick fixes: removing a duplicate question's turn, or its whole exchange.
 * An edit removes exactly the lines it names (with their line breaks) and, when the removed block
 * sat between blank lines, one run of the blank lines after it, so no double gap is left behind.
 * Nothing else in the document changes.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from './analysis';
import type { Exchange, Speaker, TranscriptModel, Turn } from './model';

/** Deletes the lines `firstLine..lastLine` (0-based, inclusive). */
export function deleteLinesEdit(model: TranscriptModel, firstLine: number, lastLine: number): TextEdit {
  const { lines } = model;
  if (lastLine + 1 >= lines.lineCount) {
    // The block ends the document without a line break after it: take the break before it instead.
    if (firstLine === 0) return { range: lines.rangeOf(0, lines.text.length), newText: '' };
    return { range: lines.rangeOf(lines.ends[firstLine - 1], lines.text.length), newText: '' };
  }
  let end = lastLine + 1;
  if (firstLine > 0 && lines.isBlank(firstLine - 1)) {
    while (end < lines.lineCount - 1 && lines.isBlank(end)) end++;
  }
  return {
    range: { start: { line: firstLine, character: 0 }, end: { line: end, character: 0 } },
    newText: '',
  };
}

export function removeTurnEdit(model: TranscriptModel, turn: Turn): TextEdit {
  return deleteLinesEdit(model, turn.line, turn.lastLine);
}

export function removeExchangeEdit(model: TranscriptModel, exchange: Exchange): TextEdit {
  const last = exchange.turns.length > 0 ? exchange.turns[exchange.turns.length - 1] : exchange.question;
  return deleteLinesEdit(model, exchange.question.line, last.lastLine);
}

/** Later copies of a question that nobody answered: safe to remove without losing an answer. */
export function unansweredDuplicates(analysis: TranscriptAnalysis): Turn[] {
  const result: Turn[] = [];
  for (const [turn, group] of analysis.duplicateGroups) {
    if (group[0] !== turn && turn.exchange && turn.exchange.question === turn && turn.exchange.answers.length === 0) {
      result.push(turn);
    }
  }
  return result.sort((a, b) => a.index - b.index);
}

/**
 * Edits removing every unanswered duplicate, for "fix all". Neighbouring blocks (only blank lines
 * between them) are merged into one edit, so the edits never overlap.
 */
export function removeUnansweredDuplicatesEdits(analysis: TranscriptAnalysis): TextEdit[] {
  const { model } = analysis;
  const blocks: Array<[number, number]> = [];
  for (const turn of unansweredDuplicates(analysis)) {
    const previous = blocks[blocks.length - 1];
    if (previous && onlyBlankBetween(model, previous[1], turn.line)) previous[1] = turn.lastLine;
    else blocks.push([turn.line, turn.lastLine]);
  }
  return blocks.map(([first, last]) => deleteLinesEdit(model, first, last));
}

function onlyBlankBetween(model: TranscriptModel, afterLine: number, beforeLine: number): boolean {
  for (let line = afterLine + 1; line < beforeLine; line++) {
    if (!model.lines.isBlank(line)) return false;
  }
  return true;
}

/**
 * Inserts an empty answer turn for `speaker` after an unanswered question, written the way the
 * question's own label line is (same indentation and colon), for the editor to fill in.
 */
export function insertAnswerEdit(model: TranscriptModel, question: Turn, speaker: Speaker): TextEdit {
  const { lines } = model;
  const lineText = lines.lineText(question.line);
  const indent = /^[ \t\u3000\u00a0]*/.exec(lineText.replace(/^\ufeff/, ''))?.[0] ?? '';
  // A question written without a colon (`Q    …`) gives no colon to copy: use the answerer's own.
  const answerTurn = speaker.turns.find((turn) => turn.colonEnd > turn.colonStart);
  const colon =
    question.colonEnd > question.colonStart
      ? lineText.slice(question.colonStart, question.colonEnd)
      : answerTurn
        ? lines.text.slice(lines.starts[answerTurn.line] + answerTurn.colonStart, lines.starts[answerTurn.line] + answerTurn.colonEnd)
        : ':';
  const lineBreak = lines.lineCount > 1 ? lines.text.slice(lines.ends[0], lines.starts[1]) : '\n';
  const at = { line: question.lastLine, character: lines.lineLength(question.lastLine) };
  if (question.labelStyle === 'chat' && /^[A-Z][A-Z0-9_]*$/.test(speaker.label)) return { range: { start: at, end: at }, newText: `${lineBreak}*${speaker.label}:\t` };
  return { range: { start: at, end: at }, newText: `${lineBreak}${indent}${speaker.label}${colon}${colon === ':' ? ' ' : ''}` };
}

/** Answerers to suggest for an unanswered question: those who answered most, at most `limit`. */
export function likelyAnswerers(model: TranscriptModel, limit = 3): Speaker[] {
  return model.speakers
    .filter((speaker) => speaker.role === 'answerer')
    .sort((a, b) => b.turnCount - a.turnCount)
    .slice(0, limit);
}
