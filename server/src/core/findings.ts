/** What the analyses report, independent of LSP: a rule code, where, a message, and related places. */
import type { Range } from 'vscode-languageserver-types';
import type { RuleCode } from './rules';

export interface RelatedPlace {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly code: RuleCode;
  readonly range: Range;
  readonly message: string;
  readonly related: RelatedPlace[];
  /** The turn the finding is about (its index in the model), used by quick fixes. */
  readonly turnIndex: number;
}

/**
 * Sorts findings by line, then by rule code, keeping the order of findings with the same line and
 * code (as a stable sort with that comparison would). Large lists are sorted as numbers (line, code
 * rank and position packed into one), natively and without a comparison call per step.
 */
export function sortFindings(findings: Finding[]): void {
  const seen = new Set<string>();
  let maxLine = 0;
  for (let i = 0; i < findings.length; i++) {
    seen.add(findings[i].code);
    maxLine = Math.max(maxLine, findings[i].range.start.line);
  }
  const codes = [...seen].sort();
  const rank = new Map(codes.map((code, i) => [code, i]));
  const rankOf = (finding: Finding): number => rank.get(finding.code) ?? 0;
  // Packed: line · 2^(rank bits + position bits) + rank · 2^(position bits) + position, exact below 2^53.
  const positionBits = Math.max(1, Math.ceil(Math.log2(findings.length + 1)));
  const rankBits = Math.max(1, Math.ceil(Math.log2(codes.length + 1)));
  if (findings.length < 64 || Math.ceil(Math.log2(maxLine + 2)) + rankBits + positionBits > 52) {
    findings.sort((a, b) => a.range.start.line - b.range.start.line || rankOf(a) - rankOf(b));
    return;
  }
  const keys = new Float64Array(findings.length);
  const lineScale = 2 ** (rankBits + positionBits);
  const rankScale = 2 ** positionBits;
  for (let i = 0; i < findings.length; i++) keys[i] = findings[i].range.start.line * lineScale + rankOf(findings[i]) * rankScale + i;
  keys.sort();
  const unsorted = findings.slice();
  for (let i = 0; i < keys.length; i++) findings[i] = unsorted[keys[i] % rankScale];
}
