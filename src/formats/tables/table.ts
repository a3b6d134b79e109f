// Tables of names (CSV, XLSX, tab-separated paste): which column holds the names, whether
// the first row is a header, and turning the chosen column into names to screen. Pure.
import { SCREEN_MAX_NAMES, SCREEN_MAX_NAME_CHARS } from '../limits';
import { ScreeningInputError } from './errors';
import type { ScreenInput } from '../../core/screening-types';

/** One sheet (CSV files have one) as rows of cell texts; empty cells are ''. */
export interface SheetTable {
  /** Sheet name in a workbook; null for CSV and pasted tables. */
  name: string | null;
  rows: string[][];
}

export interface ColumnChoice {
  /** Index into the file's sheets. */
  sheet: number;
  /** 0-based column index. */
  column: number;
  /** The first row is a header, not a name. */
  header: boolean;
}

export interface ColumnOption {
  index: number;
  letter: string;
  /** Header text when the first row is a header, else null. */
  header: string | null;
}

/** Longer than any company or person name: a cell like this is the wrong column or a broken file. */
export const MAX_NAME_LENGTH = SCREEN_MAX_NAME_CHARS;
/** Enough for any tender or supplier register; beyond it the user should split the file. */
export const MAX_ROWS = SCREEN_MAX_NAMES;

/**
 * Header words that mean "this column holds names" (English, Dutch, French, German,
 * Spanish), compared in lower case without accents or punctuation.
 */
const NAME_HEADERS = new Set([
  'name',
  'names',
  'company',
  'company name',
  'companies',
  'supplier',
  'suppliers',
  'supplier name',
  'bidder',
  'bidders',
  'bidder name',
  'tenderer',
  'tenderers',
  'vendor',
  'vendor name',
  'contractor',
  'organisation',
  'organization',
  'organisation name',
  'organization name',
  'entity',
  'firm',
  'business',
  'legal name',
  'party',
  'winner',
  'brand',
  'manufacturer',
  'naam',
  'namen',
  'bedrijf',
  'bedrijfsnaam',
  'onderneming',
  'leverancier',
  'leveranciers',
  'inschrijver',
  'inschrijvers',
  'aannemer',
  'organisatie',
  'firma',
  'handelsnaam',
  'merk',
  'nom',
  'noms',
  'entreprise',
  'entreprises',
  'societe',
  'raison sociale',
  'fournisseur',
  'fournisseurs',
  'soumissionnaire',
  'soumissionnaires',
  'titulaire',
  'prestataire',
  'marque',
  'denomination',
  'firmenname',
  'unternehmen',
  'lieferant',
  'bieter',
  'nombre',
  'empresa',
  'proveedor',
]);

function headerKey(cell: string): string {
  return cell
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function isNameHeader(cell: string): boolean {
  return NAME_HEADERS.has(headerKey(cell));
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function letterIndex(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnCount(sheet: SheetTable): number {
  let n = 0;
  for (const row of sheet.rows) {
    // Trailing empty cells do not make a column.
    let last = row.length - 1;
    while (last >= 0 && row[last].trim() === '') last--;
    n = Math.max(n, last + 1);
  }
  return n;
}

/** The first row is a header when one of its cells is a known name header. */
export function guessHeader(sheet: SheetTable): boolean {
  const first = sheet.rows[0];
  return Boolean(first?.some(isNameHeader));
}

export function columnOptions(sheet: SheetTable, header: boolean): ColumnOption[] {
  const n = Math.max(columnCount(sheet), 1);
  const first = sheet.rows[0] ?? [];
  return Array.from({ length: n }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: header ? (first[index] ?? '').trim() || null : null,
  }));
}

export function columnLabel(option: ColumnOption): string {
  return option.header ? `${option.letter} (${option.header})` : option.letter;
}

/**
 * The default choice: the only column, or the one whose header says it holds names.
 * Null when several columns could hold them (the page asks, the CLI wants --column).
 */
export function guessColumn(sheet: SheetTable): { column: number; header: boolean } | null {
  const header = guessHeader(sheet);
  if (columnCount(sheet) <= 1) return { column: 0, header };
  if (!header) return null;
  const named = sheet.rows[0].map((c, i) => (isNameHeader(c) ? i : -1)).filter((i) => i >= 0);
  return named.length === 1 ? { column: named[0], header: true } : null;
}

/**
 * A column the user named (CLI --column): a header text (case-insensitive), a letter (B)
 * or a 1-based number (2). A header match means the first row is a header.
 */
export function findColumn(sheet: SheetTable, wanted: string): { column: number; header: boolean } {
  const first = sheet.rows[0] ?? [];
  const key = wanted.trim().toLowerCase();
  const byHeader = first.findIndex((c) => c.trim().toLowerCase() === key);
  if (byHeader >= 0) return { column: byHeader, header: true };
  const n = columnCount(sheet);
  const asLetter = letterIndex(wanted.trim());
  const asNumber = /^\d{1,5}$/.test(wanted.trim()) ? Number(wanted.trim()) - 1 : null;
  const index = asLetter ?? asNumber;
  if (index !== null && index >= 0 && index < n) return { column: index, header: guessHeader(sheet) };
  throw new ScreeningInputError({
    code: 'column-not-found',
    column: wanted,
    detail: describeColumns(sheet),
  });
}

export function describeColumns(sheet: SheetTable): string {
  return columnOptions(sheet, guessHeader(sheet)).map(columnLabel).join(', ');
}

export interface TableInputs {
  inputs: ScreenInput[];
  /** 1-based rows whose cell in the chosen column was empty (skipped, and said so). */
  emptyRows: number[];
}

/** The names in the chosen column, each with its row and column; empty cells are skipped. */
export function inputsFromSheet(sheet: SheetTable, choice: Pick<ColumnChoice, 'column' | 'header'>): TableInputs {
  const option = columnOptions(sheet, choice.header)[choice.column] ?? {
    index: choice.column,
    letter: columnLetter(choice.column),
    header: null,
  };
  const label = columnLabel(option);
  const inputs: ScreenInput[] = [];
  const emptyRows: number[] = [];
  const start = choice.header ? 1 : 0;
  for (let r = start; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r][choice.column] ?? '';
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '') {
      // Wholly empty rows are layout, not data; an empty name cell in a filled row is worth a note.
      if (sheet.rows[r].some((c) => c.trim() !== '')) emptyRows.push(r + 1);
      continue;
    }
    if (text.length > MAX_NAME_LENGTH) {
      throw new ScreeningInputError({
        code: 'cell-too-long',
        row: r + 1,
        column: label,
        count: text.length,
        limit: MAX_NAME_LENGTH,
      });
    }
    inputs.push({
      input: text,
      field: null,
      source: { kind: 'cell', row: r + 1, column: option.letter, header: option.header },
    });
  }
  if (inputs.length === 0) throw new ScreeningInputError({ code: 'column-empty', column: label });
  if (inputs.length > MAX_ROWS) {
    throw new ScreeningInputError({ code: 'too-many-rows', count: inputs.length, limit: MAX_ROWS });
  }
  return { inputs, emptyRows };
}
