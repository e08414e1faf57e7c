import { randomBytes } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BINARY_REASON,
  decodeTranscript,
  firstInvalidUtf8,
  NOT_UTF8_REASON,
  readTranscript,
  readTranscriptSync,
  UTF16_WITHOUT_BOM_REASON,
} from '../../server/src/node/readTranscript';

const ZH = '　　提问：书店的租金压力大吗？\n　　周明远：很大，我们把二楼改成了咖啡区。\n';
const EN = 'Q: What time does the ferry leave?\nA: At nine in the morning.\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** "提问：你好吗？" in GBK. */
const GBK = Buffer.from([0xcc, 0xe1, 0xce, 0xca, 0xa3, 0xba, 0xc4, 0xe3, 0xba, 0xc3, 0xc2, 0xf0, 0xa3, 0xbf, 0x0a]);

describe('decodeTranscript', () => {
  it('decodes UTF-8 without a byte-order mark', () => {
    expect(decodeTranscript(Buffer.from(ZH, 'utf8'))).toEqual({ ok: true, text: ZH, bom: false, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte-order mark and remembers it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EN, 'utf8')]);
    expect(decodeTranscript(bytes)).toEqual({ ok: true, text: EN, bom: true, encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ZH)]);
    expect(decodeTranscript(le)).toEqual({ ok: true, text: ZH, bom: true, encoding: 'utf-16le' });
    expect(decodeTranscript(be)).toEqual({ ok: true, text: ZH, bom: true, encoding: 'utf-16be' });
  });

  it('decodes an empty file', () => {
    expect(decodeTranscript(Buffer.alloc(0))).toEqual({ ok: true, text: '', bom: false, encoding: 'utf-8' });
  });

  it('refuses UTF-16 without a byte-order mark, Latin and CJK text, either byte order', () => {
    for (const bytes of [Buffer.from(EN, 'utf16le'), Buffer.from(ZH, 'utf16le'), utf16be(EN), utf16be(ZH)]) {
      const result = decodeTranscript(bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(UTF16_WITHOUT_BOM_REASON);
    }
    const le = decodeTranscript(Buffer.from(ZH, 'utf16le'));
    const be = decodeTranscript(utf16be(ZH));
    expect(!le.ok && le.reason).toContain('little-endian');
    expect(!be.ok && be.reason).toContain('big-endian');
  });

  it('recognizes the fixtures saved as UTF-16 without a byte-order mark', () => {
    for (const name of ['zh-interview.txt', 'en-podcast.transcript', 'en-qa.txt']) {
      const le = Buffer.from(readFileSync(path.resolve(__dirname, '..', 'fixtures', name), 'utf8'), 'utf16le');
      expect(decodeTranscript(le), name).toEqual({ ok: false, reason: expect.stringContaining('little-endian') });
      expect(decodeTranscript(Buffer.from(le).swap16()), name).toEqual({ ok: false, reason: expect.stringContaining('big-endian') });
    }
  });

  it('calls random bytes binary', () => {
    for (let i = 0; i < 20; i++) {
      expect(decodeTranscript(randomBytes(4096))).toEqual({ ok: false, reason: expect.stringContaining(BINARY_REASON) });
    }
  });

  it('calls files with NUL bytes in no UTF-16 pattern binary', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    const result = decodeTranscript(png);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(BINARY_REASON) });
    // A UTF-8 text with NUL bytes scattered over both parities.
    const mixed = Buffer.from('Q: one\u0000\u0000 two?\nA: three\u0000.\n', 'utf8');
    expect(decodeTranscript(mixed)).toEqual({ ok: false, reason: expect.stringContaining(BINARY_REASON) });
  });

  it('calls control-heavy content binary', () => {
    const bytes = Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42, 0x10, 0x11, 0x12, 0x0a, 0x1f, 0x7f]);
    expect(decodeTranscript(bytes)).toEqual({ ok: false, reason: expect.stringContaining(BINARY_REASON) });
    // A form feed or a tab in a long text is fine.
    expect(decodeTranscript(Buffer.from(EN.repeat(20) + '\f\t' + EN, 'utf8')).ok).toBe(true);
  });

  it('refuses invalid UTF-8 (GBK) with a hint and the line', () => {
    expect(new TextDecoder('gbk').decode(GBK)).toBe('提问：你好吗？\n');
    const result = decodeTranscript(Buffer.concat([Buffer.from('Title\nQ: a?\n', 'utf8'), GBK]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(NOT_UTF8_REASON);
      expect(result.reason).toContain('not valid UTF-8 (is it GBK/Big5? convert it to UTF-8)');
      expect(result.reason).toContain('line 3');
    }
  });

  it('refuses UTF-32', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    expect(decodeTranscript(bytes)).toEqual({ ok: false, reason: expect.stringContaining('UTF-32') });
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the strict decoder', () => {
    const cases: number[][] = [
      [0x41, 0x42],
      [0xe4, 0xb8, 0xad],
      [0xe4, 0xb8],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x41, 0xff],
      [0xe0, 0x80, 0x80],
    ];
    for (const bytes of cases) {
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(Uint8Array.from(bytes)) < 0, bytes.join(' ')).toBe(valid);
    }
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xff]))).toBe(2);
  });
});

describe('readTranscript', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files, sync and async, and names read failures', async () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, EN);
    expect(readTranscriptSync(file)).toEqual({ ok: true, text: EN, bom: false, encoding: 'utf-8' });
    expect(await readTranscript(file)).toEqual({ ok: true, text: EN, bom: false, encoding: 'utf-8' });
    expect(readTranscriptSync(path.join(dir, 'missing.txt'))).toEqual({ ok: false, reason: 'no such file' });
    expect(await readTranscript(dir)).toEqual({ ok: false, reason: 'is a directory' });
  });
});
