// Input bytes -> text for screening files. Exports from older systems are often
// windows-1252 and Excel's "Unicode text" is UTF-16: rather than screen mojibake (and miss
// "Société"), decode what the bytes say and report when it had to guess.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the UTF-8 BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** NUL characters do not occur in text files: this is a binary file read as text. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 65536).includes('\u0000');
}
