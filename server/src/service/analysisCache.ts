/**
 * Parse once per document version: every feature (symbols, diagnostics, hovers, code actions)
 * asks this cache, which analyses a document only when its version or its settings changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, TranscriptAnalysis } from '../core/analysis';
import type { TranscriptSettings } from '../core/settings';

interface Entry {
  readonly version: number;
  readonly settings: TranscriptSettings;
  readonly analysis: TranscriptAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** How many times a document was actually parsed (for tests and logging). */
  parseCount = 0;

  get(document: TextDocument, settings: TranscriptSettings): TranscriptAnalysis {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.settings === settings) return entry.analysis;
    const analysis = analyzeText(document.getText(), settings);
    this.parseCount++;
    this.entries.set(document.uri, { version: document.version, settings, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
