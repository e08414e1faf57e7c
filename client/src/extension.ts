/**
 * The VS Code side: starts the transcript language server (dist/server.js over IPC) for documents
 * in the `transcript` language and registers the extension's commands. Everything else happens in
 * the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'transcript', scheme: 'file' },
      { language: 'transcript', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'transcript' },
    diagnosticCollectionName: 'transcript',
  };
  client = new LanguageClient('transcript', 'Transcript Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
