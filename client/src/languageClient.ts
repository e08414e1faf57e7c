/** Starts the transcript language server (dist/server.js over IPC) and the client that talks to it. */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server works on the text the editor sends (files, untitled, virtual workspaces).
    documentSelector: [{ language: 'transcript' }],
    synchronize: { configurationSection: 'transcript', fileEvents: vscode.workspace.createFileSystemWatcher('**/{.transcriptrc.json,package.json}') },
    diagnosticCollectionName: 'transcript',
    outputChannel,
  };
  return new LanguageClient('transcript', 'Transcript Language Server', serverOptions, clientOptions);
}
