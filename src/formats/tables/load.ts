// Reading what the user gives into names to screen: a paste, a CSV/TSV/text file, an .xlsx
// workbook, or a procurement data file (OCDS JSON, TED XML). Tables come back as tables so
// the page (or the CLI's --column) can choose the column; data files come back as names with
// the roles the file states. Pure: the XML parser is passed in (DOMParser in the browser,
// linkedom's in Node).
import { detectDataFormat, FormatError, parseDataFile, type DataFormat } from '..';
import { MAX_MARKUP_BYTES, SCREEN_MAX_FILE_BYTES } from '../limits';
import { parseCsvTable } from './csv-read';
import type { DecodeWarning } from '../decode-warnings';
import { decodeText, looksBinary } from './decode';
import { ScreeningInputError } from './errors';
import { MAX_NAME_LENGTH, MAX_ROWS, type SheetTable } from './table';
import type { ScreenInput } from '../../core/screening-types';
import { readXlsxTables } from './xlsx-read';

/** Big enough for any realistic supplier list or tender export, small enough to stay in memory. */
export const MAX_FILE_BYTES = SCREEN_MAX_FILE_BYTES;

/** How the file was decoded (src/formats/decode-warnings.ts), or what a data file's reader noted. */
export type ScreeningWarning = DecodeWarning | { code: 'data-file'; detail: string };

export type LoadedInput =
  | { kind: 'table'; format: 'csv' | 'tsv' | 'xlsx'; sheets: SheetTable[]; warnings: ScreeningWarning[] }
  | { kind: 'names'; format: 'lines' | DataFormat; inputs: ScreenInput[]; warnings: ScreeningWarning[] };

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Each non-empty line is one name (a paste, a .txt list). */
export function inputsFromLines(text: string): ScreenInput[] {
  const inputs: ScreenInput[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i].replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    if (name.length > MAX_NAME_LENGTH) {
      throw new ScreeningInputError({ code: 'cell-too-long', line: i + 1, count: name.length, limit: MAX_NAME_LENGTH });
    }
    inputs.push({ input: name, field: null, source: { kind: 'line', line: i + 1 } });
  }
  if (inputs.length === 0) throw new ScreeningInputError({ code: 'empty' });
  if (inputs.length > MAX_ROWS)
    throw new ScreeningInputError({ code: 'too-many-rows', count: inputs.length, limit: MAX_ROWS });
  return inputs;
}

/** Pasted text: one name per line, or a table when it has tabs (cells copied from a spreadsheet). */
export function loadPastedText(text: string): LoadedInput {
  if (text.includes('\t')) {
    return { kind: 'table', format: 'tsv', sheets: [parseCsvTable(text, { delimiter: '\t' })], warnings: [] };
  }
  return { kind: 'names', format: 'lines', inputs: inputsFromLines(text), warnings: [] };
}

function fromDataFile(
  fileName: string,
  bytes: number,
  text: string,
  parseXml: (s: string) => Document,
  warnings: ScreeningWarning[],
): LoadedInput {
  // XML is parsed into a DOM, which takes many times the file's size in memory.
  if (
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<') &&
    bytes > MAX_MARKUP_BYTES
  ) {
    throw new ScreeningInputError({ code: 'too-large', count: bytes, limit: MAX_MARKUP_BYTES });
  }
  let result;
  try {
    result = parseDataFile(fileName, text, parseXml);
  } catch (e) {
    if (e instanceof FormatError) {
      // The callers name the file themselves.
      const prefix = `${fileName}: `;
      const detail = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
      throw new ScreeningInputError({ code: 'data-file', detail });
    }
    throw e;
  }
  // Bulk screening lists the parties; the notice's other texts are for `scan` and the page.
  const inputs: ScreenInput[] = result.blocks
    .filter((b) => b.kind === 'party')
    .map((b) => ({
      input: b.text,
      field: b.field,
      source: { kind: 'path', path: b.source },
    }));
  if (inputs.length === 0) throw new ScreeningInputError({ code: 'empty' });
  if (inputs.length > MAX_ROWS)
    throw new ScreeningInputError({ code: 'too-many-rows', count: inputs.length, limit: MAX_ROWS });
  for (const w of result.warnings) warnings.push({ code: 'data-file', detail: w });
  return { kind: 'names', format: result.format, inputs, warnings };
}

/**
 * Reads a file for screening. Throws ScreeningInputError (what and where) for anything it
 * cannot read completely.
 */
export async function loadScreeningFile(
  fileName: string,
  bytes: Uint8Array,
  parseXml: (s: string) => Document,
): Promise<LoadedInput> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ScreeningInputError({ code: 'too-large', count: bytes.length, limit: MAX_FILE_BYTES });
  }
  if (bytes.length === 0) throw new ScreeningInputError({ code: 'empty' });
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { kind: 'table', format: 'xlsx', sheets: await readXlsxTables(bytes), warnings: [] };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new ScreeningInputError({ code: 'old-xls' });
  // A .xlsx that is not a ZIP is damaged (a truncated download keeps its name).
  if (ext === 'xlsx') throw new ScreeningInputError({ code: 'xlsx-corrupt' });
  const decoded = decodeText(bytes);
  const warnings: ScreeningWarning[] = [...decoded.warnings];
  const text = decoded.text;
  if (looksBinary(text)) throw new ScreeningInputError({ code: 'binary' });
  if (text.trim() === '') throw new ScreeningInputError({ code: 'empty' });
  // The extension decides for tables: a CSV of names may well start with "<" or "{".
  if (ext === 'csv') return { kind: 'table', format: 'csv', sheets: [parseCsvTable(text)], warnings };
  if (ext === 'tsv' || ext === 'tab') {
    return { kind: 'table', format: 'tsv', sheets: [parseCsvTable(text, { delimiter: '\t' })], warnings };
  }
  // Otherwise the content: downloads often carry the wrong extension (OCDS saved as .txt).
  const kind = detectDataFormat(fileName, text);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (kind === 'ocds' || kind === 'ted-xml') return fromDataFile(fileName, bytes.length, text, parseXml, warnings);
  if (ext === 'json' || ext === 'xml' || (kind === 'unknown' && (start.startsWith('{') || start.startsWith('<')))) {
    // Says what it expected (OCDS, TED) and what is wrong, e.g. a truncated export.
    return fromDataFile(fileName, bytes.length, text, parseXml, warnings);
  }
  if (kind === 'html' && ext !== 'txt') throw new ScreeningInputError({ code: 'html' });
  // Plain text: one name per line, unless it is tab-separated (spreadsheet "text" export).
  if (text.includes('\t')) {
    return { kind: 'table', format: 'tsv', sheets: [parseCsvTable(text, { delimiter: '\t' })], warnings };
  }
  return { kind: 'names', format: 'lines', inputs: inputsFromLines(text), warnings };
}
