/**
 * What a transcript contributes to workspace-wide symbol search: its questions and its speakers,
 * and the query matching (case-insensitive, after NFKC, whitespace ignored; a substring first, else
 * the query's characters in order).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Role, TranscriptModel } from './model';
import { nfkc } from './normalize';

export interface TranscriptSymbol {
  readonly kind: 'question' | 'speaker';
  /** The question's text on one line, or the speaker's label. */
  readonly name: string;
  /** The question's label line, or the speaker's first label. */
  readonly range: Range;
  /** Questions: who asked. Speakers: their role. */
  readonly speaker: string;
  readonly role: Role;
  /** Speakers: their number of turns. Questions: 1. */
  readonly turns: number;
  /** The name as queries are matched against it (see {@link searchForm}). */
  readonly searchName: string;
}

const symbolsCache = new WeakMap<TranscriptModel, TranscriptSymbol[]>();

/**
 * Speakers first (in order of first appearance), then questions in document order. Computed once
 * per model: the editor asks again on every keystroke of the query.
 */
export function transcriptSymbols(model: TranscriptModel): TranscriptSymbol[] {
  const cached = symbolsCache.get(model);
  if (cached) return cached;
  const symbols: TranscriptSymbol[] = [];
  for (const speaker of model.speakers) {
    symbols.push({
      kind: 'speaker',
      name: speaker.label,
      range: speaker.turns[0].labelRange,
      speaker: speaker.label,
      role: speaker.role,
      turns: speaker.turns.length,
      searchName: searchForm(speaker.label),
    });
  }
  for (const exchange of model.exchanges) {
    const question = exchange.question;
    const name = question.text || question.label;
    symbols.push({ kind: 'question', name, range: question.headRange, speaker: question.speaker.label, role: question.speaker.role, turns: 1, searchName: searchForm(name) });
  }
  symbolsCache.set(model, symbols);
  return symbols;
}

/** NFKC, case-folded, without whitespace: how names and queries are compared. */
export function searchForm(text: string): string {
  return nfkc(text).toLowerCase().replace(/\s+/g, '');
}

/** A prepared query: match names against it many times. */
export interface SymbolQuery {
  /** 0 for a name that starts with the query, 1 for a substring, 2 for the characters in order; undefined: no match. */
  score(name: string): number | undefined;
  /** The same for a name already in {@link searchForm}. */
  scoreForm(form: string): number | undefined;
}

export function symbolQuery(query: string): SymbolQuery {
  const wanted = searchForm(query);
  const chars = Array.from(wanted);
  const scoreForm = (form: string): number | undefined => {
    if (wanted === '') return 0;
    const at = form.indexOf(wanted);
    if (at === 0) return 0;
    if (at > 0) return 1;
    let from = 0;
    for (const char of chars) {
      const found = form.indexOf(char, from);
      if (found < 0) return undefined;
      from = found + char.length;
    }
    return 2;
  };
  return { score: (name) => scoreForm(searchForm(name)), scoreForm };
}
