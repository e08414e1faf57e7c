/**
 * The transcript language server. Wires LSP requests to the language service; all analysis lives
 * in ./core and every LSP shape is made in ./service. Runs over stdio (`--stdio`) for any editor
 * and over IPC from the VS Code client.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TranscriptAnalysis } from './core/analysis';
import { fileURLToPath } from 'url';
import { mergeSettings, TranscriptSettings } from './core/settings';
import { ConfigCache, findConfigSync, isConfigError } from './node/configFile';
import { AnalysisCache } from './service/analysisCache';
import { codeActions } from './service/codeActions';
import { completion, completionMayApply } from './service/completion';
import { diagnostics } from './service/diagnostics';
import { documentSymbols } from './service/documentSymbols';
import { foldingRanges } from './service/foldingRanges';
import { hover } from './service/hover';
import { inlayHints } from './service/inlayHints';
import { DIAGNOSTICS_DELAY_MS, MAX_DOCUMENT_LENGTH } from './service/limits';
import { DocumentParams, ExportParams, Requests } from './service/protocol';
import { prepareRename, rename, RenameCheck } from './service/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './service/semanticTokens';
import { documentHighlights, references } from './service/speakerReferences';
import { exportQa, questionLocations, statistics, summary } from './service/transcriptInfo';
import { OpenTranscript, workspaceSymbols } from './service/workspaceSymbols';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (process.argv.includes('--version')) {
  process.stdout.write('transcript-language-server 0.1.0\n');
  process.exit(0);
}
if (!process.argv.slice(2).some((arg) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`)))) {
  process.stderr.write(
    'Usage: transcript-language-server --stdio\n' +
      'The transcript language server, for any LSP editor. Other transports: --node-ipc, --socket=PORT, --pipe=NAME.\n',
  );
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

let canPullConfiguration = false;
/** The client re-asks for inlay hints / semantic tokens when told to (after a settings change). */
let canRefreshInlayHints = false;
let canRefreshSemanticTokens = false;
/** Settings pushed by the client (`initializationOptions`, `didChangeConfiguration`), for clients that cannot be asked. */
let pushedSettings: unknown = undefined;
/** Project config files (`.transcriptrc.json`, `package.json` "transcript"), per directory. */
const configCache: ConfigCache = new Map();
const configErrorsReported = new Set<string>();
const settingsByUri = new Map<string, Promise<TranscriptSettings>>();
const resolvedSettings = new Map<string, TranscriptSettings>();
const tooLargeReported = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canRefreshSemanticTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  if (options?.settings !== undefined) pushedSettings = options.settings;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Transcript' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      renameProvider: { prepareProvider: true },
      referencesProvider: true,
      documentHighlightProvider: true,
      completionProvider: {},
      workspaceSymbolProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      inlayHintProvider: true,
    },
    serverInfo: { name: 'transcript-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'transcript' }).catch(() => undefined);
  }
});

/** The editor's settings for a document: asked with workspace/configuration where the client can answer. */
async function editorSettings(uri: string): Promise<unknown> {
  if (!canPullConfiguration) return pushedSettings;
  try {
    return await connection.workspace.getConfiguration({ scopeUri: uri, section: 'transcript' });
  } catch {
    return pushedSettings;
  }
}

/** The project config file for a document on disk; its values win over the editor's settings. */
async function projectSettings(uri: string): Promise<unknown> {
  if (!uri.startsWith('file:')) return undefined;
  const found = findConfigSync(fileURLToPath(uri), configCache);
  if (isConfigError(found)) {
    if (!configErrorsReported.has(found.path)) {
      configErrorsReported.add(found.path);
      void connection.window.showWarningMessage(`Transcript: ignoring ${found.path}: ${found.error}`);
    }
    return undefined;
  }
  return found?.settings;
}

