// Bytes -> text for every reader (`scan`, `screen`, the screening page), whole or streamed in
// chunks, so that no text is silently lost:
//   - UTF-16 and UTF-32 (LE/BE) are recognised by their byte order mark, or without one by
//     the NUL bytes they leave in Latin text (encoding-detect.ts);
//   - UTF-8 is decoded strictly, a block of lines at a time; only a line that is not valid
//     UTF-8 is read again, with its invalid bytes as windows-1252 (utf8-mixed.ts), and the
//     report names those lines. One stray byte no longer turns a whole file into mojibake.
// Pure: TextDecoder exists in browsers and Node alike.
import { DETECT_SAMPLE_BYTES, detectEncoding, type DetectedEncoding, type UnicodeEncoding } from './encoding-detect';
import { decodeMixedLine, utf8SafeCut } from './utf8-mixed';

export type TextEncoding = UnicodeEncoding | 'windows-1252';

export interface DecodeReport {
  /** 'windows-1252' when no line was UTF-8 beyond ASCII and some were not UTF-8 at all. */
  encoding: TextEncoding;
  /** byte order mark, NUL-byte pattern, UTF-8 by default, or windows-1252 by fallback. */
  detectedBy: 'bom' | 'pattern' | 'default' | 'fallback';
  /** The first few line numbers (1-based) read with the windows-1252 fallback. */
  fallbackLines: number[];
  fallbackLineCount: number;
  /** Characters that could not be decoded at all (broken UTF-16/32) and became U+FFFD. */
  replaced: number;
}

/** How many fallback line numbers a report lists (the count covers the rest). */
export const LISTED_FALLBACK_LINES = 10;
/** Longest stretch decoded in one go; also the most held back while waiting for a line end. */
const REGION_BYTES = 1 << 20;

const EMPTY = new Uint8Array(0);
const LF = 10;
const CR = 13;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Line breaks (LF, CRLF, lone CR) in `b`; a CR at the very end counts as one. */
function countBreaks(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(LF); i !== -1; i = b.indexOf(LF, i + 1)) n++;
  for (let i = b.indexOf(CR); i !== -1; i = b.indexOf(CR, i + 1)) if (b[i + 1] !== LF) n++;
  return n;
}

/**
 * The end of the last complete line in buf[from, to): after an LF, or after a CR whose next
 * byte is known and is not LF (so a CRLF split across chunks is never cut in two). 0 if none.
 */
function lastLineEnd(buf: Uint8Array, from: number, to: number): number {
  let cut = 0;
  const lf = buf.lastIndexOf(LF, to - 1);
  if (lf >= from) cut = lf + 1;
  for (let cr = buf.lastIndexOf(CR, to - 1); cr >= from && cr + 1 > cut; cr = buf.lastIndexOf(CR, cr - 1)) {
    if (cr + 1 < buf.length && buf[cr + 1] !== LF) {
      cut = cr + 1;
      break;
    }
    if (cr === 0) break;
  }
  return cut;
}

/**
 * Decodes a stream of chunks. `push` returns the text decoded so far (UTF-8 is held back
 * to the last complete line), `end` the rest; `report` says how it was read.
 */
export class TextStreamDecoder {
  private head: Uint8Array[] = [];
  private headLength = 0;
  private detected: DetectedEncoding | null = null;
  private pending: Uint8Array = EMPTY;
  private utf16: TextDecoder | null = null;
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Line number at the start of the pending bytes. */
  private line = 1;
  private lastFallbackLine = 0;
  private fallbackLines: number[] = [];
  private fallbackLineCount = 0;
  private sawUtf8 = false;
  private replaced = 0;

