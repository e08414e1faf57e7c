/**
 * Checks one file: read and decode it, find its settings, analyse it with the core, optionally fix
 * it, and turn the findings into problems through the same diagnostics function as the editor.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Range } from 'vscode-languageserver-types';
import { analyzeText, TranscriptAnalysis } from '../core/analysis';
import { removeUnansweredDuplicatesEdits, unansweredDuplicates } from '../core/fixes';
import { mergeSettings, TranscriptSettings } from '../core/settings';
import { ConfigCache, ConfigFile, findConfigSync, isConfigError } from '../node/configFile';
import { readTranscriptSync, TranscriptEncoding } from '../node/readTranscript';
import { diagnostics } from '../service/diagnostics';
import { MAX_DOCUMENT_LENGTH } from '../service/limits';
import type { Severity } from './args';
import { applyTextEdits, writeFileAtomicSync } from './fix';
import { OutlineEntry, outlineEntries } from './report/outline';
import { SpeakerRow, speakerRows } from './report/stats';

export interface RelatedProblemPlace {
  readonly range: Range;
  readonly message: string;
}

export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based, UTF-16 columns (LSP); reporters add 1. */
  readonly range: Range;
  readonly related: RelatedProblemPlace[];
  /** Where the rule is documented. */
  readonly url: string | undefined;
}

export interface FileReport {
  /** Absolute path. */
  readonly file: string;
  /** As shown to people: relative to the current directory when below it. */
  readonly displayPath: string;
  /** Every problem found (after fixing), in document order. */
  readonly problems: Problem[];
  /** Why the file could not be checked (or fixed): it is then reported on stderr and the exit status is 2. */
  readonly error?: string;
  /** Duplicate questions removed by --fix. */
  readonly removedDuplicates: number;
  /** Why --fix left a fixable file alone. */
  readonly notFixed?: string;
  /** Whether the file was read and analysed. */
  readonly checked: boolean;
  /** With --outline: the exchanges. */
  readonly outline?: OutlineEntry[];
  /** With --stats: the speakers. */
  readonly speakers?: SpeakerRow[];
  readonly encoding?: TranscriptEncoding;
  readonly bom?: boolean;
  /** The config file whose settings applied, if any. */
  readonly configPath?: string;
}

export interface CheckOptions {
  readonly cwd: string;
  readonly fix: boolean;
  readonly outline: boolean;
  readonly stats: boolean;
  /** `--config`: used for every file instead of searching. */
  readonly config: ConfigFile | undefined;
  readonly configCache: ConfigCache;
}

const SEVERITY_WORDS: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** Relative to `cwd` when the file is below it, otherwise absolute. */
export function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const outside = relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative);
  return outside ? file : relative;
}

export function checkFile(file: string, options: CheckOptions): FileReport {
  const displayPath = displayPathOf(file, options.cwd);
  const base = { file, displayPath, problems: [] as Problem[], removedDuplicates: 0, checked: false };

  const read = readTranscriptSync(file);
  if (!read.ok) return { ...base, error: read.reason };
  if (read.text.length > MAX_DOCUMENT_LENGTH) {
    return { ...base, error: `too large to analyse (over ${MAX_DOCUMENT_LENGTH / (1024 * 1024)} M characters)` };
  }

  let config = options.config;
  if (!config) {
    const found = findConfigSync(file, options.configCache);
    if (isConfigError(found)) return { ...base, error: `config ${displayPathOf(found.path, options.cwd)}: ${found.error}` };
    config = found;
  }
  const settings: TranscriptSettings = mergeSettings(undefined, config?.settings);
  const decoded = { ...base, checked: true, encoding: read.encoding, bom: read.bom, configPath: config?.path };

  let analysis = analyzeText(read.text, settings);
  let removedDuplicates = 0;
  let notFixed: string | undefined;
  let error: string | undefined;
  if (options.fix) {
    const edits = removeUnansweredDuplicatesEdits(analysis);
    if (edits.length > 0) {
      if (read.encoding !== 'utf-8') {
        notFixed = `not fixed: ${read.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} files are not rewritten (convert it to UTF-8 to use --fix)`;
      } else {
        const count = unansweredDuplicates(analysis).length;
        const fixed = applyTextEdits(read.text, edits);
        try {
          writeFileAtomicSync(file, (read.bom ? '\ufeff' : '') + fixed);
          analysis = analyzeText(fixed, settings);
          removedDuplicates = count;
        } catch (cause) {
          error = `could not be written (${(cause as NodeJS.ErrnoException).code ?? String(cause)}); not fixed`;
        }
      }
    }
  }

  return {
    ...decoded,
    problems: problemsOf(analysis, file),
    removedDuplicates,
    ...(options.outline ? { outline: outlineEntries(analysis) } : {}),
    ...(options.stats ? { speakers: speakerRows(analysis) } : {}),
    ...(notFixed !== undefined ? { notFixed } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

function problemsOf(analysis: TranscriptAnalysis, file: string): Problem[] {
  return diagnostics(analysis, pathToFileURL(file).href).map((diagnostic) => ({
    code: String(diagnostic.code ?? ''),
    severity: SEVERITY_WORDS[diagnostic.severity ?? 1] ?? 'error',
    message: diagnostic.message,
    range: diagnostic.range,
    related: (diagnostic.relatedInformation ?? []).map((info) => ({ range: info.location.range, message: info.message })),
    url: diagnostic.codeDescription?.href,
  }));
}
