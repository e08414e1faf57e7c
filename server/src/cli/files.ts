/**
 * Which files to check: files as named, directories searched recursively for transcripts, and
 * simple globs (`*` and `?` within a path segment, `**` for any number of directories), minus
 * ignored names and paths. Node 20 has no fs.glob, so globs are matched here, segment by segment.
 *
 * - A file named explicitly is always checked, whatever its extension or the ignore patterns.
 * - Directories, and directories a glob matches, contribute their `*.txt` and `*.transcript` files.
 * - Hidden files and directories (names starting with a dot: `.git`, `.venv`) are not searched,
 *   and wildcards do not match them unless the pattern segment starts with a dot.
 * - Symbolic links to files are followed; symbolic links to directories are not walked into.
 */
import * as fs from 'fs';
import * as path from 'path';

export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.txt', '.transcript'];
export const DEFAULT_IGNORES: readonly string[] = ['node_modules', '.git'];

export interface ExpandOptions {
  readonly cwd: string;
  /** Ignore patterns, in addition to {@link DEFAULT_IGNORES}. */
  readonly ignore?: readonly string[];
}

export interface ExpandResult {
  /** Absolute paths, without repeats, in the order of the patterns (sorted by name within a directory). */
  readonly files: string[];
  /** One message per pattern that matched nothing or could not be read. */
  readonly errors: string[];
}

export function expandPatterns(patterns: readonly string[], options: ExpandOptions): ExpandResult {
  const ignore = new IgnoreMatcher([...DEFAULT_IGNORES, ...(options.ignore ?? [])], options.cwd);
  const seen = new Set<string>();
  const files: string[] = [];
  const errors: string[] = [];
  for (const pattern of patterns) {
    let found = 0;
    const add = (file: string): void => {
      found++;
      if (seen.has(file)) return;
      seen.add(file);
      files.push(file);
    };
    const problems: string[] = [];
    const literal = path.resolve(options.cwd, pattern);
    const stat = statOrUndefined(literal);
    if (stat?.isFile()) {
      add(literal);
      continue;
    }
    if (stat?.isDirectory()) {
      walkDirectory(literal, ignore, add, problems);
      if (found === 0 && problems.length === 0) problems.push(`${pattern}: no transcript files (${TRANSCRIPT_EXTENSIONS.map((ext) => '*' + ext).join(', ')}) in this directory`);
    } else if (hasGlob(pattern)) {
      expandGlob(pattern, options.cwd, ignore, add, problems);
      if (found === 0 && problems.length === 0) problems.push(`${pattern}: no files match this pattern`);
    } else if (stat) {
      problems.push(`${pattern}: not a file or directory`);
    } else {
      problems.push(`${pattern}: no such file or directory`);
    }
    errors.push(...problems);
  }
  return { files, errors };
}

export function hasGlob(text: string): boolean {
  return /[*?]/.test(text);
}

export function isTranscriptFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TRANSCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** A regular expression for one path segment: `*` is any run of characters but `/`, `?` one character. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** A regular expression for a whole path with `/` separators, where a `**` segment is any number of directories. */
export function globRegExp(pattern: string): RegExp {
  const segments = pattern.split('/');
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]*/)*';
    else source += segmentRegExp(segment).source.slice(1, -1) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`, 'u');
}

/**
 * `--ignore` patterns. A pattern without `/` is matched against every file and directory name
 * (`drafts`, `*.bak.txt`); one with `/` against the path from the current directory
 * (`archive/2023`, `archive/**\/old-*.txt`), or against the absolute path when it is absolute.
 * An ignored directory is not entered.
 */
export class IgnoreMatcher {
  private readonly names: RegExp[] = [];
  private readonly relativePaths: RegExp[] = [];
  private readonly absolutePaths: RegExp[] = [];

