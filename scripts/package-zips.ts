// Packs the built extensions for the stores:
//   dist/chrome  -> dist/settlement-screen-chrome-<version>.zip  (our own small zip writer:
//                   Chrome wants the folder's files at the zip's root, nothing more)
//   dist/firefox -> dist/settlement-screen-firefox-<version>.zip (web-ext build, Mozilla's
//                   own packer, which also skips files AMO rejects)
// The Chrome zip is reproducible: sorted entries and a fixed timestamp.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---- a minimal zip writer (PKWARE APPNOTE 6.3: local headers, central directory, EOCD) ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00, the earliest DOS date: a fixed time keeps the zip byte-for-byte stable.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export interface ZipEntry {
  /** Path inside the zip, with forward slashes. */
  name: string;
  data: Uint8Array;
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const deflated = deflateRawSync(data, { level: 9 });
    // Store when deflate does not help (PNG icons, tiny files).
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : Buffer.from(data);
    if (body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('zip64 is not supported');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // bit 11: names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file 0644
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Every file under `dir`, sorted, as zip entries relative to `dir`. */
export function directoryEntries(dir: string): ZipEntry[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && name !== '.DS_Store') files.push(p);
    }
  };
  walk(dir);
  return files
    .map((p) => relative(dir, p).split(sep).join('/'))
    .sort()
    .map((name) => ({ name, data: readFileSync(join(dir, name)) }));
}

// ---- the packaging step ----

function packageAll(): void {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  for (const target of ['chrome', 'firefox']) {
    if (!existsSync(join(root, 'dist', target, 'manifest.json'))) {
      console.error(`package-zips: dist/${target}/manifest.json is missing: run \`npm run build:${target}\` first`);
      process.exit(1);
    }
  }
  const chromeZip = join(root, 'dist', `settlement-screen-chrome-${version}.zip`);
  const entries = directoryEntries(join(root, 'dist/chrome'));
  writeFileSync(chromeZip, writeZip(entries));
  console.log(`package-zips: ${relative(root, chromeZip)} (${entries.length} files)`);

  const firefoxName = `settlement-screen-firefox-${version}.zip`;
  const webExt = join(root, 'node_modules/.bin/web-ext');
  const r = spawnSync(
    webExt,
    [
      'build',
      '--source-dir',
      'dist/firefox',
      '--artifacts-dir',
      'dist',
      '--filename',
      firefoxName,
      '--overwrite-dest',
      '--no-config-discovery',
    ],
    // No update check against the registry from a build step.
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    },
  );
  if (r.status !== 0) {
    console.error(`package-zips: web-ext build failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  console.log(`package-zips: dist/${firefoxName} (web-ext build)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) packageAll();
