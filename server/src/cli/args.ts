/** Command-line arguments of transcript-lint: parsing, validation and the usage text. */

export type OutputFormat = 'text' | 'json' | 'sarif';
export type Severity = 'hint' | 'information' | 'warning' | 'error';

export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
/** From least to most severe. */
export const SEVERITIES: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

export interface CliOptions {
  /** Files, directories and globs, as given. */
  readonly patterns: string[];
  readonly format: OutputFormat;
  /** Problems at or above this level make the exit status 1. */
  readonly maxLevel: Severity;
  readonly fix: boolean;
  readonly outline: boolean;
  readonly stats: boolean;
  readonly config: string | undefined;
  readonly quiet: boolean;
  readonly ignore: string[];
  readonly help: boolean;
  readonly version: boolean;
}

export type ParsedArguments = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: transcript-lint [options] <files, directories or globs...>

Checks interview and dialogue transcripts for duplicate, similar and unanswered
questions, with the same rules and settings as the editor extension.
Directories are searched recursively for *.txt and *.transcript files. In globs,
* and ? match within one path segment and ** matches any number of directories;
quote globs so that the shell does not expand them.

Options:
  -f, --format <format>   text (default), json or sarif (SARIF 2.1.0)
      --max-level <level> exit with status 1 when a problem is at or above this
                          level: hint, information, warning (default) or error
      --fix               remove unanswered duplicate questions (as the editor's
                          "fix all" does), then report the problems that remain
      --outline           print each file's exchanges: lines, question, who answered
      --stats             print each file's speakers: role, turns, share of the
                          text, questions asked and answered
  -c, --config <path>     use this config file instead of searching for one
      --ignore <pattern>  skip files and directories matching the pattern (a name
                          such as drafts or *.bak.txt, or a path from the current
                          directory such as archive/**); repeatable. Searches
                          always skip node_modules and hidden (.name) entries;
                          files named on the command line are always checked
  -q, --quiet             report errors only (the exit status still follows
                          --max-level)
  -h, --help              show this help
  -v, --version           show the version

Configuration: the first .transcriptrc.json, or package.json with a "transcript"
key, found walking up from each file's directory. The keys are those of the
editor settings without "transcript.", for example:
  { "questionSpeakers": ["记者"], "similarQuestionThreshold": 0.85,
    "rules": { "duplicate-question": "error", "similar-question": "off" } }

Exit status: 0 when no problem is at or above --max-level, 1 when one is,
2 on a usage error or when a file or config could not be read.
`;

const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  '--format': 'format',
  '-f': 'format',
  '--max-level': 'maxLevel',
  '--config': 'config',
  '-c': 'config',
  '--ignore': 'ignore',
};

const FLAG_OPTIONS: Readonly<Record<string, string>> = {
  '--fix': 'fix',
  '--outline': 'outline',
  '--stats': 'stats',
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const patterns: string[] = [];
  const ignore: string[] = [];
  const flags = new Set<string>();
  let format: string = 'text';
  let maxLevel: string = 'warning';
  let config: string | undefined;
  const errors: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      patterns.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (arg === '-') errors.push('reading from standard input is not supported; name the files');
      else patterns.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    const inlineValue = equals >= 0 ? arg.slice(equals + 1) : undefined;

    const flag = FLAG_OPTIONS[name];
    if (flag) {
      if (inlineValue !== undefined) errors.push(`option ${name} does not take a value`);
      flags.add(flag);
      continue;
    }
    const option = VALUE_OPTIONS[name];
    if (!option) {
      errors.push(`unknown option '${name}'`);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith('-') && next !== '-')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      errors.push(`option ${name} needs a value`);
      continue;
    }
    if (option === 'format') format = value;
    else if (option === 'maxLevel') maxLevel = value;
    else if (option === 'config') config = value;
    else ignore.push(value);
  }

  const help = flags.has('help');
  const version = flags.has('version');
  if (!(FORMATS as readonly string[]).includes(format)) errors.push(`--format must be one of ${FORMATS.join(', ')} (got '${format}')`);
  if (!(SEVERITIES as readonly string[]).includes(maxLevel)) {
    errors.push(`--max-level must be one of ${SEVERITIES.join(', ')} (got '${maxLevel}')`);
  }
  if (format === 'sarif' && (flags.has('outline') || flags.has('stats'))) {
    errors.push('--outline and --stats cannot be combined with --format sarif');
  }
  if (!help && !version && errors.length === 0 && patterns.length === 0) errors.push('no files given');
  if (errors.length > 0 && !help && !version) return { ok: false, error: errors[0] };

  return {
    ok: true,
    options: {
      patterns,
      format: format as OutputFormat,
      maxLevel: maxLevel as Severity,
      fix: flags.has('fix'),
      outline: flags.has('outline'),
      stats: flags.has('stats'),
      config,
      quiet: flags.has('quiet'),
      ignore,
      help,
      version,
    },
  };
}

/** 0 for hints up to 3 for errors. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
