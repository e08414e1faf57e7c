/** "Transcript: Show Speaker Statistics": a webview beside the transcript, refreshed as it changes. */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { noTranscriptHtml, statisticsHtml } from '../statisticsHtml';
import { activeTranscriptEditor, TranscriptServer } from '../transcriptServer';

export class StatisticsView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: TranscriptServer) {
    const concernsShown = (uri: vscode.Uri): boolean => this.document !== undefined && uri.toString() === this.document.uri.toString();
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some(concernsShown)) void this.render();
      }),
      // Closing the document or switching its language: say so instead of showing stale numbers.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (concernsShown(document.uri)) void this.render();
      }),
    );
  }

  async show(): Promise<void> {
    const editor = activeTranscriptEditor();
    if (!editor) return;
    this.document = editor.document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('transcript.statistics', 'Speaker Statistics', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    const name = path.basename(document.uri.path);
    const nonce = randomBytes(16).toString('base64');
    const stats = document.isClosed || document.languageId !== 'transcript' ? null : await this.server.statistics(document);
    panel.title = `Speakers: ${name}`;
    panel.webview.html = stats ? statisticsHtml(stats, name, panel.webview.cspSource, nonce) : noTranscriptHtml(name, nonce);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
