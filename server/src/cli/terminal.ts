/** Terminal helpers for the text reports: colors (when wanted) and display widths of CJK text. */

export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Colors only on a terminal, and never when NO_COLOR is set to anything but "" (https://no-color.org). */
export function wantsColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}

export interface Paint {
  readonly enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  gray(text: string): string;
  bold(text: string): string;
}

export function paint(enabled: boolean): Paint {
  const style =
    (open: number, close: number) =>
    (text: string): string =>
      enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    red: style(31, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
    gray: style(90, 39),
    bold: style(1, 22),
  };
}

/** Combining marks, format characters and variation selectors take no column. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** East Asian wide and fullwidth characters (CJK, kana, hangul, fullwidth forms, emoji) take two columns. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || ZERO_WIDTH.test(char)) return 0;
  return isWide(code) ? 2 : 1;
}

/** Columns the text takes in a terminal (without escape sequences). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** One line of at most `max` columns, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(oneLine) <= max) return oneLine;
  let result = '';
  let width = 0;
  for (const char of oneLine) {
    const w = charWidth(char);
    if (width + w > max - 1) break;
    result += char;
    width += w;
  }
  return result.trimEnd() + '…';
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export { plural } from '../core/words';

/** Control characters (an escape sequence hidden in a transcript) are shown, not sent to the terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
