// CSV / TSV text -> a table, with papaparse (delimiter detected: Dutch and French Excel
// write ";"). A broken file is an error that names the row, the line and the column; it
// never yields the rows read before the damage as if they were the whole file.
import Papa from 'papaparse';
import { TABLE_MAX_ROWS } from '../limits';
import { ScreeningInputError } from './errors';
import { columnLetter, type SheetTable } from './table';

function lineAt(text: string, index: number): number {
  let line = 1;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** ',' ';' tab or '|', as papaparse guesses it from the first rows; ',' when nothing fits. */
export function guessDelimiter(text: string): string {
  // On the first 64K characters only: papaparse's guess reads the whole text for each
  // candidate delimiter, while 50 rows decide it.
  const cut = text.length > 65536 ? text.lastIndexOf('\n', 65536) : text.length;
  const head = text.slice(0, cut > 0 ? cut : 65536);
  const preview = Papa.parse<string[]>(head, { delimiter: '', skipEmptyLines: 'greedy', preview: 50 });
  const undetected = preview.errors.some((e) => e.code === 'UndetectableDelimiter');
  return undetected ? ',' : preview.meta.delimiter;
}

export function parseCsvTable(text: string, opts: { delimiter?: string } = {}): SheetTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Empty lines are kept as rows so row numbers are the ones a spreadsheet shows. They would
  // throw papaparse's delimiter guess off (a final newline makes a 1-cell row), so the
  // delimiter is guessed first on a preview without them.
  const delimiter = opts.delimiter ?? guessDelimiter(body);
  // Parsing stops one row past the limit, so a file of millions of rows is refused without
  // building them all.
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, preview: TABLE_MAX_ROWS + 1 });
  if (parsed.data.length > TABLE_MAX_ROWS) {
    throw new ScreeningInputError({ code: 'table-too-many-rows', limit: TABLE_MAX_ROWS });
  }
  for (const err of parsed.errors) {
    if (err.type !== 'Quotes') continue; // 'Delimiter': one column, nothing to detect.
    const rowIndex = err.row ?? 0;
    // The damaged cell is the last one papaparse produced for that record: it swallowed the rest.
    const cells = parsed.data[rowIndex]?.length ?? 1;
    throw new ScreeningInputError({
      code: err.code === 'MissingQuotes' ? 'csv-unclosed-quote' : 'csv-bad-quote',
      row: rowIndex + 1,
      line: err.index !== undefined ? lineAt(body, err.index) : undefined,
      column: columnLetter(Math.max(cells - 1, 0)),
    });
  }
  const rows = parsed.data.map((r) => r.map((c) => (typeof c === 'string' ? c : String(c ?? ''))));
  // A row with more filled cells than the first row has an unquoted delimiter in a name: the
  // cells after it would land in the wrong columns.
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first >= 0) {
    const expected = rows[first].length;
    for (let r = first + 1; r < rows.length; r++) {
      const row = rows[r];
      if (row.length <= expected) continue;
      const extra = row.slice(expected).findIndex((c) => c.trim() !== '');
      if (extra < 0) continue;
      throw new ScreeningInputError({
        code: 'csv-extra-columns',
        row: r + 1,
        column: columnLetter(expected + extra),
        count: row.length,
        limit: expected,
        detail: parsed.meta.delimiter === '\t' ? 'tab' : parsed.meta.delimiter,
      });
    }
  }
  return { name: null, rows };
}
