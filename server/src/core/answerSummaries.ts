/**
 * Per question, who answered and how long the answer is: what the inlay hint after a question shows
 * (`→ 孙弘, 李钟伟 · 120 chars`).
 */
import type { Position } from 'vscode-languageserver-types';
import type { Turn, TranscriptModel } from './model';
import { firstNotBefore } from './search';
import { spokenLength } from './speakerStats';

export interface AnswerSummary {
  readonly question: Turn;
  /** Labels of the speakers who answered, in order of their first answer turn. */
  readonly answerers: string[];
  readonly answerTurns: number;
  /** Characters of the answers' spoken text, whitespace and annotations not counted. */
  readonly characters: number;
  /** The end of the question's last line, where the hint goes. */
  readonly position: Position;
}

/**
 * Summaries of the questions whose last line lies in `firstLine..lastLine` (every question by
 * default). The editor asks for the lines on screen: the first of those questions is found by a
 * binary search of the exchange table, and views are made only for the questions in the range.
 */
export function answerSummaries(model: TranscriptModel, firstLine = 0, lastLine = Number.MAX_SAFE_INTEGER): AnswerSummary[] {
  const result: AnswerSummary[] = [];
  const { exchangeTable, table } = model;
  const questionLastLine = (e: number): number => table.lastLine[exchangeTable.question[e]];
  const first = firstNotBefore(exchangeTable.count, (e) => questionLastLine(e) < firstLine);
  for (let e = first; e < exchangeTable.count && questionLastLine(e) <= lastLine; e++) {
    const exchange = model.exchange(e);
    const question = exchange.question;
    const answerers: string[] = [];
    let characters = 0;
    for (const answer of exchange.answers) {
      if (!answerers.includes(answer.speaker.label)) answerers.push(answer.speaker.label);
      characters += spokenLength(answer.spokenText);
    }
    result.push({
      question,
      answerers,
      answerTurns: exchange.answers.length,
      characters,
      position: { line: question.lastLine, character: model.lines.lineLength(question.lastLine) },
    });
  }
  return result;
}