  constructor(
    patterns: readonly string[],
    private readonly cwd: string,
  ) {
    for (const raw of patterns) {
      let pattern = toSlashes(raw).replace(/\/+$/, '');
      while (pattern.startsWith('./')) pattern = pattern.slice(2);
      if (pattern === '') continue;
      if (!pattern.includes('/')) this.names.push(segmentRegExp(pattern));
      else if (path.isAbsolute(raw)) this.absolutePaths.push(globRegExp(pattern));
      else this.relativePaths.push(globRegExp(pattern));
    }
  }

  ignores(absolutePath: string, name: string = path.basename(absolutePath)): boolean {
    if (this.names.some((pattern) => pattern.test(name))) return true;
    if (this.absolutePaths.some((pattern) => pattern.test(toSlashes(absolutePath)))) return true;
    if (this.relativePaths.length === 0) return false;
    const relative = toSlashes(path.relative(this.cwd, absolutePath));
    return this.relativePaths.some((pattern) => pattern.test(relative));
  }
}

function toSlashes(text: string): string {
  return path.sep === '\\' ? text.replace(/\\/g, '/') : text;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function readDirectory(dir: string, problems: string[]): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    problems.push(`${dir}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return [];
  }
}

/** Is the entry a file, following a symbolic link; is it a real directory (links are not walked). */
function kindOf(dir: string, entry: fs.Dirent): 'file' | 'directory' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return statOrUndefined(path.join(dir, entry.name))?.isFile() ? 'file' : 'other';
  return 'other';
}

/** Adds the transcript files under `dir`, recursively, skipping ignored names and paths. */
function walkDirectory(dir: string, ignore: IgnoreMatcher, add: (file: string) => void, problems: string[]): void {
  for (const entry of readDirectory(dir, problems)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (ignore.ignores(full, entry.name)) continue;
    const kind = kindOf(dir, entry);
    if (kind === 'directory') walkDirectory(full, ignore, add, problems);
    else if (kind === 'file' && isTranscriptFile(entry.name)) add(full);
  }
}

function expandGlob(pattern: string, cwd: string, ignore: IgnoreMatcher, add: (file: string) => void, problems: string[]): void {
  const normalized = toSlashes(pattern);
  const root = path.isAbsolute(pattern) ? toSlashes(path.parse(pattern).root) : '';
  const segments = normalized.slice(root.length).split('/').filter((segment) => segment !== '' && segment !== '.');
  // The part without wildcards is where the search starts.
  let base = root ? path.resolve(root) : cwd;
  let i = 0;
  while (i < segments.length - 1 && !hasGlob(segments[i])) base = path.join(base, segments[i++]);
  const rest = segments.slice(i).filter((segment, k, all) => !(segment === '**' && all[k - 1] === '**'));
  if (!statOrUndefined(base)?.isDirectory()) return;

  const matched = (full: string): void => {
    const stat = statOrUndefined(full);
    if (stat?.isFile()) add(full);
    else if (stat?.isDirectory()) walkDirectory(full, ignore, add, problems);
  };

  const visit = (dir: string, index: number): void => {
    if (index === rest.length) {
      matched(dir);
      return;
    }
    const segment = rest[index];
    if (segment === '**') {
      if (index === rest.length - 1) {
        // A trailing `**`: everything below, as for a directory.
        walkDirectory(dir, ignore, add, problems);
        return;
      }
      visit(dir, index + 1);
      for (const entry of readDirectory(dir, problems)) {
        if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
        const full = path.join(dir, entry.name);
        if (!ignore.ignores(full, entry.name)) visit(full, index);
      }
      return;
    }
    if (!hasGlob(segment)) {
      const full = path.join(dir, segment);
      if (statOrUndefined(full) && !ignore.ignores(full, segment)) visit(full, index + 1);
      return;
    }
    const regexp = segmentRegExp(segment);
    const last = index === rest.length - 1;
    for (const entry of readDirectory(dir, problems)) {
      if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!regexp.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (ignore.ignores(full, entry.name)) continue;
      if (last) matched(full);
      else if (kindOf(dir, entry) === 'directory') visit(full, index + 1);
    }
  };
  visit(base, 0);
}
