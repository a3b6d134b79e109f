// Lists users bring (a municipality's own list, an NGO export): CSV or JSON in the format
// documented in docs/import-format.md, turned into the SourceList the compiler reads.
// Pure: no DOM, no extension APIs; the options page reads the file and stores the result.
//
// Bad input is refused as a whole with an ImportError that says what and where (row,
// column, line): a list that silently lost rows would look complete and screen nothing.
// Things that do not lose data (an unknown column, a repeated name, a date we cannot read)
// are warnings the user sees before importing.
import Papa from 'papaparse';
import type { SourceEntry, SourceList } from './compile';
import { validate as validateImportedList, type SchemaError } from '../generated/validate-imported-list';
import { parseLooseDate } from './dates';
import { normalizeName } from './normalize';

/** Metadata typed into the import form. Empty strings count as not given. */
export interface ImportMetaInput {
  title?: string;
  publisher?: string;
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
  published?: string;
  version?: string;
  coverageNote?: string;
}

export type ImportFormat = 'csv' | 'json';

export type ImportErrorCode =
  | 'unknown-format'
  | 'empty-file'
  | 'too-large'
  | 'not-utf8'
  | 'csv-quotes'
  | 'csv-field-count'
  | 'no-name-column'
  | 'duplicate-column'
  | 'empty-name'
  | 'bad-url'
  | 'huge-cell'
  | 'too-many-entries'
  | 'no-entries'
  | 'json-syntax'
  | 'json-truncated'
  | 'json-shape'
  | 'missing-title'
  | 'missing-publisher'
  | 'bad-date';

export type ImportWarningCode = 'duplicate-name' | 'unknown-column' | 'bad-entry-date';

/**
 * Where a problem is. CSV: `row` is the spreadsheet row (the header is row 1) and `column`
 * the header name. JSON: `row` is the entry number (first entry = 1) and `column` the field
 * name; `line`/`col` point into the file text for syntax errors. Metadata problems carry
 * only `column` (the form field: title, publisher, published).
 */
