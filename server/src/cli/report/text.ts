/**
 * The text report: one `file:line:col: severity code message` line per problem (1-based line and
 * UTF-16 column, as editors count them), each file's outline and speaker table when asked for, and
 * a summary line.
 */
import { Severity } from '../args';
import type { FileReport, Problem } from '../check';
import { paint as makePaint, Paint, plural, printable } from '../terminal';
import { formatOutline } from './outline';
import { formatStats } from './stats';

export interface TextReportOptions {
  readonly paint: Paint;
  /** Only errors are listed; the summary is printed only when the run fails. */
  readonly quiet: boolean;
  readonly outline: boolean;
  readonly stats: boolean;
  /** Whether the exit status will be 1 (problems at or above --max-level). */
  readonly failed: boolean;
}

export function isShown(problem: Problem, quiet: boolean): boolean {
  return !quiet || problem.severity === 'error';
}

export function formatText(reports: readonly FileReport[], options: TextReportOptions): string {
  const { paint } = options;
  const out: string[] = [];
  for (const report of reports) {
    for (const problem of report.problems) {
      if (isShown(problem, options.quiet)) out.push(problemLine(report.displayPath, problem, paint));
    }
    if (options.outline && report.outline) {
      if (out.length > 0) out.push('');
      out.push(paint.bold(`${printable(report.displayPath)}: outline`), ...formatOutline(report.outline, paint));
    }
    if (options.stats && report.speakers) {
      if (out.length > 0) out.push('');
      out.push(paint.bold(`${printable(report.displayPath)}: speakers`), ...formatStats(report.speakers, paint));
    }
  }
  if (!options.quiet || options.failed) {
    if (out.length > 0) out.push('');
    out.push(summaryLine(reports, paint));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

const COLOR: Readonly<Record<Severity, keyof Omit<Paint, 'enabled'>>> = {
  error: 'red',
  warning: 'yellow',
  information: 'cyan',
  hint: 'gray',
};

export function problemLine(displayPath: string, problem: Problem, paint: Paint): string {
  const { line, character } = problem.range.start;
  const where = `${printable(displayPath)}:${line + 1}:${character + 1}:`;
  return `${where} ${paint[COLOR[problem.severity]](problem.severity)} ${paint.gray(problem.code)} ${printable(problem.message)}`;
}

/** `2 problems (0 errors, 2 warnings, 0 information, 0 hints) in 1 file`, and what was fixed or could not be read. */
export function summaryLine(reports: readonly FileReport[], paint: Paint = makePaint(false)): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let checked = 0;
  let unreadable = 0;
  let removed = 0;
  for (const report of reports) {
    if (report.checked) checked++;
    else unreadable++;
    removed += report.removedDuplicates;
    for (const problem of report.problems) counts[problem.severity]++;
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const details = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    `${counts.information} information`,
    plural(counts.hint, 'hint'),
  ].join(', ');
  let line = `${plural(total, 'problem')} (${details}) in ${plural(checked, 'file')}`;
  if (removed > 0) line += `; removed ${plural(removed, 'unanswered duplicate question')}`;
  if (unreadable > 0) line += `; ${plural(unreadable, 'file')} could not be checked`;
  if (!paint.enabled) return line;
  return counts.error > 0 ? paint.red(line) : total > 0 ? paint.yellow(line) : line;
}
