/** `--fix`: apply the editor's "fix all" edits to the text and write the file back atomically. */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../core/lines';

/** Applies non-overlapping edits (LSP positions, UTF-16 columns) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = text.length;
  for (const span of spans) {
    if (span.end > limit) throw new Error('overlapping edits');
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
    limit = span.start;
  }
  return result;
}

/**
 * Replaces the file's content all at once: the new content goes to a temporary file in the same
 * directory (same file system), is flushed, takes the old file's permissions, and is renamed over
 * the file. Readers see the old or the new content, never a part. Through a symbolic link, the
 * file it points to is replaced. The temporary file is removed when anything fails.
 */
export function writeFileAtomicSync(file: string, content: string | Uint8Array): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // A new file: write it where it was named.
  }
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The mode given to open() is reduced by the umask; the file keeps its own permissions.
    if (mode !== undefined) {
      try {
        fs.chmodSync(temp, mode);
      } catch {
        // Best effort (file systems without permissions).
      }
    }
    fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
