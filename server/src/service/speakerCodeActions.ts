/**
 * Quick fixes of the speaker rules: use one person's main label everywhere (`inconsistent-speaker`),
 * and add a speaker to the file's declaration (`undeclared-speaker`).
 */
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { addToDeclarationEdit, declaration, undeclaredSpeakers } from '../core/declaredSpeakers';
import { useMainFormEdits, variantGroupOf } from '../core/inconsistentSpeaker';
import type { Turn } from '../core/model';
import { turnAtLine } from '../core/queries';
import { mainForm } from '../core/speakerIdentity';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** The turn whose label a speaker diagnostic underlines. */
function labelledTurn(analysis: TranscriptAnalysis, diagnostic: Diagnostic): Turn | undefined {
  const { start } = diagnostic.range;
  const turn = turnAtLine(analysis.model, start.line);
  return turn && turn.line === start.line && turn.labelStart === start.character ? turn : undefined;
}

export function speakerQuickFixes(analysis: TranscriptAnalysis, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const { model } = analysis;
  const actions = new Map<string, CodeAction>();
  const add = (action: CodeAction): void => {
    const existing = actions.get(action.title);
    if (existing) existing.diagnostics = [...(existing.diagnostics ?? []), ...(action.diagnostics ?? [])];
    else actions.set(action.title, action);
  };
  let undeclared: ReturnType<typeof undeclaredSpeakers> | undefined;

  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.code === 'inconsistent-speaker') {
      const turn = labelledTurn(analysis, diagnostic);
      const group = turn && variantGroupOf(model, turn);
      if (!group) continue;
      add({
        title: `Use '${mainForm(group).label}' for this speaker everywhere`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: useMainFormEdits(group) } },
      });
    } else if (diagnostic.code === 'undeclared-speaker') {
      const turn = labelledTurn(analysis, diagnostic);
      undeclared ??= undeclaredSpeakers(model);
      if (!turn || !undeclared.includes(turn.speaker)) continue;
      const found = declaration(model);
      const where = found?.kind === 'chat' ? '@Participants' : 'the declared speakers';
      const single = addToDeclarationEdit(model, [turn.speaker]);
      if (!single) continue;
      add({
        title: `Add '${turn.speaker.label}' to ${where}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [single] } },
      });
      if (undeclared.length > 1) {
        const all = addToDeclarationEdit(model, undeclared);
        if (all) add({ title: `Add all ${undeclared.length} undeclared speakers to ${where}`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: [all] } } });
      }
    }
  }
  return [...actions.values()];
}
