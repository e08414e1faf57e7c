/**
 * The VS Code side, kept thin: detects transcripts among plain-text files, starts the language
 * server when a transcript is open, and registers commands and the status bar item. All analysis
 * happens in the server.
 */
import * as vscode from 'vscode';
import { copyQa, exportQa } from './commands/exportQa';
import { goToNextProblem, goToQuestion } from './commands/navigation';
import { StatisticsView } from './commands/statistics';
import { TranscriptDetector } from './detection';
import { TranscriptStatusBar } from './statusBar';
import { isTranscript, TranscriptServer } from './transcriptServer';

let server: TranscriptServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Transcript', { log: true });
  server = new TranscriptServer(context, log);
  const transcriptServer = server;
  const detector = new TranscriptDetector(context.workspaceState, log);
  const statistics = new StatisticsView(transcriptServer);

  const startIfNeeded = (document: vscode.TextDocument): void => {
    if (isTranscript(document)) void transcriptServer.start();
  };
  context.subscriptions.push(
    log,
    detector,
    statistics,
    new TranscriptStatusBar(transcriptServer),
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.commands.registerCommand('transcript.nextQuestion', () => goToQuestion(transcriptServer, 1)),
    vscode.commands.registerCommand('transcript.previousQuestion', () => goToQuestion(transcriptServer, -1)),
    vscode.commands.registerCommand('transcript.nextProblem', () => goToNextProblem()),
    vscode.commands.registerCommand('transcript.showStatistics', () => statistics.show()),
    vscode.commands.registerCommand('transcript.copyQaMarkdown', () => copyQa(transcriptServer, 'markdown')),
    vscode.commands.registerCommand('transcript.copyQaJson', () => copyQa(transcriptServer, 'json')),
    vscode.commands.registerCommand('transcript.exportQaMarkdown', () => exportQa(transcriptServer, 'markdown')),
    vscode.commands.registerCommand('transcript.exportQaJson', () => exportQa(transcriptServer, 'json')),
    vscode.commands.registerCommand('transcript.detectLanguage', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return;
      const switched = await detector.consider(document, 'command');
      if (!switched) void vscode.window.showInformationMessage('This file does not look like a transcript (see the "Transcript" output for why).');
    }),
    vscode.commands.registerCommand('transcript.resetDetection', () => detector.reset()),
    vscode.commands.registerCommand('transcript.restartServer', () => transcriptServer.restart()),
  );
  detector.start();
  vscode.workspace.textDocuments.forEach(startIfNeeded);
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
