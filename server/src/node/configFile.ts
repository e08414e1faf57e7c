/**
 * The project configuration of a transcript file, read from disk: `.transcriptrc.json`, or the
 * `transcript` key of a `package.json`, in the file's directory or the nearest parent directory
 * that has one. Used by the command-line tool and the language server alike, so both analyse a file
 * with the same settings. Never throws: unreadable or invalid files come back as a {@link ConfigError}.
 *
 * The keys are those of the editor settings without the `transcript.` prefix:
 *
 *     { "questionSpeakers": ["记者"], "similarQuestionThreshold": 0.85,
 *       "rules": { "duplicate-question": "error", "similar-question": "off" } }
 *
 * Turn the `settings` of a found config into analysis settings with `mergeSettings` (core/settings).
 */
import * as fs from 'fs';
import * as path from 'path';

export const RC_FILE_NAME = '.transcriptrc.json';
export const PACKAGE_JSON_KEY = 'transcript';

export interface ConfigFile {
  /** Absolute path of the file the settings come from. */
  readonly path: string;
  /** The settings object as written (untrusted: validate with `resolveSettings` / `mergeSettings`). */
  readonly settings: unknown;
}

export interface ConfigError {
  /** Absolute path of the file that could not be used. */
  readonly path: string;
  /** What is wrong, for people: `Unexpected token } in JSON at position 12 (line 2, column 3)`. */
  readonly error: string;
}

export type ConfigResult = ConfigFile | ConfigError;

export function isConfigError(result: ConfigResult | undefined): result is ConfigError {
  return result !== undefined && 'error' in result;
}

/** Results by directory, to share between the files of one run (or until a config file changes). */
export type ConfigCache = Map<string, ConfigResult | undefined>;

/**
 * Finds the config that applies to `filePath`: walking up from its directory to the filesystem
 * root, the first directory with a `.transcriptrc.json`, or a `package.json` that has a
 * `transcript` key, decides (`.transcriptrc.json` first). Undefined when there is none. Used by
 * the CLI and the language server alike; with a cache, each directory is read once (two small files).
 */
export function findConfigSync(filePath: string, cache?: ConfigCache): ConfigResult | undefined {
  const visited: string[] = [];
  let result: ConfigResult | undefined;
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    if (cache?.has(dir)) {
      result = cache.get(dir);
      break;
    }
    visited.push(dir);
    result = configInDirectory(dir, readTextSync);
    if (result) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (cache) for (const each of visited) cache.set(each, result);
  return result;
}

/**
 * Reads a config file named explicitly (`--config`): a `package.json` must have a `transcript` key;
 * any other file is read as a whole settings object.
 */
export function loadConfigFileSync(configPath: string): ConfigResult {
  const absolute = path.resolve(configPath);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a config file' : `cannot be read (${code ?? String(error)})`;
    return { path: absolute, error: reason };
  }
  const isPackageJson = path.basename(absolute) === 'package.json';
  const result = parseConfigText(absolute, text, isPackageJson);
  return result ?? { path: absolute, error: `has no "${PACKAGE_JSON_KEY}" key` };
}

/**
 * Interprets the text of a config file. For a `package.json` (`fromPackageJson`), the settings are
 * its `transcript` key, and a package.json without one gives undefined.
 */
export function parseConfigText(filePath: string, text: string, fromPackageJson: boolean): ConfigResult | undefined {
  const json = text.replace(/^\ufeff/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { path: filePath, error: `invalid JSON: ${describeJsonError(error, json)}` };
  }
  if (fromPackageJson) {
    if (!isRecord(value) || !Object.prototype.hasOwnProperty.call(value, PACKAGE_JSON_KEY)) return undefined;
    value = value[PACKAGE_JSON_KEY];
    if (!isRecord(value)) return { path: filePath, error: `the "${PACKAGE_JSON_KEY}" key must hold an object of settings` };
  } else if (!isRecord(value)) {
    return { path: filePath, error: 'must contain a JSON object of settings' };
  }
  return { path: filePath, settings: value };
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'error'; message: string };

function configInDirectory(dir: string, read: (file: string) => ReadResult): ConfigResult | undefined {
  for (const [name, fromPackageJson] of CANDIDATES) {
    const file = path.join(dir, name);
    const content = read(file);
    if (content.kind === 'missing') continue;
    if (content.kind === 'error') return { path: file, error: content.message };
    const result = parseConfigText(file, content.text, fromPackageJson);
    if (result) return result;
  }
  return undefined;
}

const CANDIDATES: ReadonlyArray<readonly [string, boolean]> = [
  [RC_FILE_NAME, false],
  ['package.json', true],
];

/** Absent files, directories of that name and broken paths count as "no config here". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function readTextSync(file: string): ReadResult {
  try {
    return { kind: 'text', text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return readError(error);
  }
}

function readError(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && ABSENT.has(code)) return { kind: 'missing' };
  return { kind: 'error', message: `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})` };
}

/** `JSON.parse`'s message, with the line and column of its position when it names one. */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position || /\(line \d+/.test(message)) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `${message} (line ${line}, column ${column})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
