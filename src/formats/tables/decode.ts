// Input bytes -> text for screening files: the decoder every reader shares
// (src/formats/text-decode.ts), with its warnings as data for the page to word.
import { decodeWarnings, type DecodeWarning } from '../decode-warnings';
import { decodeBytes, type TextEncoding } from '../text-decode';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: DecodeWarning[];
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const { text, report } = decodeBytes(bytes);
  return { text, encoding: report.encoding, warnings: decodeWarnings(report) };
}

/** NUL characters do not occur in text files: this is a binary file read as text. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 65536).includes('\u0000');
}
