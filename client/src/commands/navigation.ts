/** Go to the next / previous question, and to the next transcript problem in this file. */
import * as vscode from 'vscode';
import { activeTranscriptEditor, TranscriptServer } from '../transcriptServer';

function reveal(editor: vscode.TextEditor, position: vscode.Position): void {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function goToQuestion(server: TranscriptServer, direction: 1 | -1): Promise<void> {
  const editor = activeTranscriptEditor();
  if (!editor) return;
  const questions = (await server.questions(editor.document)) ?? [];
  if (questions.length === 0) {
    void vscode.window.showInformationMessage('This transcript has no questions.');
    return;
  }
  const line = editor.selection.active.line;
  const target =
    direction === 1
      ? (questions.find((question) => question.line > line) ?? questions[0])
      : ([...questions].reverse().find((question) => question.line < line) ?? questions[questions.length - 1]);
  reveal(editor, new vscode.Position(target.line, target.character));
}

export function goToNextProblem(): void {
  const editor = activeTranscriptEditor();
  if (!editor) return;
  const problems = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === 'transcript')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  if (problems.length === 0) {
    void vscode.window.showInformationMessage('No transcript problems in this file.');
    return;
  }
  const cursor = editor.selection.active;
  const next = problems.find((diagnostic) => diagnostic.range.start.isAfter(cursor)) ?? problems[0];
  reveal(editor, next.range.start);
  void vscode.commands.executeCommand('editor.action.marker.this').then(undefined, () => undefined);
}
