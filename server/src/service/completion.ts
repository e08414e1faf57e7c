/** Completion of speaker labels at the start of a line, with the document's own colon style. */
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { labelCompletionContext, mayCompleteLabel, speakerSuggestions } from '../core/speakerCompletion';
import type { TranscriptSettings } from '../core/settings';
import { plural } from './text';

export function completion(analysis: TranscriptAnalysis, position: Position): CompletionItem[] {
  const context = labelCompletionContext(analysis.model, position);
  if (!context) return [];
  const width = String(analysis.model.speakers.length + 100).length;
  return speakerSuggestions(analysis.model, context).map((suggestion, rank) => ({
    label: suggestion.label,
    kind: suggestion.role === 'answerer' || suggestion.declaredOnly ? CompletionItemKind.Variable : CompletionItemKind.Keyword,
    detail: suggestion.declaredOnly
      ? `declared${suggestion.declaredRole ? ` (${suggestion.declaredRole})` : ''} · no turns yet`
      : `${suggestion.role} · ${plural(suggestion.turns, 'turn')}`,
    sortText: String(rank).padStart(width, '0'),
    filterText: context.typed.startsWith('*') ? `*${suggestion.label}` : suggestion.label,
    textEdit: { range: context.range, newText: suggestion.insertText },
  }));
}

/**
 * Whether completion can apply at `character` of this line, judged from the line's text alone, so
 * the server answers most requests (typing in the middle of text) without analysing the document.
 */
export function completionMayApply(lineText: string, character: number, settings: TranscriptSettings): boolean {
  return mayCompleteLabel(lineText, character, settings.maxLabelLength);
}
