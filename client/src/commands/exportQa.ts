/** Copy or export the Q&A of the active transcript as Markdown or JSON. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportFormat } from '../../../server/src/service/protocol';
import { activeTranscriptEditor, TranscriptServer } from '../transcriptServer';

const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', json: 'json' };

export async function copyQa(server: TranscriptServer, format: ExportFormat): Promise<void> {
  const editor = activeTranscriptEditor();
  if (!editor) return;
  const content = await server.exportQa(editor.document, format);
  if (content === null) return;
  await vscode.env.clipboard.writeText(content);
  void vscode.window.setStatusBarMessage(`Transcript Q&A copied as ${format === 'json' ? 'JSON' : 'Markdown'}`, 3000);
}

export async function exportQa(server: TranscriptServer, format: ExportFormat): Promise<void> {
  const editor = activeTranscriptEditor();
  if (!editor) return;
  const content = await server.exportQa(editor.document, format);
  if (content === null) return;
  const document = editor.document;
  const base = document.isUntitled ? 'transcript' : path.basename(document.uri.path).replace(/\.[^.]*$/, '');
  const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const suggested = folder ? vscode.Uri.joinPath(folder, `${base}.qa.${EXTENSIONS[format]}`) : undefined;
  const target = await vscode.window.showSaveDialog({
    ...(suggested ? { defaultUri: suggested } : {}),
    filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
    saveLabel: 'Export Q&A',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  const open = await vscode.window.showInformationMessage(`Exported the Q&A to ${path.basename(target.path)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
