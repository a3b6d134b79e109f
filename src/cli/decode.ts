// Input bytes -> text. Files from tender portals and webshops are mostly UTF-8, but saved
// pages and exports from older systems are often windows-1252: rather than scan mojibake
// (and miss "Société" or "–"), fall back and say so.

import { detectDataFormat } from '../formats/detect';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

export function decodeInput(bytes: Uint8Array): Decoded {
  try {
    // fatal: throw on invalid UTF-8 instead of inserting U+FFFD; the default ignoreBOM=false
    // strips a UTF-8 byte order mark.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Whether `scan` reads the text as an HTML page: the same content-first detection as
 * src/cli/inputs.ts (detectDataFormat), exported for tools that must agree with the CLI
 * (scripts/lib/eval-blocks.ts).
 */
export function looksLikeHtml(path: string | null, text: string): boolean {
  return detectDataFormat(path ?? '', text) === 'html';
}
