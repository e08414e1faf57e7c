/** A compact status bar item in transcripts (`18 Q · 1 unanswered`) that opens the statistics. */
import * as vscode from 'vscode';
import { summaryText } from './statusBarText';
import { isTranscript, TranscriptServer } from './transcriptServer';

export class TranscriptStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('transcript.summary', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly server: TranscriptServer) {
    this.item.name = 'Transcript Summary';
    this.item.command = 'transcript.showStatistics';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidOpenTextDocument(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.schedule();
      }),
    );
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 100);
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    // With a webview (such as the statistics) or another panel focused there is no active text
    // editor: keep showing the summary of the transcript last worked on.
    if (!editor) return;
    const document = editor.document;
    if (!isTranscript(document)) {
      this.item.hide();
      return;
    }
    const summary = await this.server.summary(document);
    if (!summary || vscode.window.activeTextEditor?.document !== document) return;
    this.item.text = `$(comment-discussion) ${summaryText(summary)}`;
    this.item.tooltip = `${summary.questions} questions, ${summary.unanswered} unanswered, ${summary.duplicates} duplicates, ${summary.speakers} speakers. Click for speaker statistics.`;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
