/**
 * Quick fixes: remove a duplicate question (or its whole exchange), add an answer to an unanswered
 * question, the speaker rules' fixes (./speakerCodeActions), and a `source.fixAll` action that
 * removes every unanswered duplicate.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import {
  insertAnswerEdit,
  likelyAnswerers,
  removeExchangeEdit,
  removeTurnEdit,
  removeUnansweredDuplicatesEdits,
  unansweredDuplicates,
} from '../core/fixes';
import { turnAtLine } from '../core/queries';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { speakerQuickFixes } from './speakerCodeActions';
import { plural } from './text';

export const FIX_ALL_TITLE = 'Remove all unanswered duplicate questions';

export interface CodeActionRequest {
  readonly uri: string;
  readonly range: Range;
  readonly diagnostics: Diagnostic[];
  readonly only?: string[];
}

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
}

export function codeActions(analysis: TranscriptAnalysis, request: CodeActionRequest): CodeAction[] {
  const { uri, only } = request;
  const { model } = analysis;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of request.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const turn = turnAtLine(model, diagnostic.range.start.line);
      if (!turn || !turn.isQuestion || turn.line !== diagnostic.range.start.line) continue;
      const exchange = turn.exchange;
      if (diagnostic.code === 'duplicate-question' && analysis.duplicateGroups.has(turn)) {
        actions.push({
          title: 'Remove duplicate question',
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: !exchange || exchange.answers.length === 0,
          edit: edit(uri, [removeTurnEdit(model, turn)]),
        });
        if (exchange && exchange.answers.length > 0) {
          actions.push({
            title: `Remove duplicate question and its ${plural(exchange.turns.length, 'answer')}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit(uri, [removeExchangeEdit(model, exchange)]),
          });
        }
      } else if (diagnostic.code === 'unanswered-question') {
        for (const speaker of likelyAnswerers(model)) {
          actions.push({
            title: `Add an answer by ${speaker.label}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit(uri, [insertAnswerEdit(model, turn, speaker)]),
          });
        }
      }
    }
    actions.push(...speakerQuickFixes(analysis, uri, request.diagnostics));
    const removable = unansweredDuplicates(analysis).length;
    if (removable > 1 && actions.some((action) => action.title === 'Remove duplicate question')) {
      actions.push({ title: `${FIX_ALL_TITLE} (${removable})`, kind: CodeActionKind.QuickFix, edit: edit(uri, removeUnansweredDuplicatesEdits(analysis)) });
    }
  }

  if (only && wants(only, CodeActionKind.SourceFixAll)) {
    const edits = removeUnansweredDuplicatesEdits(analysis);
    if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.SourceFixAll, edit: edit(uri, edits) });
  }
  return actions;
}
