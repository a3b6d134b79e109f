// One line of bytes that is not valid UTF-8 -> text, losing nothing: the valid UTF-8
// sequences are read as UTF-8 and only the bytes that are not are read as windows-1252 (the
// usual culprit: a name typed in an older system, pasted into an otherwise UTF-8 export).
// Reading the whole line (or file) as windows-1252 instead would turn every correct "é" on
// it into "Ã©". Pure.

const utf8 = new TextDecoder('utf-8');

/**
 * windows-1252 as the WHATWG Encoding Standard defines it (0x81, 0x8D, ... map to C1
 * controls). Built on first use: a legacy decoder costs start-up time most runs never need.
 */
let cp1252: string[] | null = null;
function cp1252Table(): string[] {
  cp1252 ??= Array.from(new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i)));
  return cp1252;
}

const isCont = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
export function utf8SequenceLength(b: Uint8Array, i: number, end: number = b.length): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const at = (k: number) => (i + k < end ? b[i + k] : undefined);
  if (c >= 0xc2 && c <= 0xdf) return isCont(at(1)) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = at(1);
    if (c1 === undefined) return 0;
    // Overlong forms (E0 80..9F) and UTF-16 surrogates (ED A0..BF) are invalid.
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 > 0x9f) return 0;
    return isCont(c1) && isCont(at(2)) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = at(1);
    if (c1 === undefined) return 0;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return isCont(c1) && isCont(at(2)) && isCont(at(3)) ? 4 : 0;
  }
  return 0;
}

export interface MixedLine {
  text: string;
  /** The line also had valid multi-byte UTF-8 (so the file is UTF-8, damaged in places). */
  hadUtf8: boolean;
}

/** Decodes bytes that failed strict UTF-8: valid sequences as UTF-8, other bytes as windows-1252. */
export function decodeMixedLine(b: Uint8Array): MixedLine {
  const parts: string[] = [];
  let hadUtf8 = false;
  let runStart = 0;
  let i = 0;
  while (i < b.length) {
    const n = utf8SequenceLength(b, i);
    if (n > 0) {
      if (n > 1) hadUtf8 = true;
      i += n;
      continue;
    }
    if (runStart < i) parts.push(utf8.decode(b.subarray(runStart, i)));
    parts.push(cp1252Table()[b[i]]);
    i++;
    runStart = i;
  }
  if (runStart < b.length) parts.push(utf8.decode(b.subarray(runStart)));
  return { text: parts.join(''), hadUtf8 };
}

/**
 * Where a buffer can be cut without splitting a UTF-8 sequence: `end`, or up to three bytes
 * before it when the tail is the start of a sequence still missing its continuation bytes.
 */
export function utf8SafeCut(b: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const c = b[end - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}