function settingsFor(uri: string): Promise<TranscriptSettings> {
  let pending = settingsByUri.get(uri);
  if (!pending) {
    pending = Promise.all([editorSettings(uri), projectSettings(uri).catch(() => undefined)]).then(([editor, project]) => {
      const settings = mergeSettings(editor, project);
      resolvedSettings.set(uri, settings);
      return settings;
    });
    settingsByUri.set(uri, pending);
  }
  return pending;
}

/** Forget every cached setting and analysis, then re-publish diagnostics of all open documents. */
function settingsChanged(): void {
  settingsByUri.clear();
  resolvedSettings.clear();
  configCache.clear();
  configErrorsReported.clear();
  cache.clear();
  for (const document of documents.all()) scheduleValidation(document.uri, 0);
  // Roles (token colours) and the inlay-hint setting may have changed.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (canRefreshSemanticTokens) connection.languages.semanticTokens.refresh();
}

/** The analysis of an open document, or undefined when it is too large to analyse. */
function analysisOf(document: TextDocument, settings: TranscriptSettings): TranscriptAnalysis | undefined {
  if (document.getText().length > MAX_DOCUMENT_LENGTH) {
    if (!tooLargeReported.has(document.uri)) {
      tooLargeReported.add(document.uri);
      const megabytes = Math.round(document.getText().length / (1024 * 1024));
      void connection.window.showWarningMessage(
        `Transcript is too large to analyse (${megabytes} MB; the limit is ${MAX_DOCUMENT_LENGTH / (1024 * 1024)} MB). Outline and diagnostics are off for it.`,
      );
    }
    return undefined;
  }
  return cache.get(document, settings);
}

/** For requests: the document's analysis with the settings already known for it (defaults until fetched). */
async function currentAnalysis(uri: string): Promise<TranscriptAnalysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const settings = resolvedSettings.get(uri) ?? (await settingsFor(uri));
  return analysisOf(document, settings);
}

