// .xlsx workbook -> tables, read as a stream within the XLSX limits (src/formats/limits.ts):
// the ZIP directory's declared sizes are checked first, then each part the tables need
// (workbook, relationships, styles, shared strings, sheets) is inflated a slice at a time and
// tokenized as it comes (xlsx-guard.ts), with its real size, its rows and its cells counted,
// so a workbook bomb or a sheet of a million rows is refused early and nothing is held whole.
// Damaged workbooks and other ZIP files (.ods, .docx) get their own message. The same code
// runs in the screening page and the CLI. Pure.
import { XLSX_MAX_CELLS, TABLE_MAX_ROWS, XLSX_MAX_UNCOMPRESSED_BYTES } from '../limits';
import { ScreeningInputError } from './errors';
import type { SheetTable } from './table';
import { streamXmlPart, type ByteBudget } from './xlsx-guard';
import {
  relationshipsHandler,
  sharedStringsHandler,
  stylesHandler,
  workbookHandler,
  type Relationship,
  type WorkbookInfo,
} from './xlsx-parts';
import { dropEmptyBottomRows, sheetHandler, type RowBudget } from './xlsx-sheet';
import { readZipDirectory, type ZipEntry } from './zip-directory';

export interface XlsxLimits {
  bytes: number;
  rows: number;
  cells: number;
}

const DEFAULT_LIMITS: XlsxLimits = {
  bytes: XLSX_MAX_UNCOMPRESSED_BYTES,
  rows: TABLE_MAX_ROWS,
  cells: XLSX_MAX_CELLS,
};

type Cell = string | number | boolean | Date | null | undefined;

const WORKBOOK = 'xl/workbook.xml';

export async function readXlsxTables(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_LIMITS): Promise<SheetTable[]> {
  const dir = readZipDirectory(bytes);
  if (dir.entries === null) {
    if (dir.error === 'zip64') throw new ScreeningInputError({ code: 'xlsx-too-large', limit: limits.bytes });
    throw new ScreeningInputError({ code: 'xlsx-corrupt' });
  }
  const parts = new Map<string, ZipEntry>(dir.entries.map((e) => [e.name, e]));
  const workbook = parts.get(WORKBOOK);
  // An .ods, .docx or any other ZIP is a different format, not a damaged workbook.
  if (!workbook) throw new ScreeningInputError({ code: 'not-xlsx' });

  const budget: ByteBudget = { left: limits.bytes, limit: limits.bytes };
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  const index = workbook.size + (rels?.size ?? 0);
  if (index > budget.left) throw new ScreeningInputError({ code: 'xlsx-too-large', limit: limits.bytes, count: index });
  const info: WorkbookInfo = { sheets: [], date1904: false };
  streamXmlPart(workbook, bytes, budget, workbookHandler(info));
  const relationships = new Map<string, Relationship>();
  if (rels) streamXmlPart(rels, bytes, budget, relationshipsHandler(relationships, 'xl/'));
  const ofType = (type: string) => [...relationships.values()].find((r) => r.type === type)?.target;

  const sheetParts = info.sheets.map((s) => {
    const part = parts.get(relationships.get(s.relId)?.target ?? '');
    if (!part) throw new ScreeningInputError({ code: 'xlsx-corrupt', detail: `sheet "${s.name}" has no part` });
    return { name: s.name, part };
  });
  const styles = parts.get(ofType('styles') ?? 'xl/styles.xml');
  const strings = parts.get(ofType('sharedStrings') ?? 'xl/sharedStrings.xml');
  // Checked before any of them is inflated; their real sizes are counted again as they inflate.
  const declared = [styles, strings, ...sheetParts.map((s) => s.part)].reduce((n, e) => n + (e?.size ?? 0), 0);
  if (declared > budget.left) {
    throw new ScreeningInputError({ code: 'xlsx-too-large', limit: limits.bytes, count: declared });
  }

  const dateStyles: boolean[] = [];
  if (styles) streamXmlPart(styles, bytes, budget, stylesHandler(dateStyles));
  const sharedStrings: string[] = [];
  if (strings) streamXmlPart(strings, bytes, budget, sharedStringsHandler(sharedStrings));
  const ctx = { sharedStrings, dateStyles, date1904: info.date1904 };
  const rowBudget: RowBudget = { rows: limits.rows, cells: limits.cells, rowLimit: limits.rows };
  const tables: SheetTable[] = [];
  for (const sheet of sheetParts) {
    const rows: string[][] = [];
    streamXmlPart(sheet.part, bytes, budget, sheetHandler(rows, ctx, rowBudget));
    tables.push({ name: sheet.name, rows: dropEmptyBottomRows(rows) });
  }
  if (tables.length === 0 || tables.every((t) => t.rows.length === 0)) throw new ScreeningInputError({ code: 'empty' });
  return tables;
}
