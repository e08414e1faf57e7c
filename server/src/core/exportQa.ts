/** The Q&A of a transcript as Markdown or JSON, for "Copy/Export Q&A". */
import type { TranscriptAnalysis } from './analysis';
import type { Turn } from './model';
import { speakerStatistics } from './speakerStats';

export interface QaTurnJson {
  speaker: string;
  line: number;
  timestamp?: string;
  text: string;
}

export interface QaExchangeJson {
  question: QaTurnJson;
  answers: QaTurnJson[];
  /** Other turns in the exchange (interviewer follow-ups that are not questions). */
  others: QaTurnJson[];
  answered: boolean;
  duplicateOf?: number;
}

export interface QaJson {
  title?: string;
  preamble: string[];
  speakers: Array<{ name: string; role: string; turns: number; share: number }>;
  exchanges: QaExchangeJson[];
}

function turnJson(turn: Turn): QaTurnJson {
  return {
    speaker: turn.speaker.label,
    line: turn.line + 1,
    ...(turn.timestamp ? { timestamp: turn.timestamp.text } : {}),
    text: turn.text,
  };
}

export function qaJson(analysis: TranscriptAnalysis): QaJson {
  const { model } = analysis;
  return {
    ...(model.preamble?.title ? { title: model.preamble.title.text } : {}),
    preamble: model.preamble ? model.preamble.lines.filter((line) => line.kind !== 'front-matter').map((line) => line.text) : [],
    speakers: speakerStatistics(model).map((stats) => ({
      name: stats.speaker.label,
      role: stats.speaker.role,
      turns: stats.turns,
      share: Math.round(stats.share * 1000) / 1000,
    })),
    exchanges: model.exchanges.map((exchange) => {
      const copies = analysis.duplicateGroups.get(exchange.question);
      const first = copies?.[0];
      return {
        question: turnJson(exchange.question),
        answers: exchange.answers.map(turnJson),
        others: exchange.turns.filter((turn) => !exchange.answers.includes(turn)).map(turnJson),
        answered: exchange.answers.length > 0,
        ...(first && first !== exchange.question ? { duplicateOf: first.line + 1 } : {}),
      };
    }),
  };
}

/** Markdown-escapes text that starts a line or contains emphasis characters. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function qaMarkdown(analysis: TranscriptAnalysis): string {
  const data = qaJson(analysis);
  const out: string[] = [];
  out.push(`# ${escape(data.title ?? 'Transcript Q&A')}`, '');
  const lead = data.preamble.slice(1);
  if (lead.length > 0) out.push(...lead.map((line) => `> ${escape(line)}`), '');
  data.exchanges.forEach((exchange, i) => {
    const flags = [exchange.answered ? '' : ' *(unanswered)*', exchange.duplicateOf ? ` *(repeats line ${exchange.duplicateOf})*` : ''].join('');
    out.push(`## ${i + 1}. ${escape(exchange.question.text)}${flags}`, '');
    out.push(`**${escape(exchange.question.speaker)}** (line ${exchange.question.line}): ${escape(exchange.question.text)}`, '');
    for (const answer of [...exchange.answers, ...exchange.others].sort((a, b) => a.line - b.line)) {
      out.push(`**${escape(answer.speaker)}**: ${escape(answer.text)}`, '');
    }
  });
  return out.join('\n');
}
