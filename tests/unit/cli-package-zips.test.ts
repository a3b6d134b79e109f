// The store-zip writer in scripts/package-zips.ts: entries read back byte for byte, CRCs
// match zlib's, and the archive is stable (same input, same bytes).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { crc32, directoryEntries, writeZip } from '../../scripts/package-zips';

/** Reads a zip through its central directory (independent of the writer's own loop). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(zlibCrc32(data)).toBe(crc);
    out.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('package-zips zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes a directory that reads back exactly, with sorted relative paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-zip-'));
    mkdirSync(join(dir, 'src/ui/popup'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x' }, null, 2));
    writeFileSync(join(dir, 'src/ui/popup/index.html'), '<!doctype html>'.repeat(50));
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    writeFileSync(join(dir, 'icon.png'), random);
    writeFileSync(join(dir, 'é.txt'), 'ünïcode name');

    const entries = directoryEntries(dir);
    expect(entries.map((e) => e.name)).toEqual(['icon.png', 'manifest.json', 'src/ui/popup/index.html', 'é.txt']);
    const zip = writeZip(entries);
    const back = readZip(zip);
    expect([...back.keys()]).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(back.get(e.name)?.equals(Buffer.from(e.data))).toBe(true);
    // Reproducible: no timestamps from the file system.
    expect(writeZip(directoryEntries(dir)).equals(zip)).toBe(true);

    // A second opinion from Info-ZIP when the machine has it.
    if (spawnSync('unzip', ['-v']).status === 0) {
      const file = join(dir, '..', `${Date.now()}-t.zip`);
      writeFileSync(file, zip);
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    }
  });
});
