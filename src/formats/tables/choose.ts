// Choosing the sheet and column of a table without asking (CLI), or the default the page
// proposes. Ambiguity is an error that lists the columns, never a silent guess.
import { ScreeningInputError } from './errors';
import { describeColumns, findColumn, guessColumn, type ColumnChoice, type SheetTable } from './table';
import type { SourceRef } from '../../core/screening-types';

/** A sheet by name (case-insensitive) or 1-based number; the first sheet with data by default. */
export function chooseSheet(sheets: readonly SheetTable[], wanted?: string | null): number {
  if (wanted === undefined || wanted === null || wanted === '') {
    const withData = sheets.findIndex((s) => s.rows.some((r) => r.some((c) => c.trim() !== '')));
    return withData >= 0 ? withData : 0;
  }
  const key = wanted.trim().toLowerCase();
  const byName = sheets.findIndex((s) => (s.name ?? '').trim().toLowerCase() === key);
  if (byName >= 0) return byName;
  if (/^\d{1,3}$/.test(key) && Number(key) >= 1 && Number(key) <= sheets.length) return Number(key) - 1;
  throw new ScreeningInputError({
    code: 'sheet-not-found',
    detail: wanted,
  });
}

/** The choice for `--column NAME` (or the obvious column when there is no option). */
export function chooseColumn(
  sheets: readonly SheetTable[],
  opts: { sheet?: string | null; column?: string | null },
): ColumnChoice {
  const sheet = chooseSheet(sheets, opts.sheet);
  const table = sheets[sheet];
  if (opts.column) return { sheet, ...findColumn(table, opts.column) };
  const guess = guessColumn(table);
  if (guess) return { sheet, ...guess };
  throw new ScreeningInputError({ code: 'column-ambiguous', detail: describeColumns(table) });
}

/** Where a name came from, in English (CLI output and CSV exports, which are not translated). */
export function formatSource(ref: SourceRef): string {
  switch (ref.kind) {
    case 'line':
      return `line ${ref.line}`;
    case 'cell':
      return `row ${ref.row}, column ${ref.column}${ref.header ? ` (${ref.header})` : ''}`;
    case 'path':
      return ref.path;
  }
}
