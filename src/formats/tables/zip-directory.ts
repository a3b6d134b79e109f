// The central directory of a ZIP file (an .xlsx is one): each entry's name, compression,
// declared sizes and where its data starts. Nothing is inflated here, so a workbook's sizes
// can be checked before any of it is. Pure: reads the bytes with a DataView.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (anything else is not read). */
  method: number;
  compressedSize: number;
  /** Uncompressed size as the directory declares it (an attacker's number: checked while inflating). */
  size: number;
  /** Offset of the entry's data (after its local header). */
  dataOffset: number;
  encrypted: boolean;
}

/** Why a directory could not be read; null when it could. */
export type ZipDirectory = { entries: ZipEntry[]; error: null } | { entries: null; error: 'unreadable' | 'zip64' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder();
const latin1 = new TextDecoder('windows-1252');

function findEnd(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 65535; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return { entries: null, error: 'unreadable' };
  const count = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  // Over 65,535 entries or 4 GiB: no workbook of names is that large.
  if (count === 0xffff || dirOffset === 0xffffffff) return { entries: null, error: 'zip64' };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return { entries: null, error: 'unreadable' };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      return { entries: null, error: 'zip64' };
    }
    if (p + 46 + nameLength > bytes.length) return { entries: null, error: 'unreadable' };
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, close enough to Latin for the part names we compare.
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) {
      return { entries: null, error: 'unreadable' };
    }
    const dataOffset =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) return { entries: null, error: 'unreadable' };
    entries.push({ name, method, compressedSize, size, dataOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, error: null };
}