/** Runs a request handler so that a failure is logged and answered with a neutral result, never a crash. */
async function safely<T>(name: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    connection.console.error(`transcript: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

/** Answers a request from the document's analysis; `fallback` for unknown or too-large documents. */
function withAnalysis<T>(name: string, fallback: T, uri: string, answer: (analysis: TranscriptAnalysis) => T): Promise<T> {
  return safely(name, fallback, async () => {
    const analysis = await currentAnalysis(uri);
    return analysis ? answer(analysis) : fallback;
  });
}

const pendingValidation = new Map<string, NodeJS.Timeout>();

async function validate(uri: string): Promise<void> {
  await safely('diagnostics', undefined, async () => {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== document.version) return; // a newer change will validate
    const analysis = analysisOf(current, settings);
    await connection.sendDiagnostics({ uri, version: current.version, diagnostics: analysis ? diagnostics(analysis, uri) : [] });
  });
}

function scheduleValidation(uri: string, delay: number): void {
  clearTimeout(pendingValidation.get(uri));
  pendingValidation.set(
    uri,
    setTimeout(() => {
      pendingValidation.delete(uri);
      void validate(uri);
    }, delay),
  );
}

/** Documents validated at least once: the first validation (on open) runs at once, edits wait a little. */
const validatedOnce = new Set<string>();
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  scheduleValidation(uri, validatedOnce.has(uri) ? DIAGNOSTICS_DELAY_MS : 0);
  validatedOnce.add(uri);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(pendingValidation.get(uri));
  pendingValidation.delete(uri);
  cache.delete(uri);
  settingsByUri.delete(uri);
  resolvedSettings.delete(uri);
  tooLargeReported.delete(uri);
  validatedOnce.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { transcript?: unknown } | null | undefined)?.transcript;
  if (pushed !== undefined) pushedSettings = pushed;
  settingsChanged();
});

// A config file changed (the VS Code client watches .transcriptrc.json and package.json).
connection.onDidChangeWatchedFiles(() => settingsChanged());

connection.onDocumentSymbol((params) =>
  withAnalysis('documentSymbol', [], params.textDocument.uri, (analysis) => documentSymbols(analysis)),
);

connection.onFoldingRanges((params) =>
  withAnalysis('foldingRange', [], params.textDocument.uri, (analysis) => foldingRanges(analysis)),
);

connection.onHover((params) =>
  withAnalysis('hover', null, params.textDocument.uri, (analysis) => hover(analysis, params.position)),
);

connection.onCodeAction((params) =>
  withAnalysis('codeAction', [], params.textDocument.uri, (analysis) =>
    codeActions(analysis, {
      uri: params.textDocument.uri,
      range: params.range,
      diagnostics: params.context.diagnostics,
      ...(params.context.only ? { only: params.context.only } : {}),
    }),
  ),
);

/** A refusal with a message the editor shows (rename outside a label, an invalid name). */
function answerOrRefuse<T>(check: RenameCheck<T>): T | ResponseError<void> {
  return check.ok ? check.value : new ResponseError(LSPErrorCodes.RequestFailed, check.message);
}

connection.onPrepareRename((params) =>
  withAnalysis('prepareRename', null, params.textDocument.uri, (analysis) => answerOrRefuse(prepareRename(analysis, params.position))),
);

connection.onRenameRequest((params) =>
  withAnalysis('rename', null, params.textDocument.uri, (analysis) => answerOrRefuse(rename(analysis, params.textDocument.uri, params.position, params.newName))),
);

connection.onReferences((params) =>
  withAnalysis('references', [], params.textDocument.uri, (analysis) => references(analysis, params.textDocument.uri, params.position, params.context?.includeDeclaration === true)),
);

connection.onDocumentHighlight((params) =>
  withAnalysis('documentHighlight', [], params.textDocument.uri, (analysis) => documentHighlights(analysis, params.position)),
);

connection.onCompletion((params) =>
  safely('completion', [], async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // Typing in the middle of text asks too: answered from the line alone, without a parse.
    const { line, character } = params.position;
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    const settings = resolvedSettings.get(document.uri) ?? (await settingsFor(document.uri));
    if (!completionMayApply(lineText, character, settings)) return [];
    const analysis = await currentAnalysis(params.textDocument.uri);
    return analysis ? completion(analysis, params.position) : [];
  }),
);

connection.onWorkspaceSymbol((params) =>
  safely('workspaceSymbol', [], async () => {
    const open: OpenTranscript[] = [];
    for (const document of documents.all()) {
      const analysis = await currentAnalysis(document.uri);
      if (analysis) open.push({ uri: document.uri, analysis });
    }
    return workspaceSymbols(open, params.query);
  }),
);

connection.languages.semanticTokens.on((params) =>
  withAnalysis('semanticTokens', { data: [] }, params.textDocument.uri, (analysis) => semanticTokens(analysis)),
);
connection.languages.semanticTokens.onRange((params) =>
  withAnalysis('semanticTokens/range', { data: [] }, params.textDocument.uri, (analysis) => semanticTokens(analysis, params.range)),
);

connection.languages.inlayHint.on((params) =>
  withAnalysis('inlayHint', [], params.textDocument.uri, (analysis) => inlayHints(analysis, params.range)),
);

/** The extension's own requests: `null` for documents the server does not have (or too large). */
function onDocumentRequest<P extends DocumentParams, R>(method: string, answer: (analysis: TranscriptAnalysis, params: P) => R): void {
  connection.onRequest(method, (params: P) =>
    params && typeof params.uri === 'string' ? withAnalysis<R | null>(method, null, params.uri, (analysis) => answer(analysis, params)) : null,
  );
}

onDocumentRequest(Requests.summary, (analysis) => summary(analysis));
onDocumentRequest(Requests.questions, (analysis) => questionLocations(analysis));
onDocumentRequest(Requests.statistics, (analysis) => statistics(analysis));
onDocumentRequest(Requests.exportQa, (analysis, params: ExportParams) => exportQa(analysis, params.format === 'json' ? 'json' : 'markdown'));

documents.listen(connection);
connection.listen();
