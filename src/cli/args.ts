// Command-line parsing for `settlement-screen`. Hand-written (no dependency): the grammar
// is two commands and three options, and every error must be one clear line.

import {
  HTML_MAX_DEPTH,
  MAX_JSON_BYTES,
  MAX_MARKUP_BYTES,
  SCAN_MAX_LINE_CHARS,
  SCAN_MAX_LISTED_MATCHES,
  SCAN_MAX_TEXT_BYTES,
  SCREEN_MAX_FILE_BYTES,
  SCREEN_MAX_NAMES,
  SCREEN_MAX_NAME_CHARS,
  XLSX_MAX_CELLS,
  TABLE_MAX_ROWS,
  XLSX_MAX_UNCOMPRESSED_BYTES,
  XML_MAX_DEPTH,
  formatBytes,
} from '../formats/limits';

export type Command =
  | { kind: 'scan'; files: string[]; url: string | null; json: boolean }
  | { kind: 'check'; name: string; json: boolean }
  | { kind: 'help' }
  | { kind: 'version' };

/** Bad command line: the message is printed as is, and the exit code is 2. */
export class UsageError extends Error {}

/** Thousands separated by commas, without Intl (loading it costs start-up time on every run). */
const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The limits every reader enforces (src/formats/limits.ts), as --help states them. */
export const LIMITS = `Limits (checked before the work they bound; going over one is an error, exit code 2):
  scan      plain text: ${formatBytes(SCAN_MAX_TEXT_BYTES)} per input, read and scanned in blocks (bounded memory);
            a line of at most ${n(SCAN_MAX_LINE_CHARS)} characters
            parsed whole: HTML pages ${formatBytes(MAX_MARKUP_BYTES)}, OCDS JSON ${formatBytes(MAX_JSON_BYTES)} per input
            ${n(SCAN_MAX_LISTED_MATCHES)} matches listed per input; past that, each company found is still listed once
  screen    ${formatBytes(SCREEN_MAX_FILE_BYTES)} per file (OCDS JSON, CSV, XLSX, text), ${n(SCREEN_MAX_NAMES)} names, ${n(SCREEN_MAX_NAME_CHARS)} characters per name
  both      TED XML ${formatBytes(MAX_MARKUP_BYTES)}, nested at most ${n(XML_MAX_DEPTH)} levels; HTML nested at most ${n(HTML_MAX_DEPTH)} levels
  tables    CSV and XLSX: ${n(TABLE_MAX_ROWS)} rows, counted while parsing
  .xlsx     ${formatBytes(XLSX_MAX_UNCOMPRESSED_BYTES)} of XML uncompressed (declared and actual), ${n(XLSX_MAX_CELLS)} cells
Standard input is read with the same limits, and reading stops as soon as one is passed.`;

export const USAGE = `Usage:
  settlement-screen scan FILE... [--url URL] [--json]
  settlement-screen check "NAME" [--json]
  settlement-screen screen FILE [--column NAME] [--sheet NAME] [--json | --format csv]
  settlement-screen --help | --version

scan   FILE is an HTML page (scanned as the browser extension sees it: visible text only),
       a procurement data file (OCDS JSON; TED eForms or TED XML R2.0.9 notices: the names
       with the roles the file gives them), or plain text (each non-empty line is one block).
       The kind is detected from the content, then the extension. "-" reads standard input.
       --url URL tells which page the file is, so site-specific field rules apply.
check  Screens one name.
screen Screens every name in a CSV, XLSX, OCDS or TED file, one row per name
       (settlement-screen screen --help).
--json prints one JSON object per file (or per name), one per line.

${LIMITS}

Exit codes: 0 the scan ran (whatever it found), 2 bad input or usage, 1 internal error.`;

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  let json = false;
  let url: string | null = null;
  let help = false;
  let version = false;
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || a === '-' || !a.startsWith('-')) {
      positional.push(a);
    } else if (a === '--') {
      onlyPositional = true;
    } else if (a === '--json') {
      json = true;
    } else if (a === '--help' || a === '-h') {
      help = true;
    } else if (a === '--version' || a === '-V') {
      version = true;
    } else if (a === '--url' || a.startsWith('--url=')) {
      const v = a === '--url' ? argv[++i] : a.slice('--url='.length);
      if (v === undefined || v === '')
        throw new UsageError('--url needs a value, e.g. --url https://www.tenderned.nl/...');
      url = parseUrl(v);
    } else {
      throw new UsageError(`unknown option ${a} (see --help)`);
    }
  }
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  const [command, ...rest] = positional;
  if (command === undefined) throw new UsageError('no command given: use "scan FILE..." or "check NAME" (see --help)');
  if (command === 'scan') {
    if (rest.length === 0) throw new UsageError('scan needs at least one FILE');
    return { kind: 'scan', files: rest, url, json };
  }
  if (command === 'check') {
    if (url !== null) throw new UsageError('--url applies to scan only');
    if (rest.length !== 1) {
      throw new UsageError(`check takes exactly one NAME (got ${rest.length}); quote names with spaces`);
    }
    if (rest[0].trim() === '') throw new UsageError('check needs a non-empty NAME');
    return { kind: 'check', name: rest[0], json };
  }
  throw new UsageError(`unknown command "${command}": use "scan", "check" or "screen" (see --help)`);
}

function parseUrl(v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') throw new Error();
    return u.href;
  } catch {
    throw new UsageError(`--url "${v}" is not an http(s) URL`);
  }
}
