/** Workspace symbols: the questions and speakers of every open transcript that match the query. */
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { symbolQuery, transcriptSymbols } from '../core/transcriptSymbols';
import { plural, shorten } from './text';

/** At most this many symbols are answered (the editor filters further as the user types). */
export const MAX_WORKSPACE_SYMBOLS = 1000;
const NAME_LENGTH = 80;

export interface OpenTranscript {
  readonly uri: string;
  readonly analysis: TranscriptAnalysis;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
  } catch {
    return path.slice(path.lastIndexOf('/') + 1) || uri;
  }
}

export function workspaceSymbols(transcripts: readonly OpenTranscript[], query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const matcher = symbolQuery(query);
  const found: Array<{ score: number; symbol: SymbolInformation }> = [];
  for (const { uri, analysis } of transcripts) {
    const file = fileName(uri);
    for (const symbol of transcriptSymbols(analysis.model)) {
      const score = matcher.scoreForm(symbol.searchName);
      if (score === undefined) continue;
      const name = symbol.kind === 'question' ? shorten(symbol.name, NAME_LENGTH) : symbol.name;
      found.push({
        score,
        symbol: {
          name,
          kind: symbol.kind === 'question' ? SymbolKind.Event : SymbolKind.Class,
          location: { uri, range: symbol.range },
          containerName: symbol.kind === 'question' ? `${file} · ${symbol.speaker}` : `${file} · ${symbol.role}, ${plural(symbol.turns, 'turn')}`,
        },
      });
    }
  }
  // Stable: within a score, the order of documents, speakers, then questions.
  found.sort((a, b) => a.score - b.score);
  return found.slice(0, limit).map((entry) => entry.symbol);
}
