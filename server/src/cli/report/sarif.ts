/**
 * The SARIF 2.1.0 report (for GitHub code scanning and other SARIF viewers): one run whose driver
 * is transcript-lint with the rule table, one result per problem. Locations are relative to the
 * current directory (`%SRCROOT%`); columns are 1-based UTF-16 code units (`columnKind`).
 * Files that could not be checked become tool execution notifications.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Range } from 'vscode-languageserver-types';
import { RULE_CODES, RULES, ruleDocsUrl } from '../../core/rules';
import type { RuleLevel } from '../../core/settings';
import type { Severity } from '../args';
import type { FileReport } from '../check';
import { isShown } from './text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifOptions {
  readonly cwd: string;
  readonly quiet: boolean;
  readonly toolVersion: string;
  readonly informationUri: string;
}

/** error → error, warning → warning, information → note, hint → none. */
export function sarifLevel(level: Severity | Exclude<RuleLevel, 'off'>): SarifLevel {
  switch (level) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'information':
      return 'note';
    case 'hint':
      return 'none';
  }
}

export function sarifRegion(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The file relative to `cwd` with forward slashes and percent-encoded segments, or a file: URI when outside it. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function ruleName(code: string): string {
  return code.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
}

export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  const rules = RULE_CODES.map((code) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: RULES[code].description },
    helpUri: ruleDocsUrl(code),
    defaultConfiguration: { level: RULES[code].defaultLevel === 'off' ? 'none' : sarifLevel(RULES[code].defaultLevel as Exclude<RuleLevel, 'off'>) },
  }));

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const report of reports) {
    const artifact = artifactLocation(report.file, options.cwd);
    if (report.error !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: `${report.displayPath}: ${report.error}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
    }
    for (const problem of report.problems) {
      if (!isShown(problem, options.quiet)) continue;
      const ruleIndex = (RULE_CODES as readonly string[]).indexOf(problem.code);
      results.push({
        ruleId: problem.code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: sarifLevel(problem.severity),
        message: { text: problem.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(problem.range) } }],
        ...(problem.related.length > 0
          ? {
              relatedLocations: problem.related.map((place, i) => ({
                id: i + 1,
                message: { text: place.message },
                physicalLocation: { artifactLocation: artifact, region: sarifRegion(place.range) },
              })),
            }
          : {}),
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'transcript-lint',
            version: options.toolVersion,
            informationUri: options.informationUri,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
