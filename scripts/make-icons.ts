// Generates public/icons/icon-{16,32,48,128}.png: a calm teal rounded square with a
// white magnifier (and, from 32px up, a check mark in the lens). No text, no network,
// no image library: shapes are signed-distance functions, anti-aliased by 4x4
// supersampling, written by the tiny PNG encoder below (node:zlib for deflate).
// Run: npx tsx scripts/make-icons.ts   (the PNGs are committed; rerun after changes)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128] as const;
const BACKGROUND: Rgb = [0x1f, 0x5f, 0x78];
const GLYPH: Rgb = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

type Rgb = [number, number, number];

// ---- PNG encoding (RFC 2083): signature, IHDR, IDAT, IEND; CRC-32 per chunk ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (row-major, 4 bytes each) to a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---- shapes, in unit coordinates (0..1, y down); negative distance = inside ----

function roundedSquare(x: number, y: number, inset: number, radius: number): number {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h);
}

function glyph(x: number, y: number, withCheck: boolean): boolean {
  const cx = 0.43;
  const cy = 0.43;
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - 0.215) - 0.045;
  if (ring <= 0) return true;
  if (segment(x, y, 0.6, 0.6, 0.78, 0.78) - 0.065 <= 0) return true;
  if (withCheck) {
    const check = Math.min(segment(x, y, 0.335, 0.44, 0.405, 0.51), segment(x, y, 0.405, 0.51, 0.53, 0.36));
    if (check - 0.035 <= 0) return true;
  }
  return false;
}

export function renderIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const withCheck = size >= 32;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (roundedSquare(x, y, size <= 16 ? 0 : 0.02, 0.2) <= 0) {
            bg++;
            if (glyph(x, y, withCheck)) fg++;
          }
        }
      }
      const i = (py * size + px) * 4;
      const alpha = bg / samples;
      // The glyph lies inside the square, so colour = mix by the glyph's share of it.
      const mix = bg > 0 ? fg / bg : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BACKGROUND[c] * (1 - mix) + GLYPH[c] * mix);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(root, 'public/icons');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = resolve(outDir, `icon-${size}.png`);
    const png = encodePng(size, size, renderIcon(size));
    writeFileSync(file, png);
    console.log(`${file} (${png.length} bytes)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
