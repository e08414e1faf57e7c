// Draws images/icon.png (128x128): two speech bubbles, a question and an answer, on a dark tile.
// Pure Node (zlib) so it runs anywhere: node scripts/make-icon.mjs
import { writeFileSync } from 'fs';
import { deflateSync } from 'zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis for smooth edges

function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(x, right - radius));
  const cy = Math.max(top + radius, Math.min(y, bottom - radius));
  return Math.hypot(x - cx, y - cy) <= radius;
}

function triangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = side(x, y, ax, ay, bx, by);
  const d2 = side(x, y, bx, by, cx, cy);
  const d3 = side(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

const BACKGROUND = [30, 41, 59];
const QUESTION = [197, 134, 192];
const ANSWER = [86, 182, 194];
const TEXT = [248, 250, 252];

function colorAt(x, y) {
  if (!roundedRect(x, y, 2, 2, 126, 126, 22)) return null;
  // Question bubble (top left) with its tail, and three text bars.
  if (roundedRect(x, y, 14, 16, 88, 58, 12) || triangle(x, y, [26, 56], [42, 56], [22, 72])) {
    if ((y > 28 && y < 34 && x > 26 && x < 76) || (y > 40 && y < 46 && x > 26 && x < 60)) return TEXT;
    return QUESTION;
  }
  // Answer bubble (bottom right).
  if (roundedRect(x, y, 40, 66, 114, 108, 12) || triangle(x, y, [86, 106], [102, 106], [106, 122])) {
    if ((y > 78 && y < 84 && x > 52 && x < 102) || (y > 90 && y < 96 && x > 52 && x < 90)) return TEXT;
    return ANSWER;
  }
  return BACKGROUND;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = colorAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        r += color[0]; g += color[1]; b += color[2]; a += 255;
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = a / 255 || 1;
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[offset] = Math.round(r / covered);
    raw[offset + 1] = Math.round(g / covered);
    raw[offset + 2] = Math.round(b / covered);
    raw[offset + 3] = Math.round(a / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
