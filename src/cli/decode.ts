// Input bytes -> text for `scan`: the one decoder every reader shares (src/formats/text-decode.ts),
// with its warnings in English.

import { detectDataFormat } from '../formats/detect';
import { decodeWarningText, decodeWarnings } from '../formats/decode-warnings';
import { decodeBytes, type TextEncoding } from '../formats/text-decode';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  /** How the bytes were read, when that is anything but plain UTF-8 (one sentence each). */
  warnings: string[];
}

export function decodeInput(bytes: Uint8Array): Decoded {
  const { text, report } = decodeBytes(bytes);
  return { text, encoding: report.encoding, warnings: decodeWarnings(report).map(decodeWarningText) };
}

/**
 * Whether `scan` reads the text as an HTML page: the same content-first detection as
 * src/cli/inputs.ts (detectDataFormat), exported for tools that must agree with the CLI
 * (scripts/lib/eval-blocks.ts).
 */
export function looksLikeHtml(path: string | null, text: string): boolean {
  return detectDataFormat(path ?? '', text) === 'html';
}
