/** Hovers: on a speaker label, who the speaker is; on a question, who answered it and its duplicates. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import type { Speaker, Turn } from '../core/model';
import { isOnLabel, turnAtLine } from '../core/queries';
import { preambleMention, speakerStatistics } from '../core/speakerStats';
import { escapeMarkdown, plural, shorten } from './text';

export function hover(analysis: TranscriptAnalysis, position: Position): Hover | null {
  const turn = turnAtLine(analysis.model, position.line);
  if (!turn) return null;
  if (isOnLabel(turn, position.line, position.character)) {
    return { contents: { kind: MarkupKind.Markdown, value: speakerHover(analysis, turn.speaker) }, range: turn.labelRange };
  }
  const value = turn.isQuestion ? questionHover(analysis, turn) : answerHover(turn);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: turn.headRange } : null;
}

function roleText(speaker: Speaker): string {
  switch (speaker.roleSource) {
    case 'label':
      return `${speaker.role} (by label)`;
    case 'setting':
      return `${speaker.role} (from settings)`;
    case 'inferred':
      return `${speaker.role} (inferred: most turns ask something)`;
    case 'default':
      return speaker.role;
  }
}

export function speakerHover(analysis: TranscriptAnalysis, speaker: Speaker): string {
  const stats = speakerStatistics(analysis.model).find((entry) => entry.speaker === speaker);
  const lines = [`**${escapeMarkdown(speaker.label)}** — ${roleText(speaker)}`, ''];
  if (stats) {
    const parts = [plural(stats.turns, 'turn'), `${Math.round(stats.share * 100)}% of the spoken text`];
    if (stats.questionsAsked > 0) parts.push(`asked ${plural(stats.questionsAsked, 'question')}`);
    if (stats.questionsAnswered > 0) parts.push(`answered ${plural(stats.questionsAnswered, 'question')}`);
    lines.push(parts.join(' · '), '', `First turn: line ${stats.firstLine + 1}`);
  }
  if (speaker.forms.size > 1) {
    lines.push('', `Written as: ${[...speaker.forms.keys()].map((form) => `\`${form}\``).join(', ')}`);
  }
  const mention = preambleMention(analysis.model, speaker);
  if (mention) {
    const introduced = mention.introducedAs ? ` as **${escapeMarkdown(mention.introducedAs)}**` : '';
    lines.push('', `Introduced in the preamble (line ${mention.line + 1})${introduced}:`, '', `> ${escapeMarkdown(shorten(mention.sentence, 240))}`);
  }
  return lines.join('\n');
}

function questionHover(analysis: TranscriptAnalysis, turn: Turn): string {
  const exchange = turn.exchange;
  const lines = [`**Question** by ${escapeMarkdown(turn.speaker.label)} (line ${turn.line + 1})`, ''];
  if (exchange && exchange.answers.length > 0) {
    const answerers = exchange.answers.map((answer) => `${escapeMarkdown(answer.speaker.label)} (line ${answer.line + 1})`);
    lines.push(`Answered by ${answerers.join(', ')}`);
  } else {
    lines.push('Not answered');
  }
  const copies = analysis.duplicateGroups.get(turn);
  if (copies) {
    const others = copies.filter((copy) => copy !== turn).map((copy) => `line ${copy.line + 1}`);
    lines.push('', `Also asked on ${others.join(', ')}`);
  }
  const similar = analysis.similarQuestions.get(turn);
  if (similar && similar.length > 0) {
    lines.push('', `Similar to ${similar.slice(0, 5).map((entry) => `line ${entry.turn.line + 1} (${Math.round(entry.similarity * 100)}%)`).join(', ')}`);
  }
  return lines.join('\n');
}

function answerHover(turn: Turn): string | null {
  const exchange = turn.exchange;
  if (!exchange || turn.speaker.role !== 'answerer') return null;
  const question = exchange.question;
  return `Answer to the question on line ${question.line + 1}:\n\n> ${escapeMarkdown(shorten(question.text, 160))}`;
}
