/** The running language server as the client's commands see it: started on first need, typed requests. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExportFormat,
  QuestionLocation,
  Requests,
  TranscriptStatistics,
  TranscriptSummary,
} from '../../server/src/service/protocol';
import { createLanguageClient } from './languageClient';

export class TranscriptServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts the server once; later calls wait for the same start. */
  start(): Promise<LanguageClient> {
    this.starting ??= (async () => {
      const client = createLanguageClient(this.context, this.log);
      await client.start();
      this.client = client;
      return client;
    })();
    return this.starting;
  }

  async restart(): Promise<void> {
    const client = await this.start();
    await client.restart();
  }

  private async request<T>(method: string, params: object): Promise<T | null> {
    const client = await this.start();
    try {
      return await client.sendRequest<T | null>(method, params);
    } catch (error) {
      this.log.error(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  summary(document: vscode.TextDocument): Promise<TranscriptSummary | null> {
    return this.request(Requests.summary, { uri: document.uri.toString() });
  }

  questions(document: vscode.TextDocument): Promise<QuestionLocation[] | null> {
    return this.request(Requests.questions, { uri: document.uri.toString() });
  }

  statistics(document: vscode.TextDocument): Promise<TranscriptStatistics | null> {
    return this.request(Requests.statistics, { uri: document.uri.toString() });
  }

  exportQa(document: vscode.TextDocument, format: ExportFormat): Promise<string | null> {
    return this.request(Requests.exportQa, { uri: document.uri.toString(), format });
  }

  async dispose(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
  }
}

export function isTranscript(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'transcript';
}

/** The active transcript editor, or a message explaining that one is needed. */
export function activeTranscriptEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (isTranscript(editor?.document)) return editor;
  void vscode.window.showInformationMessage('Open a transcript first (language mode "Transcript").');
  return undefined;
}
