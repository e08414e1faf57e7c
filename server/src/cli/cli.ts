/**
 * transcript-lint: the command-line checker, built from the same core and diagnostics as the
 * language server (see ARCHITECTURE.md). `main` does the work and returns the exit status, so tests
 * run it in-process; the bootstrap at the end runs it when this file is the program.
 *
 *     transcript-lint [options] <files, directories or globs…>      (see USAGE in args.ts)
 */
import * as path from 'path';
import { repository, version } from '../../../package.json';
import { ConfigCache, ConfigFile, isConfigError, loadConfigFileSync } from '../node/configFile';
import { CliOptions, parseArguments, severityRank, USAGE } from './args';
import { checkFile, displayPathOf, FileReport } from './check';
import { expandPatterns } from './files';
import { formatJson } from './report/json';
import { formatSarif } from './report/sarif';
import { formatText } from './report/text';
import { OutputStream, paint, printable, wantsColor } from './terminal';

export const TOOL_NAME = 'transcript-lint';
export const TOOL_VERSION: string = version;
export const INFORMATION_URI: string = repository.url.replace(/\.git$/, '');

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Defaults to process.cwd(). */
  readonly cwd?: string;
  /** Defaults to process.env (read for NO_COLOR). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

/** Runs transcript-lint with `argv` (without `node` and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const fail = (message: string): void => {
    io.stderr.write(`${TOOL_NAME}: ${printable(message)}\n`);
  };
  try {
    const parsed = parseArguments(argv);
    if (!parsed.ok) {
      fail(parsed.error);
      io.stderr.write(`Run '${TOOL_NAME} --help' for usage.\n`);
      return EXIT_ERROR;
    }
    const options = parsed.options;
    if (options.help) {
      io.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (options.version) {
      io.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    return run(options, io, fail);
  } catch (error) {
    fail(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_ERROR;
  }
}

function run(options: CliOptions, io: CliIO, fail: (message: string) => void): number {
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const env = io.env ?? process.env;
  let usageError = false;

  let config: ConfigFile | undefined;
  if (options.config !== undefined) {
    const loaded = loadConfigFileSync(path.resolve(cwd, options.config));
    if (isConfigError(loaded)) {
      fail(`config ${displayPathOf(loaded.path, cwd)}: ${loaded.error}`);
      return EXIT_ERROR;
    }
    config = loaded;
  }

  const { files, errors } = expandPatterns(options.patterns, { cwd, ignore: options.ignore });
  for (const message of errors) fail(message);
  if (errors.length > 0) usageError = true;

  const configCache: ConfigCache = new Map();
  const reports: FileReport[] = [];
  for (const file of files) {
    const report = checkFile(file, { cwd, fix: options.fix, outline: options.outline, stats: options.stats, config, configCache });
    if (report.error !== undefined) {
      fail(`${report.displayPath}: ${report.error}`);
      usageError = true;
    }
    if (report.notFixed !== undefined) fail(`${report.displayPath}: ${report.notFixed}`);
    reports.push(report);
  }

  const threshold = severityRank(options.maxLevel);
  const failed = reports.some((report) => report.problems.some((problem) => severityRank(problem.severity) >= threshold));

  let output: string;
  switch (options.format) {
    case 'json':
      output = formatJson(reports, options);
      break;
    case 'sarif':
      output = formatSarif(reports, { cwd, quiet: options.quiet, toolVersion: TOOL_VERSION, informationUri: INFORMATION_URI });
      break;
    case 'text':
      output = formatText(reports, {
        paint: paint(wantsColor(io.stdout, env)),
        quiet: options.quiet,
        outline: options.outline,
        stats: options.stats,
        failed,
      });
      break;
  }
  if (output !== '') io.stdout.write(output);

  if (usageError) return EXIT_ERROR;
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

// Bootstrap: run when this file is the program (`node dist/cli.js`), not when a test imports it.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  // `transcript-lint … | head` closes the pipe early: stop quietly instead of crashing.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`${TOOL_NAME}: ${String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
