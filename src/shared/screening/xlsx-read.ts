// .xlsx workbook -> tables, with read-excel-file's universal build (no Web Worker, no Node
// streams: the same code in the extension page and the CLI). Damaged workbooks, .xls and
// other ZIP files get their own message.
import { unzipSync } from 'fflate';
import readXlsxFile, { InvalidInputError, InvalidSpreadsheetError } from 'read-excel-file/universal';
import { ScreeningInputError } from './errors';
import type { SheetTable } from './table';

type Cell = string | number | boolean | Date | null | undefined;

/** Cell value as the user reads it: dates as ISO dates, numbers as written. */
export function cellText(value: Cell | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The names in a ZIP's directory (nothing is inflated), or null when it cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

export async function readXlsxTables(bytes: Uint8Array): Promise<SheetTable[]> {
  // An .ods, .docx or any other ZIP is a different format, not a damaged workbook.
  const names = zipEntryNames(bytes);
  if (names === null) throw new ScreeningInputError({ code: 'xlsx-corrupt' });
  if (!names.includes('xl/workbook.xml')) throw new ScreeningInputError({ code: 'not-xlsx' });
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(toArrayBuffer(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    if (e instanceof InvalidInputError) {
      switch (e.code) {
        case 'XLS_FILE_NOT_SUPPORTED':
          throw new ScreeningInputError({ code: 'old-xls' });
        case 'FILE_NOT_SUPPORTED':
          throw new ScreeningInputError({ code: 'not-xlsx' });
        case 'NO_DATA':
          throw new ScreeningInputError({ code: 'empty' });
        default:
          throw new ScreeningInputError({ code: 'xlsx-corrupt', detail: e.message });
      }
    }
    if (e instanceof InvalidSpreadsheetError)
      throw new ScreeningInputError({ code: 'xlsx-corrupt', detail: e.message });
    // XML or ZIP errors from inside the workbook: still a damaged file, not our bug.
    throw new ScreeningInputError({ code: 'xlsx-corrupt', detail: e instanceof Error ? e.message : String(e) });
  }
  if (sheets.length === 0) throw new ScreeningInputError({ code: 'empty' });
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) }));
}
