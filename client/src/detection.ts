/**
 * Switches plain-text documents that look like transcripts to the `transcript` language.
 * Respects `transcript.autoDetect`, the user's own `files.associations`, and a manual change back
 * to plain text (remembered per file in the workspace state).
 */
import * as vscode from 'vscode';
import { detectTranscript, DETECT_MAX_LINES } from '../../server/src/core/detect';

const OPTED_OUT_KEY = 'transcript.detection.optedOut';
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export class TranscriptDetector implements vscode.Disposable {
  /** Documents this extension switched, until they are really closed. */
  private readonly switched = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.onOpen(document)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.consider(document, 'save')),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)),
    );
    for (const document of vscode.workspace.textDocuments) void this.consider(document, 'open');
  }

  private async onOpen(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    if (document.languageId === 'plaintext' && this.switched.has(uri)) {
      // The user changed a document we switched back to plain text: remember that choice.
      this.switched.delete(uri);
      await this.state.update(OPTED_OUT_KEY, [...this.optedOut(), uri]);
      this.log.info(`Detection: ${document.uri.toString(true)} was set back to plain text; it will stay plain text.`);
      return;
    }
    await this.consider(document, 'open');
  }

  private onClose(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!this.switched.has(uri)) return;
    // A language change closes and reopens the document at once; a real close does not reopen it.
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((open) => open.uri.toString() === uri)) this.switched.delete(uri);
    }, 0);
  }

  private optedOut(): string[] {
    return this.state.get<string[]>(OPTED_OUT_KEY, []);
  }

  /** Forget the manual choices (command "Transcript: Reset Language Detection"). */
  async reset(): Promise<void> {
    await this.state.update(OPTED_OUT_KEY, []);
  }

  async consider(document: vscode.TextDocument, trigger: 'open' | 'save' | 'command'): Promise<boolean> {
    if (document.languageId !== 'plaintext' || !SCHEMES.has(document.uri.scheme)) return false;
    if (trigger !== 'command') {
      if (!vscode.workspace.getConfiguration('transcript', document.uri).get<boolean>('autoDetect', true)) return false;
      if (this.optedOut().includes(document.uri.toString())) {
        this.log.info(`Detection (${trigger}): ${document.uri.toString(true)}: stays plain text (set back by you; "Transcript: Reset Language Detection Choices" forgets that).`);
        return false;
      }
      if (hasOwnAssociation(document)) return false;
    }
    const lines = Math.min(document.lineCount, DETECT_MAX_LINES);
    const head = document.getText(new vscode.Range(0, 0, lines, 0));
    const result = detectTranscript(head);
    this.log.info(`Detection (${trigger}): ${document.uri.toString(true)}: ${result.isTranscript ? 'transcript' : 'not a transcript'} (${result.reason})`);
    if (!result.isTranscript) return false;
    this.switched.add(document.uri.toString());
    await vscode.languages.setTextDocumentLanguage(document, 'transcript');
    return true;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Whether one of the user's `files.associations` patterns matches this document: their choice wins. */
function hasOwnAssociation(document: vscode.TextDocument): boolean {
  const associations = vscode.workspace.getConfiguration('files', document.uri).get<Record<string, string>>('associations', {});
  return Object.keys(associations).some((pattern) => {
    const glob = pattern.includes('/') ? pattern : `**/${pattern}`;
    return vscode.languages.match({ pattern: glob }, document) > 0;
  });
}