  push(chunk: Uint8Array): string {
    if (this.detected) return this.decode(chunk, false);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < DETECT_SAMPLE_BYTES) return '';
    return this.start(false);
  }

  end(): string {
    if (!this.detected) return this.start(true);
    return this.decode(EMPTY, true);
  }

  get report(): DecodeReport {
    const list = { fallbackLines: [...this.fallbackLines], fallbackLineCount: this.fallbackLineCount };
    const encoding = this.detected?.encoding ?? 'utf-8';
    if (encoding === 'utf-8' && this.fallbackLineCount > 0 && !this.sawUtf8) {
      return { encoding: 'windows-1252', detectedBy: 'fallback', ...list, replaced: this.replaced };
    }
    return { encoding, detectedBy: this.detected?.by ?? 'default', ...list, replaced: this.replaced };
  }

  private start(final: boolean): string {
    const bytes = this.head.length === 1 ? this.head[0] : this.head.reduce(concat, EMPTY);
    this.head = [];
    this.detected = detectEncoding(bytes);
    const { encoding, bomLength } = this.detected;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      this.utf16 = new TextDecoder(encoding, { ignoreBOM: true });
    }
    return this.decode(bytes.subarray(bomLength), final);
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    switch (this.detected!.encoding) {
      case 'utf-8':
        return this.decodeUtf8(chunk, final);
      case 'utf-16le':
      case 'utf-16be': {
        const text = this.utf16!.decode(chunk, { stream: !final });
        this.replaced += countReplacements(text);
        return text;
      }
      case 'utf-32le':
      case 'utf-32be':
        return this.decodeUtf32(chunk, final, this.detected!.encoding === 'utf-32le');
    }
  }

  private decodeUtf32(chunk: Uint8Array, final: boolean, le: boolean): string {
    const buf = concat(this.pending, chunk);
    const whole = buf.length - (buf.length % 4);
    const parts: string[] = [];
    let codes: number[] = [];
    for (let i = 0; i < whole; i += 4) {
      const cp =
        (le
          ? buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)
          : (buf[i] << 24) | (buf[i + 1] << 16) | (buf[i + 2] << 8) | buf[i + 3]) >>> 0;
      const valid = cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
      if (!valid) this.replaced++;
      codes.push(valid ? cp : 0xfffd);
      if (codes.length === 8192) {
        parts.push(String.fromCodePoint(...codes));
        codes = [];
      }
    }
    if (codes.length > 0) parts.push(String.fromCodePoint(...codes));
    this.pending = buf.slice(whole);
    if (final && this.pending.length > 0) {
      // A file cut inside its last character.
      this.replaced++;
      parts.push('\ufffd');
      this.pending = EMPTY;
    }
    return parts.join('');
  }

  private decodeUtf8(chunk: Uint8Array, final: boolean): string {
    const buf = concat(this.pending, chunk);
    const out: string[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const windowEnd = Math.min(buf.length, pos + REGION_BYTES);
      let cut = final && windowEnd === buf.length ? buf.length : lastLineEnd(buf, pos, windowEnd);
      if (cut <= pos) {
        // No line end in a full window: a very long line is decoded in pieces, each ending
        // on a character boundary (and never between the CR and LF of a line end).
        if (windowEnd - pos < REGION_BYTES) break;
        cut = utf8SafeCut(buf, windowEnd);
        if (buf[cut - 1] === CR) cut--;
        if (cut <= pos) cut = windowEnd;
      }
      out.push(this.decodeRegion(buf.subarray(pos, cut)));
      pos = cut;
    }
    this.pending = pos === buf.length ? EMPTY : buf.slice(pos);
    return out.join('');
  }

  /** Whole lines (the last possibly unfinished) of UTF-8, strictly, else line by line. */
  private decodeRegion(region: Uint8Array): string {
    let text: string | null = null;
    try {
      text = this.strict.decode(region);
    } catch {
      text = null;
    }
    if (text !== null) {
      if (text.length !== region.length) this.sawUtf8 = true;
      this.line += countBreaks(region);
      return text;
    }
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < region.length; i++) {
      const c = region[i];
      if (c !== LF && c !== CR) continue;
      const end = c === CR && region[i + 1] === LF ? i + 2 : i + 1;
      out.push(this.decodeLine(region.subarray(start, end)));
      this.line++;
      start = end;
      i = end - 1;
    }
    if (start < region.length) out.push(this.decodeLine(region.subarray(start)));
    return out.join('');
  }

  private decodeLine(bytes: Uint8Array): string {
    try {
      const text = this.strict.decode(bytes);
      if (text.length !== bytes.length) this.sawUtf8 = true;
      return text;
    } catch {
      const mixed = decodeMixedLine(bytes);
      if (mixed.hadUtf8) this.sawUtf8 = true;
      // A long line decoded in pieces is still one line.
      if (this.lastFallbackLine !== this.line) {
        this.lastFallbackLine = this.line;
        this.fallbackLineCount++;
        if (this.fallbackLines.length < LISTED_FALLBACK_LINES) this.fallbackLines.push(this.line);
      }
      return mixed.text;
    }
  }
}

/** A whole input at once. */
export function decodeBytes(bytes: Uint8Array): { text: string; report: DecodeReport } {
  const decoder = new TextStreamDecoder();
  const text = decoder.push(bytes) + decoder.end();
  return { text, report: decoder.report };
}
