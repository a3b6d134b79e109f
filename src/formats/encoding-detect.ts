// Which Unicode encoding a file's first bytes are in: a byte order mark when there is one,
// else the pattern of NUL bytes that UTF-16 and UTF-32 leave in mostly-Latin text (Excel's
// "Unicode text" and Notepad's "Unicode" are UTF-16LE, with or without a BOM). Anything
// else is read as UTF-8 (with a per-line windows-1252 fallback, see text-decode.ts).
// Pure: runs in the extension and in Node.

export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DetectedEncoding {
  encoding: UnicodeEncoding;
  /** Bytes of byte order mark to skip. */
  bomLength: number;
  /** How it was decided: a byte order mark, the NUL-byte pattern, or neither (UTF-8). */
  by: 'bom' | 'pattern' | 'default';
}

/** Bytes looked at for the NUL pattern: a few thousand characters decide it. */
export const DETECT_SAMPLE_BYTES = 4096;

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

function byBom(b: Uint8Array): DetectedEncoding | null {
  // UTF-32LE's mark begins with UTF-16LE's: test the longer one first.
  if (startsWith(b, [0xff, 0xfe, 0x00, 0x00])) return { encoding: 'utf-32le', bomLength: 4, by: 'bom' };
  if (startsWith(b, [0x00, 0x00, 0xfe, 0xff])) return { encoding: 'utf-32be', bomLength: 4, by: 'bom' };
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3, by: 'bom' };
  if (startsWith(b, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2, by: 'bom' };
  if (startsWith(b, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2, by: 'bom' };
  return null;
}

/** Share of code units (of `size` bytes) whose byte at `offset` is zero. */
function zeroShare(b: Uint8Array, size: number, offset: number): number {
  const units = Math.floor(b.length / size);
  if (units === 0) return 0;
  let zeros = 0;
  for (let u = 0; u < units; u++) if (b[u * size + offset] === 0) zeros++;
  return zeros / units;
}

/**
 * Text is text: a candidate decoding full of control characters is binary data that
 * happens to have NULs in the right places.
 */
function plausible(sample: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'): boolean {
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = new TextDecoder(encoding).decode(sample.subarray(0, sample.length & ~1));
  } else {
    const chars: number[] = [];
    const le = encoding === 'utf-32le';
    for (let i = 0; i + 3 < sample.length; i += 4) {
      const cp = le
        ? sample[i] | (sample[i + 1] << 8) | (sample[i + 2] << 16) | (sample[i + 3] << 24)
        : (sample[i] << 24) | (sample[i + 1] << 16) | (sample[i + 2] << 8) | sample[i + 3];
      chars.push(cp >>> 0 > 0x10ffff ? 0xfffd : cp);
    }
    text = chars.map((c) => String.fromCodePoint(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c)).join('');
  }
  if (text.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0);
    if (control || c === 0xfffd) bad++;
  }
  return bad / text.length <= 0.1;
}

function byPattern(b: Uint8Array): DetectedEncoding | null {
  const sample = b.subarray(0, DETECT_SAMPLE_BYTES);
  if (!sample.includes(0)) return null;
  // UTF-32 first: its NULs also fall on the odd positions UTF-16LE text has them on.
  if (sample.length >= 8) {
    const hi32 = Math.min(zeroShare(sample, 4, 2), zeroShare(sample, 4, 3));
    const lo32 = Math.min(zeroShare(sample, 4, 0), zeroShare(sample, 4, 1));
    if (hi32 >= 0.9 && zeroShare(sample, 4, 0) <= 0.1 && plausible(sample, 'utf-32le')) {
      return { encoding: 'utf-32le', bomLength: 0, by: 'pattern' };
    }
    if (lo32 >= 0.9 && zeroShare(sample, 4, 3) <= 0.1 && plausible(sample, 'utf-32be')) {
      return { encoding: 'utf-32be', bomLength: 0, by: 'pattern' };
    }
  }
  if (sample.length >= 4) {
    // Latin text in UTF-16 has a zero high byte on most characters (spaces and digits at
    // least, in any script); the low byte is almost never zero.
    const even = zeroShare(sample, 2, 0);
    const odd = zeroShare(sample, 2, 1);
    if (odd >= 0.2 && even <= 0.02 && plausible(sample, 'utf-16le')) {
      return { encoding: 'utf-16le', bomLength: 0, by: 'pattern' };
    }
    if (even >= 0.2 && odd <= 0.02 && plausible(sample, 'utf-16be')) {
      return { encoding: 'utf-16be', bomLength: 0, by: 'pattern' };
    }
  }
  return null;
}

/** The encoding of a file from its first bytes (at least DETECT_SAMPLE_BYTES when the file has them). */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  return byBom(head) ?? byPattern(head) ?? { encoding: 'utf-8', bomLength: 0, by: 'default' };
}
