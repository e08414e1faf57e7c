import { readFileSync } from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  const offsets: number[] = [];
  let offset = 0;
  const breaks = text.match(/\r\n|\r|\n/g) ?? [];
  for (let i = 0; i < lines.length; i++) {
    offsets.push(offset);
    offset += lines[i].length + (breaks[i]?.length ?? 0);
  }
  return text.slice(offsets[range.start.line] + range.start.character, offsets[range.end.line] + range.end.character);
}

/** 1-based line numbers, as people read them. */
export function lineNumbers(items: Array<{ line: number }>): number[] {
  return items.map((item) => item.line + 1);
}