export interface ImportLocation {
  row?: number;
  column?: string;
  line?: number;
  col?: number;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly format: ImportFormat | null,
    readonly at: ImportLocation,
    /** The offending value or other specifics (shortened), for the message. */
    readonly detail: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportWarning {
  code: ImportWarningCode;
  at: ImportLocation;
  detail: string;
  message: string;
}

export interface ParsedImport {
  list: SourceList;
  format: ImportFormat;
  warnings: ImportWarning[];
}

/** Longest text accepted in one cell or field: longer is a broken file, not a name. */
export const MAX_CELL_CHARS = 2000;
export const MAX_ENTRIES = 50_000;
/** 20 million characters: far beyond any real list, small enough for IndexedDB and the UI. */
export const MAX_FILE_CHARS = 20_000_000;
export const IMPORTED_ID_PREFIX = 'user:';

/** CSV columns, as documented. Header cells match case-insensitively, spaces = underscores. */
export const CSV_COLUMNS = ['name', 'aliases', 'country', 'criterion', 'rationale', 'source_url', 'date'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const DATE_RE = /^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$/;

// ---------------------------------------------------------------- entry point

/**
 * Parse an imported list file. `fileName` decides the format (.csv / .json; otherwise the
 * content is sniffed). Throws ImportError; never returns a partial list.
 */
export function parseImportedList(fileName: string, text: string, meta: ImportMetaInput = {}): ParsedImport {
  const format = detectFormat(fileName, text);
  if (text.length > MAX_FILE_CHARS) {
    throw new ImportError(
      'too-large',
      format,
      {},
      String(MAX_FILE_CHARS),
      `The file is too large (${text.length} characters; at most ${MAX_FILE_CHARS}).`,
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ImportError('empty-file', format, {}, '', 'The file is empty.');
  checkEncoding(body, format);
  return format === 'csv' ? parseCsv(body, meta) : parseJson(body, meta);
}

function detectFormat(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  if (start !== undefined && !/\.[a-z0-9]{1,5}$/i.test(fileName)) return 'csv';
  throw new ImportError('unknown-format', null, {}, fileName, `"${fileName}" is neither a .csv nor a .json file.`);
}

/**
 * A file that is not UTF-8 reaches us already decoded with U+FFFD for every byte that did
 * not decode (Latin-1 "é", Windows-1252 quotes), or with NUL between the letters (UTF-16).
 */
function checkEncoding(text: string, format: ImportFormat): void {
  const bad = text.search(/[\uFFFD\u0000]/);
  if (bad < 0) return;
  const { line, col } = lineCol(text, bad);
  const utf16 = text[bad] === '\u0000';
  throw new ImportError(
    'not-utf8',
    format,
    { line, col },
    utf16 ? 'UTF-16' : '',
    `Line ${line}, character ${col}: the file is probably not UTF-8${utf16 ? ' (it looks like UTF-16)' : ''}. ` +
      'Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.',
  );
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

// ---------------------------------------------------------------- metadata

/** The list's own fields in a JSON file (a CSV file has none). */
type FileMeta = Partial<Omit<SourceList, 'entries' | 'categories'>>;

/** Form fields win over the file's own metadata; the file fills what the form leaves empty. */
function buildList(
  format: ImportFormat,
  meta: ImportMetaInput,
  file: FileMeta,
  entries: SourceEntry[],
  categories: NonNullable<SourceList['categories']>,
): SourceList {
  const given = (s: string | null | undefined) => (typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined);
  const title = given(meta.title) ?? given(file.title);
  const publisher = given(meta.publisher) ?? given(file.publisher);
  if (!title) throw new ImportError('missing-title', format, { column: 'title' }, '', 'The list needs a title.');
  if (!publisher) {
    throw new ImportError('missing-publisher', format, { column: 'publisher' }, '', 'The list needs a publisher.');
  }
  const published = given(meta.published) ?? given(file.published) ?? null;
  if (published !== null && !DATE_RE.test(published)) {
    throw new ImportError(
      'bad-date',
      format,
      { column: 'published' },
      shorten(published),
      `The publication date "${shorten(published)}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD.`,
    );
  }
  for (const [field, value] of [
    ['title', title],
    ['publisher', publisher],
    ['version', given(meta.version) ?? given(file.version)],
    ['coverage_note', given(meta.coverageNote) ?? given(file.coverage_note)],
  ] as const) {
    if (value && value.length > MAX_CELL_CHARS) throw hugeCell(format, { column: field }, value.length);
  }
  const version = given(meta.version) ?? given(file.version);
  const url = given(file.url);
  return {
    id: IMPORTED_ID_PREFIX + listSlug(given(file.id) ?? title),
    title,
    publisher,
    url: url && isHttpUrl(url) ? url : '',
    published,
    ...(version ? { version } : {}),
    coverage_note: given(meta.coverageNote) ?? given(file.coverage_note) ?? '',
    ...(given(file.regime) ? { regime: given(file.regime) } : {}),
    categories,
    entries,
  };
}

function listSlug(s: string): string {
  return (
    normalizeName(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'list'
  );
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function hugeCell(format: ImportFormat, at: ImportLocation, length: number): ImportError {
  const where =
    at.row !== undefined
      ? `${format === 'csv' ? 'Row' : 'Entry'} ${at.row}, ${format === 'csv' ? 'column' : 'field'} ${at.column}`
      : `Field ${at.column}`;
  return new ImportError(
    'huge-cell',
    format,
    at,
    String(length),
    `${where}: the text is ${length} characters long (at most ${MAX_CELL_CHARS}). The file is probably broken (a missing quote or line break).`,
  );
}

// ---------------------------------------------------------------- CSV

function parseCsv(text: string, meta: ImportMetaInput): ParsedImport {
  // Guess the delimiter on the first rows with blank lines skipped (a blank line defeats
  // papaparse's guess), then parse everything with blank lines kept, so row numbers stay
  // the ones a spreadsheet shows. '|' is never a delimiter: it separates aliases.
  const guess = Papa.parse<string[]>(text, {
    preview: 20,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const parsed = Papa.parse<string[]>(text, { delimiter: guess.meta.delimiter || ',', skipEmptyLines: false });
  const rows = parsed.data;
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const r = quoteError.row ?? 0;
    const header = rows[0] ?? [];
    const cells = rows[r] ?? [];
    const column = header[Math.max(0, cells.length - 1)]?.trim() || String(cells.length);
    const { line } = lineCol(text, quoteError.index ?? 0);
    throw new ImportError(
      'csv-quotes',
      'csv',
      { row: r + 1, column, line },
      '',
      `Row ${r + 1}, column ${column}: a quoted cell is not closed properly (line ${line}). ` +
        'The file may be cut off, or a quote character inside a cell is not doubled.',
    );
  }

  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = rows.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new ImportError('empty-file', 'csv', {}, '', 'The file is empty.');
  const header = rows[headerIndex].map((h) => h.trim());
  const keys = header.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const columnOf = new Map<CsvColumn, number>();
  const warnings: ImportWarning[] = [];
  keys.forEach((k, i) => {
    if (k === '') return;
    if ((CSV_COLUMNS as readonly string[]).includes(k)) {
      if (columnOf.has(k as CsvColumn)) {
        throw new ImportError(
          'duplicate-column',
          'csv',
          { row: headerIndex + 1, column: header[i] },
          header[i],
          `Row ${headerIndex + 1}: the column "${header[i]}" appears twice in the header.`,
        );
      }
      columnOf.set(k as CsvColumn, i);
    } else {
      warnings.push({
        code: 'unknown-column',
        at: { row: headerIndex + 1, column: header[i] },
        detail: header[i],
        message: `The column "${shorten(header[i])}" is not one this format uses; it is ignored.`,
      });
    }
  });
  const nameCol = columnOf.get('name');
  if (nameCol === undefined) {
    const found = header.filter((h) => h !== '').map((h) => shorten(h, 40));
    throw new ImportError(
      'no-name-column',
      'csv',
      { row: headerIndex + 1 },
      found.join(', '),
      `Row ${headerIndex + 1} must be a header with a "name" column; found: ${found.join(', ') || 'nothing'}.`,
    );
  }

  const entries: SourceEntry[] = [];
  const categories: Record<string, string> = {};
  const firstRowOf = new Map<string, number>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r];
    const row = r + 1;
    if (isBlank(cells)) continue;
    if (cells.length < header.length || cells.slice(header.length).some((c) => c.trim() !== '')) {
      const last = r === rows.length - 1 || rows.slice(r + 1).every(isBlank);
      throw new ImportError(
        'csv-field-count',
        'csv',
        { row },
        `${cells.length}/${header.length}`,
        `Row ${row} has ${cells.length} cells but the header has ${header.length}.` +
          (last && cells.length < header.length ? ' The file may be cut off.' : ''),
      );
    }
    cells.forEach((c, i) => {
      if (c.length > MAX_CELL_CHARS) throw hugeCell('csv', { row, column: header[i] || String(i + 1) }, c.length);
    });
    const cell = (col: CsvColumn) => {
      const i = columnOf.get(col);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (entries.length >= MAX_ENTRIES) throw tooMany('csv');
    const name = cell('name');
    if (!name) {
      throw new ImportError(
        'empty-name',
        'csv',
        { row, column: header[nameCol] },
        '',
        `Row ${row}: the name is empty.`,
      );
    }
    const url = cell('source_url');
    if (url && !isHttpUrl(url)) throw badUrl('csv', row, header[columnOf.get('source_url')!], url);
    const date = cell('date');
    if (date && !parseLooseDate(date)) {
      warnings.push({
        code: 'bad-entry-date',
        at: { row, column: header[columnOf.get('date')!] },
        detail: shorten(date),
        message: `Row ${row}: the date "${shorten(date)}" is not a date we can read; it is shown as written.`,
      });
    }
    noteDuplicate(name, row, firstRowOf, warnings, 'csv');
    const criteria = splitList(cell('criterion'));
    for (const c of criteria) categories[c] = c;
    entries.push({
      name,
      aliases: splitList(cell('aliases')).filter((a) => a !== name),
      country: cell('country') || null,
      categories: criteria,
      rationale: cell('rationale'),
      evidence_url: url,
      ...(date ? { listed: date } : {}),
    });
  }
  if (entries.length === 0) {
    throw new ImportError('no-entries', 'csv', {}, '', 'The file has a header but no entries.');
  }
  return { list: buildList('csv', meta, {}, entries, categories), format: 'csv', warnings };
}

/** "A | B|B" -> ["A", "B"]: trimmed, empty and repeated parts dropped. */
function splitList(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split('|')) {
    const s = part.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function badUrl(format: ImportFormat, row: number, column: string, url: string): ImportError {
  const where = format === 'csv' ? `Row ${row}, column ${column}` : `Entry ${row}, field ${column}`;
  return new ImportError(
    'bad-url',
    format,
    { row, column },
    shorten(url),
    `${where}: "${shorten(url)}" is not a web address (it must start with http:// or https://).`,
  );
}

function tooMany(format: ImportFormat): ImportError {
  return new ImportError(
    'too-many-entries',
    format,
    {},
    String(MAX_ENTRIES),
    `The file has more than ${MAX_ENTRIES} entries.`,
  );
}

/**
 * Repeated names are a warning, not an error: lists legitimately name a company twice
 * (two criteria, two subsidiaries with one name), and both entries are kept. They are
 * shown as one company, as the compiler joins identical names.
 */
function noteDuplicate(
  name: string,
  row: number,
  firstRowOf: Map<string, number>,
  warnings: ImportWarning[],
  format: ImportFormat,
): void {
  const key = normalizeName(name);
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, row);
    return;
  }
  const unit = format === 'csv' ? 'Row' : 'Entry';
  warnings.push({
    code: 'duplicate-name',
    at: { row, column: 'name' },
    detail: String(first),
    message: `${unit} ${row} repeats the name "${shorten(name)}" of ${unit.toLowerCase()} ${first}; both are kept and shown as one company.`,
  });
}

// ---------------------------------------------------------------- JSON

/** What a JSON field should have been (ImportError.detail of 'json-shape'; the UI words it). */
export type JsonExpected = 'list-object' | 'entries' | 'entry' | 'text' | 'texts' | 'date' | 'categories' | 'status';

const JSON_EXPECTED: Record<JsonExpected, string> = {
  'list-object': 'an object with "title", "publisher" and "entries"',
  entries: 'a list of entries',
  entry: 'an object with a "name"',
  text: 'a text',
  texts: 'a list of texts',
  date: 'a date written YYYY, YYYY-MM or YYYY-MM-DD',
  categories: 'an object mapping each criterion code to its text',
  status: '"listed" or "delisted"',
};

/** A JSON file the validator accepted: the list file shape with only the entries, and their names, required. */
type ImportedEntry = Partial<SourceEntry> & Pick<SourceEntry, 'name'>;
type ImportedFile = Partial<Omit<SourceList, 'entries'>> & { entries: ImportedEntry[] };

function parseJson(text: string, meta: ImportMetaInput): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(text, err);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw shapeError([], 'list-object');
  const entriesIn = (data as { entries?: unknown }).entries;
  if (Array.isArray(entriesIn) && entriesIn.length > MAX_ENTRIES) throw tooMany('json');
  const file = tidy(data, []);
  // The shape is data/schema/list.schema.json's, compiled at build time (scripts/lib/schema-code.ts).
  if (!validateImportedList(file)) throw schemaError(validateImportedList.errors?.[0], file);
  const valid = file as ImportedFile;

  const entries: SourceEntry[] = [];
  const warnings: ImportWarning[] = [];
  const firstRowOf = new Map<string, number>();
  valid.entries.forEach((raw, i) => {
    const row = i + 1;
    const name = raw.name;
    const entry: SourceEntry = {
      name,
      aliases: (raw.aliases ?? []).filter((a) => a !== name),
      country: raw.country ?? null,
      categories: raw.categories ?? [],
      rationale: raw.rationale ?? '',
      evidence_url: raw.evidence_url ?? '',
    };
    if (raw.status) entry.status = raw.status;
    for (const key of ['entity_type', 'listed', 'listed_since', 'designated', 'delisted_table_date'] as const) {
      const v = raw[key];
      if (v) entry[key] = v;
    }
    const xref = raw.also_in_ohchr_database_2025 ?? [];
    if (xref.length > 0) entry.also_in_ohchr_database_2025 = xref;
    noteDuplicate(name, row, firstRowOf, warnings, 'json');
    entries.push(entry);
  });
  if (entries.length === 0) throw new ImportError('no-entries', 'json', {}, '', 'The file has no entries.');
  const { entries: _entries, categories, ...fileMeta } = valid;
  return {
    list: buildList('json', meta, fileMeta, entries, categories ?? {}),
    format: 'json',
    warnings,
  };
}

type JsonPath = (string | number)[];

/**
 * Whether a stored list still has the shape of an imported list (the same schema as the
 * import): a record damaged in storage is left out rather than compiled.
 */
export function isImportedListShape(list: unknown): boolean {
  try {
    return typeof list === 'object' && list !== null && validateImportedList(tidy(list, []));
  } catch {
    return false;
  }
}

/**
 * The file as the import reads it: texts trimmed, and empty texts and nulls taken as absent
 * (spreadsheet exports write "" and null for an empty cell). Refuses a text too long for a cell.
 */
function tidy(value: unknown, path: JsonPath): unknown {
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_CHARS) throw hugeCell('json', locationOf(path), value.length);
    return value.trim();
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => tidy(v, [...path, i]));
    // An empty entry stays, to be refused where it is: dropping it would renumber the rest.
    return path.length === 1 && path[0] === 'entries' ? items : items.filter((v) => v !== '');
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = tidy(v, [...path, k]);
      if (t !== null && t !== '') out[k] = t;
    }
    return out;
  }
  return value;
}

/** Entry number and field for a path inside an entry; the field alone for the list's own fields. */
function locationOf(path: JsonPath): ImportLocation {
  const [first, index, field] = path;
  if (first === 'entries' && typeof index === 'number') {
    return { row: index + 1, column: typeof field === 'string' ? field : '(entry)' };
  }
  return { column: typeof first === 'string' ? first : '(top level)' };
}

const ENTRY_EXPECTED: Record<string, JsonExpected> = {
  aliases: 'texts',
  categories: 'texts',
  also_in_ohchr_database_2025: 'texts',
  status: 'status',
  listed: 'date',
  listed_since: 'date',
  designated: 'date',
};
const LIST_EXPECTED: Record<string, JsonExpected> = { entries: 'entries', published: 'date', categories: 'categories' };

function shapeError(path: JsonPath, expected: JsonExpected): ImportError {
  const at = path.length === 0 ? { column: '(top level)' } : locationOf(path);
  const where = at.row !== undefined ? `Entry ${at.row}, field ${at.column}` : `"${at.column}"`;
  return new ImportError('json-shape', 'json', at, expected, `${where}: expected ${JSON_EXPECTED[expected]}.`);
}

/** The first problem the schema found, in the words of this format's other errors. */
function schemaError(err: SchemaError | undefined, file: unknown): ImportError {
  const path: JsonPath = (err?.instancePath ?? '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  const missing = err?.keyword === 'required' ? String(err.params.missingProperty) : null;
  if (missing !== null) path.push(missing);
  const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], file);
  const [first, index, field] = path;
  if (first === 'entries' && typeof index === 'number') {
    const row = index + 1;
    if (field === undefined) return shapeError(path, 'entry');
    if (field === 'name' && missing === 'name') {
      return new ImportError('empty-name', 'json', { row, column: 'name' }, '', `Entry ${row}: the name is empty.`);
    }
    if (field === 'evidence_url' && typeof value === 'string') return badUrl('json', row, field, value);
    return shapeError(path.slice(0, 3), ENTRY_EXPECTED[String(field)] ?? 'text');
  }
  if (typeof first !== 'string') return shapeError([], 'list-object');
  if (first === 'published' && typeof value === 'string') {
    return new ImportError(
      'bad-date',
      'json',
      { column: 'published' },
      shorten(value),
      `The publication date "${shorten(value)}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD.`,
    );
  }
  if (first === 'url' && typeof value === 'string') {
    return new ImportError(
      'bad-url',
      'json',
      { column: 'url' },
      shorten(value),
      `Field url: "${shorten(value)}" is not a web address (it must start with http:// or https://).`,
    );
  }
  return shapeError([first], LIST_EXPECTED[first] ?? 'text');
}

