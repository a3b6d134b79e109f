// Every limit on what the readers accept, in one place, so that `--help`, the README and the
// code say the same. Each is checked before the work it bounds (or while streaming, before
// the next block is read), and going over it is an error that names the limit: never a
// partial result that looks complete. Pure constants.

const MiB = 1024 * 1024;

/** `scan`: plain text is read in blocks, so its cap is about time, not memory. */
export const SCAN_MAX_TEXT_BYTES = 4 * 1024 * MiB;
/**
 * HTML pages and XML notices are parsed whole into a DOM, which takes many times their size
 * in memory.
 */
export const MAX_MARKUP_BYTES = 16 * MiB;
/** OCDS JSON is parsed whole; parsed JSON takes far less memory than a DOM. */
export const MAX_JSON_BYTES = 50 * MiB;
/** `scan`: one line of plain text is one block; a longer one is not a text file. */
export const SCAN_MAX_LINE_CHARS = 16 * MiB;
/**
 * `scan`: matches listed per input. Past it, only the first match of each company (and
 * level) is kept: every company found is still listed, repeats are counted.
 */
export const SCAN_MAX_LISTED_MATCHES = 100_000;

/** `screen` and the screening page: one file, read whole. */
export const SCREEN_MAX_FILE_BYTES = 50 * MiB;
/** `screen` and the screening page: names screened at once; beyond it the file should be split. */
export const SCREEN_MAX_NAMES = 100_000;
/** Longer than any company or person name: a cell like this is the wrong column or a broken file. */
export const SCREEN_MAX_NAME_CHARS = 1000;

/** .xlsx: the XML parts read (sheets, shared strings, styles), uncompressed, declared and actual. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 100 * MiB;
/** Tables: CSV rows, or .xlsx rows over all sheets, counted while parsing (before the name count). */
export const TABLE_MAX_ROWS = 200_000;
/** .xlsx: cells over all sheets (the empty cells a row skips count too), counted while inflating. */
export const XLSX_MAX_CELLS = 2_000_000;

/** XML (TED notices): element nesting; real notices nest about 15 deep. */
export const XML_MAX_DEPTH = 256;
/** HTML pages: element nesting; browsers stop nesting at 512, real pages at a few dozen. */
export const HTML_MAX_DEPTH = 512;

/** A byte count in MiB or GiB, as the messages and --help state limits. */
export function formatBytes(n: number): string {
  if (n >= 1024 * MiB && n % (1024 * MiB) === 0) return `${n / (1024 * MiB)} GiB`;
  if (n >= MiB) return `${Math.round((n / MiB) * 10) / 10} MiB`;
  return `${n} bytes`;
}
