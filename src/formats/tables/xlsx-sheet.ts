// One worksheet's XML, streamed, -> rows of cell texts as a person reads them (shared and
// inline strings, numbers as written, booleans, dates as ISO dates). Rows and cells are
// counted as they come, and the row limit is enforced while the sheet is still inflating.
// Pure.
import { ScreeningInputError } from './errors';
import type { XmlHandler } from './xml-stream';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface RowBudget {
  /** Rows left over all sheets (rows between filled ones count too). */
  rows: number;
  /** Cells left, empty cells in a row's gaps included. */
  cells: number;
  rowLimit: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial as the ISO date (or date-time) the screening tables show. */
export function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** "B12" -> 1 (0-based column), or null. */
export function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 || n > 16384 ? null : n - 1;
}

function cellValue(type: string, raw: string, style: number, ctx: SheetContext): string {
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw.trim() === '1' ? 'true' : raw.trim() === '0' ? 'false' : raw;
    case 'd': {
      const d = new Date(raw);
      if (Number.isNaN(d.getTime())) return raw;
      const iso = d.toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    }
    default: {
      const text = raw.trim();
      if (text === '') return '';
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return ctx.dateStyles[style] ? serialDate(n, ctx.date1904) : String(n);
    }
  }
}

export function sheetHandler(rows: string[][], ctx: SheetContext, budget: RowBudget): XmlHandler {
  let row: string[] | null = null;
  let cell: { column: number; type: string; style: number; parts: string[] } | null = null;
  let collect = false;
  let phonetic = 0;
  const startRow = (number: number | null) => {
    const target = number !== null && number > rows.length ? number - 1 : rows.length;
    // Rows the sheet skips are empty rows, so the row numbers stay the ones a spreadsheet shows.
    const added = target - rows.length + 1;
    budget.rows -= added;
    if (budget.rows < 0) throw new ScreeningInputError({ code: 'table-too-many-rows', limit: budget.rowLimit });
    while (rows.length < target) rows.push([]);
    row = [];
    rows.push(row);
  };
  return {
    open(name, attrs) {
      if (name === 'row') {
        const r = attrs.r !== undefined ? Number(attrs.r) : null;
        startRow(r !== null && Number.isInteger(r) && r > 0 ? r : null);
      } else if (name === 'c') {
        if (!row) startRow(null);
        const at = columnOf(attrs.r) ?? row!.length;
        cell = { column: Math.max(at, row!.length), type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), parts: [] };
      } else if (cell && (name === 'v' || name === 't')) {
        collect = phonetic === 0;
      } else if (name === 'rPh') {
        // A phonetic guide (furigana) is not part of the cell's text.
        phonetic++;
      }
    },
    close(name) {
      if ((name === 'v' || name === 't') && cell) collect = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && row) {
        const added = cell.column - row.length + 1;
        budget.cells -= added;
        if (budget.cells < 0) throw new ScreeningInputError({ code: 'xlsx-too-large', detail: 'cells' });
        while (row.length < cell.column) row.push('');
        row.push(cellValue(cell.type, cell.parts.join(''), cell.style, ctx));
        cell = null;
      } else if (name === 'row') row = null;
    },
    text(text) {
      if (collect && cell) cell.parts.push(text);
    },
  };
}

/** Empty rows at the bottom (formatting that reaches past the data) are not part of the table. */
export function dropEmptyBottomRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === '')) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
