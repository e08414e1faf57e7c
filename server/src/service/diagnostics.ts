/** Findings → LSP diagnostics, with the level each rule is set to. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TranscriptAnalysis } from '../core/analysis';
import { ruleDocsUrl, ruleLevel } from '../core/rules';
import type { RuleLevel } from '../core/settings';

export const DIAGNOSTIC_SOURCE = 'transcript';

const SEVERITY: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnostics(analysis: TranscriptAnalysis, uri: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const finding of analysis.findings) {
    const level = ruleLevel(finding.code, analysis.model.settings);
    if (level === 'off') continue;
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: SEVERITY[level],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      codeDescription: { href: ruleDocsUrl(finding.code) },
      message: finding.message,
    };
    if (finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map((place) => ({ location: { uri, range: place.range }, message: place.message }));
    }
    result.push(diagnostic);
  }
  return result;
}
