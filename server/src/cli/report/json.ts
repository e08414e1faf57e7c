/**
 * The JSON report: an array with one object per file. Lines and columns are 1-based; columns count
 * UTF-16 code units and an end column is that of the character after the range (as in SARIF).
 *
 *     [{ "file": "interviews/a.txt", "path": "/abs/interviews/a.txt", "encoding": "utf-8",
 *        "diagnostics": [{ "code": "duplicate-question", "severity": "warning", "message": "…",
 *                          "url": "…", "range": { "start": { "line": 16, "column": 3 }, "end": … },
 *                          "related": [{ "message": "First asked here (line 11)", "range": … }] }] }]
 *
 * A file that could not be checked has an `error` and no diagnostics. With --fix, `removedDuplicates`
 * counts the questions removed; with --outline and --stats, `outline` and `speakers` are added.
 */
import type { Range } from 'vscode-languageserver-types';
import type { FileReport } from '../check';
import { isShown } from './text';

export interface JsonReportOptions {
  readonly quiet: boolean;
  readonly outline: boolean;
  readonly stats: boolean;
  readonly fix: boolean;
}

export interface JsonRange {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

export function jsonRange(range: Range): JsonRange {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

export function toPosix(file: string): string {
  return file.replace(/\\/g, '/');
}

export function formatJson(reports: readonly FileReport[], options: JsonReportOptions): string {
  const files = reports.map((report) => {
    const entry: Record<string, unknown> = { file: toPosix(report.displayPath), path: report.file };
    if (report.encoding) {
      entry.encoding = report.encoding;
      entry.bom = report.bom ?? false;
    }
    if (report.configPath) entry.config = report.configPath;
    if (report.error !== undefined) entry.error = report.error;
    if (report.notFixed !== undefined) entry.notFixed = report.notFixed;
    if (options.fix) entry.removedDuplicates = report.removedDuplicates;
    entry.diagnostics = report.problems
      .filter((problem) => isShown(problem, options.quiet))
      .map((problem) => ({
        code: problem.code,
        severity: problem.severity,
        message: problem.message,
        url: problem.url,
        range: jsonRange(problem.range),
        related: problem.related.map((place) => ({ message: place.message, range: jsonRange(place.range) })),
      }));
    if (options.outline && report.outline) entry.outline = report.outline;
    if (options.stats && report.speakers) entry.speakers = report.speakers;
    return entry;
  });
  return JSON.stringify(files, null, 2) + '\n';
}