/**
 * JSON.parse says where it stopped only in engine-specific words, and recent V8 often not
 * at all ("Unexpected token '}', ...\"x\": [}..." is not valid JSON"). So once it has
 * failed, jsonErrorOffset finds the first offending character itself.
 */
function jsonSyntaxError(text: string, err: unknown): ImportError {
  const msg = err instanceof Error ? err.message : String(err);
  const { offset, atEnd } = jsonErrorOffset(text);
  const at = lineCol(text, offset);
  if (atEnd) {
    return new ImportError(
      'json-truncated',
      'json',
      { line: at.line, col: at.col },
      '',
      `The JSON file ends too early (line ${at.line}, character ${at.col}): it is probably cut off.`,
    );
  }
  return new ImportError(
    'json-syntax',
    'json',
    { line: at.line, col: at.col },
    shorten(msg, 120),
    `The JSON file is not valid at line ${at.line}, character ${at.col}: ${shorten(msg, 120)}`,
  );
}

/**
 * Offset of the first character that makes `text` invalid JSON (RFC 8259), and whether
 * the text simply ran out (a truncated file). Only called after JSON.parse failed.
 */
export function jsonErrorOffset(text: string): { offset: number; atEnd: boolean } {
  let i = 0;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (at = i): never => {
    throw new Stop(at);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const digits = () => {
    const from = i;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
    if (i === from) fail();
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text[i] === ',') i++;
        else return void expect('}');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else return void expect(']');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
      if (c === word[0] && word.startsWith(text.slice(i))) fail(text.length);
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    // Valid after all (JSON.parse failed for another reason): point at the start.
    return { offset: 0, atEnd: false };
  } catch (stop) {
    // A stack overflow on absurd nesting: no position to give.
    if (!(stop instanceof Stop)) return { offset: 0, atEnd: false };
    return { offset: Math.min(stop.at, text.length), atEnd: stop.at >= text.length };
  }
}
