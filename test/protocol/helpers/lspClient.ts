/**
 * A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio`, speaks JSON-RPC
 * over its stdio, answers the server's requests the way an editor does, and records what the
 * server pushes (diagnostics, log and show messages) so tests can wait for them.
 */
import { ChildProcessWithoutNullStreams, execFileSync, spawn } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  CodeActionRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  ConfigurationParams,
  ConfigurationRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentHighlight,
  DocumentHighlightRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  InlayHint,
  InlayHintRequest,
  Location,
  LogMessageNotification,
  Position,
  PrepareRenameRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  ReferencesRequest,
  RegistrationRequest,
  RenameRequest,
  SemanticTokens,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolInformation,
  TextEdit,
  UnregistrationRequest,
  WorkspaceEdit,
  WorkspaceSymbol,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** How long any single wait for the server may take before the test fails (no fixed sleeps anywhere). */
export const WAIT_MS = 10_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/server.js with `node esbuild.mjs` when it is missing or older than server/src. */
export function ensureServerBuilt(): void {
  const stale = !existsSync(SERVER_PATH) || statSync(SERVER_PATH).mtimeMs < newestMtime(path.join(REPO_ROOT, 'server', 'src'));
  if (stale) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

interface DiagnosticsWaiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export interface StartOptions {
  /** Advertise `workspace.configuration` (VS Code) or not (Neovim-like clients). */
  readonly configurationCapability: boolean;
  /** What the client answers to `workspace/configuration` for the `transcript` section. */
  readonly settings?: unknown;
  readonly initializationOptions?: unknown;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shown: string[] = [];
  /** The `transcript` section answered to `workspace/configuration`; tests may replace it. */
  settings: unknown;
  configurationRequests = 0;
  /** Every item the server asked for in `workspace/configuration`. */
  readonly configurationItems: Array<{ scopeUri?: string; section?: string }> = [];
  registrations: string[] = [];
  private waiters: DiagnosticsWaiter[] = [];
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private stderr = '';

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => {
      process.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      const ready = this.waiters.filter((waiter) => waiter.uri === params.uri && waiter.predicate(params));
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params.message));
    connection.onNotification(ShowMessageNotification.type, (params) => this.shown.push(params.message));
    connection.onRequest(ConfigurationRequest.type, (params: ConfigurationParams) => {
      this.configurationRequests++;
      this.configurationItems.push(...params.items);
      return params.items.map((item) => (item.section === 'transcript' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.listen();
  }

  static async start(options: StartOptions): Promise<{ client: LspClient; initializeResult: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    // Writing to a server that died must fail the test, not the test runner.
    child.stdin.on('error', () => undefined);
    const client = new LspClient(child, connection, options.settings ?? {});
    const capabilities: ClientCapabilities = {
      workspace: { configuration: options.configurationCapability, didChangeConfiguration: { dynamicRegistration: options.configurationCapability } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
        },
      },
    };
    try {
      const initializeResult = await client.withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: null,
          workspaceFolders: null,
          capabilities,
          ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
        }),
        'initialize',
      );
      await connection.sendNotification(InitializedNotification.type, {});
      return { client, initializeResult };
    } catch (error) {
      client.dispose(); // the caller never gets the client, so it could not kill the process
      throw error;
    }
  }

  get isAlive(): boolean {
    return this.exitInfo === undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** What the server wrote to stderr (crash traces), for failure messages. */
  get errorOutput(): string {
    return this.stderr;
  }

  withTimeout<T>(promise: Thenable<T>, what: string, ms = WAIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`)), ms);
    });
    const exited = this.exited.then((info) => {
      throw new Error(`server exited (code ${info.code}, signal ${info.signal}) while waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
    });
    return Promise.race([Promise.resolve(promise), timeout, exited]).finally(() => clearTimeout(timer));
  }

  /**
   * The next `publishDiagnostics` for `uri` that satisfies `predicate`. Call it before the action that
   * triggers the publication (the waiter only sees notifications that arrive after the call).
   */
  nextDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const promise = new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ uri, predicate, resolve }));
    return this.withTimeout(promise, `publishDiagnostics for ${uri}`);
  }

  /** Opens a document and waits for the diagnostics the server publishes for that version. */
  async open(uri: string, text: string, version = 1, languageId = 'transcript'): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, (params) => params.version === undefined || params.version === version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return (await published).diagnostics;
  }

  /** Replaces the whole text (a full-content change event) and waits for that version's diagnostics. */
  async change(uri: string, text: string, version: number): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, (params) => params.version === undefined || params.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  }

  /**
   * Applies `edits` (all relative to the current text, as in a WorkspaceEdit) as incremental
   * content changes, last edit first so earlier ranges stay valid, and waits for that version's
   * diagnostics.
   */
  async changeIncremental(uri: string, edits: TextEdit[], version: number): Promise<Diagnostic[]> {
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const published = this.nextDiagnostics(uri, (params) => params.version === undefined || params.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<void> {
    const cleared = this.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
  }

  async didChangeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.withTimeout(this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'documentSymbol');
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } };
    const result = await this.withTimeout(this.connection.sendRequest(CodeActionRequest.type, params), 'codeAction');
    return (result ?? []).filter((item): item is CodeAction => 'title' in item && !('command' in item && typeof item.command === 'string'));
  }

  /** `textDocument/prepareRename`; a refusal rejects with the server's ResponseError. */
  async prepareRename(uri: string, position: Position): Promise<Range | { range: Range; placeholder: string } | { defaultBehavior: boolean } | null> {
    return this.withTimeout(this.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position }), 'prepareRename');
  }

  /** `textDocument/rename`; a refusal rejects with the server's ResponseError. */
  async rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.withTimeout(this.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName }), 'rename');
  }

  async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
    return this.withTimeout(this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } }), 'references');
  }

  async documentHighlights(uri: string, position: Position): Promise<DocumentHighlight[] | null> {
    return this.withTimeout(this.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position }), 'documentHighlight');
  }

  /** `textDocument/completion`, as a list of items whether the server answers a list or an array. */
  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.withTimeout(
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
      'completion',
    );
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async workspaceSymbols(query: string): Promise<SymbolInformation[] | WorkspaceSymbol[] | null> {
    return this.withTimeout(this.connection.sendRequest(WorkspaceSymbolRequest.type, { query }), 'workspace/symbol');
  }

  async semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.withTimeout(this.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }), 'semanticTokens/full');
  }

  async semanticTokensInRange(uri: string, range: Range): Promise<SemanticTokens | null> {
    return this.withTimeout(this.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range }), 'semanticTokens/range');
  }

  async inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.withTimeout(this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), 'inlayHint');
  }

  /** `shutdown` then `exit`, and the process's exit code. */
  async shutdown(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    return this.waitForExit();
  }

  /** The process's exit, or a rejection after WAIT_MS. */
  waitForExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server did not exit within ${WAIT_MS} ms`)), WAIT_MS);
    });
    return Promise.race([this.exited, timeout]).finally(() => clearTimeout(timer));
  }

  /** Kills the server if it is still running (afterAll, in any case). */
  dispose(): void {
    this.connection.dispose();
    if (this.isAlive) this.process.kill('SIGKILL');
  }
}

/** The edits a workspace edit makes to one document (`changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      for (const item of change.edits) if ('range' in item) edits.push({ range: item.range, newText: item.newText });
    }
  }
  return edits;
}
