/**
 * Reads a transcript file from disk and decodes it, or says clearly why it cannot be read as text.
 *
 * - UTF-8 with a byte-order mark: the mark is removed (and remembered, so a rewrite can keep it);
 * - UTF-16 LE / BE with a byte-order mark: decoded;
 * - anything else must be strict UTF-8. UTF-16 without a byte-order mark, binary files and legacy
 *   encodings (GBK, Big5, Latin-1, …) are refused with a reason, never decoded into mojibake.
 */
import * as fs from 'fs';

export type TranscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type ReadTranscriptResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean; readonly encoding: TranscriptEncoding }
  | { readonly ok: false; readonly reason: string };

export const NOT_UTF8_REASON = 'not valid UTF-8 (is it GBK/Big5? convert it to UTF-8)';
export const UTF16_WITHOUT_BOM_REASON = 'looks like UTF-16 without a byte-order mark';
export const BINARY_REASON = 'binary file';

/** Bytes looked at to classify NUL and control bytes (the whole file is still decoded strictly). */
const SAMPLE_BYTES = 1 << 20;

export async function readTranscript(filePath: string): Promise<ReadTranscriptResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(filePath);
  } catch (error) {
    return { ok: false, reason: readFailure(error) };
  }
  return decodeTranscript(bytes);
}

export function readTranscriptSync(filePath: string): ReadTranscriptResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    return { ok: false, reason: readFailure(error) };
  }
  return decodeTranscript(bytes);
}

/** Decodes the bytes of a transcript file (see the module comment for what is accepted). */
export function decodeTranscript(bytes: Uint8Array): ReadTranscriptResult {
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) {
    return { ok: false, reason: 'UTF-32 is not supported (convert it to UTF-8)' };
  }
  if (startsWith(bytes, 0xff, 0xfe)) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, 0xfe, 0xff)) return decodeUtf16(bytes, 'utf-16be');

  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.indexOf(0) >= 0) {
    const utf16 = bom ? undefined : utf16WithoutBom(body);
    if (utf16) return { ok: false, reason: `${UTF16_WITHOUT_BOM_REASON} (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian); save it as UTF-8` };
    return { ok: false, reason: `${BINARY_REASON} (contains NUL bytes)` };
  }
  if (controlHeavy(body)) return { ok: false, reason: `${BINARY_REASON} (mostly control characters)` };
  try {
    // The decoder removes a leading byte-order mark itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, bom, encoding: 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(body);
    const where = at >= 0 ? `; first invalid byte on line ${lineOfOffset(body, at)}` : '';
    return { ok: false, reason: NOT_UTF8_REASON + where };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): ReadTranscriptResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { ok: true, text, bom: true, encoding };
  } catch {
    return { ok: false, reason: `not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (odd length or unpaired surrogates)` };
  }
}

/**
 * NUL bytes are what text in UTF-16 looks like to a byte reader: the zero half of every ASCII
 * character, line breaks at least. Binary files have them too, so the bytes are read in both byte
 * orders: the right one has line breaks and spaces where the wrong one has rare letters
 * (`\n` read the wrong way round is U+0A00), and text has (almost) no control characters.
 * Returns the byte order when one reads as plausible text.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1);
  let nuls = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nuls++;
  // Mostly Latin text has a zero byte in most units; CJK text has few, but is then not UTF-8 either.
  if (nuls < (sample.length / 2) * 0.1 && isValidUtf8(bytes)) return undefined;
  const le = textScore(sample, 'utf-16le');
  const be = textScore(sample, 'utf-16be');
  const best = le.spaces >= be.spaces ? le : be;
  if (le.spaces === be.spaces || best.spaces === 0 || !best.decoded) return undefined;
  return best.controls <= best.length * 0.01 ? best.encoding : undefined;
}

interface TextScore {
  readonly encoding: 'utf-16le' | 'utf-16be';
  readonly decoded: boolean;
  readonly length: number;
  /** Tabs, line breaks and spaces. */
  readonly spaces: number;
  readonly controls: number;
}

function textScore(sample: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): TextScore {
  let text: string;
  try {
    // `stream`: the sample may end inside a surrogate pair.
    text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    return { encoding, decoded: false, length: 0, spaces: 0, controls: 0 };
  }
  let spaces = 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) spaces++;
    else if (isControl(code)) controls++;
  }
  return { encoding, decoded: true, length: text.length, spaces, controls };
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function controlHeavy(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < length; i++) if (isControl(bytes[i])) controls++;
  return controls > 0 && controls >= Math.max(1, length * 0.02);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  return firstInvalidUtf8(bytes) < 0;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1];
    if (second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
