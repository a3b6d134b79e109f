// Bad screening input: what is wrong and where (row, column, line), as data, so the page can
// say it in the user's language and the CLI in English. Reading a file either gives every
// name or throws one of these: never a partial list that would look complete.
import { formatBytes } from '../limits';

export type ScreeningErrorCode =
  | 'empty' // no names at all
  | 'too-large' // file over MAX_FILE_BYTES
  | 'too-many-rows' // over MAX_ROWS names
  | 'binary' // not text, not a workbook
  | 'old-xls' // Excel 97-2003 .xls
  | 'not-xlsx' // a ZIP that is not an .xlsx workbook (.ods, .docx, ...)
  | 'xlsx-corrupt' // truncated or damaged workbook
  | 'xlsx-too-large' // its XML parts expand past XLSX_MAX_UNCOMPRESSED_BYTES (declared or actual)
  | 'table-too-many-rows' // a CSV or workbook with more rows than TABLE_MAX_ROWS, counted while parsing
  | 'csv-unclosed-quote' // a quoted cell never closed (truncated file or stray quote)
  | 'csv-bad-quote' // text after a closing quote
  | 'csv-extra-columns' // more cells than the header: an unquoted delimiter inside a name
  | 'cell-too-long' // a cell far longer than any name: wrong column or a broken file
  | 'column-not-found'
  | 'column-ambiguous' // several columns and nothing says which holds the names
  | 'column-empty'
  | 'sheet-not-found'
  | 'html' // a web page: use the extension or `scan`
  | 'data-file'; // OCDS / TED file that failed to parse (detail says why)

export interface ScreeningErrorInfo {
  code: ScreeningErrorCode;
  /** 1-based row (record) number in the table, when the problem is in one row. */
  row?: number;
  /** 1-based line number in a text file (differs from `row` when cells span lines). */
  line?: number;
  /** Column label: header text when there is one, else its letter (A, B, ...). */
  column?: string;
  /** Free detail: the columns there are, the length of a cell, the parser's message. */
  detail?: string;
  /** A number the message needs (cell length, row count, limit). */
  count?: number;
  limit?: number;
}

export class ScreeningInputError extends Error {
  override name = 'ScreeningInputError';
  readonly info: ScreeningErrorInfo;
  constructor(info: ScreeningErrorInfo) {
    super(englishMessage(info));
    this.info = info;
  }
}

function where(info: ScreeningErrorInfo): string {
  const parts: string[] = [];
  if (info.row !== undefined) parts.push(`row ${info.row}`);
  if (info.line !== undefined && info.line !== info.row) parts.push(`line ${info.line}`);
  if (info.column !== undefined) parts.push(`column ${info.column}`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** The message the CLI prints (the page uses its own translated strings). */
export function englishMessage(info: ScreeningErrorInfo): string {
  const at = where(info);
  switch (info.code) {
    case 'empty':
      return 'the input holds no names';
    case 'too-large':
      return `the file is ${info.count} bytes; at most ${info.limit} can be screened at once`;
    case 'too-many-rows':
      return `the input has ${info.count} names; at most ${info.limit} can be screened at once`;
    case 'binary':
      return 'this is not a text file, an .xlsx workbook, OCDS JSON or TED XML';
    case 'old-xls':
      return 'this is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV first';
    case 'not-xlsx':
      return 'this ZIP file is not an Excel .xlsx workbook (save it as .xlsx or CSV)';
    case 'xlsx-corrupt':
      return `the workbook is damaged or truncated${info.detail ? ` (${info.detail})` : ''}`;
    case 'xlsx-too-large':
      return (
        `the workbook expands to ${info.count !== undefined ? formatBytes(info.count) : `more than ${formatBytes(info.limit ?? 0)}`} ` +
        `of sheet data; at most ${formatBytes(info.limit ?? 0)} can be read (save the column of names as CSV)`
      );
    case 'table-too-many-rows':
      return `the table has more than ${info.limit} rows; at most ${info.limit} can be read (split the file, or keep only the column of names)`;
    case 'csv-unclosed-quote':
      return `${at}a quoted cell is never closed: the file is truncated or has a stray quote (")`;
    case 'csv-bad-quote':
      return `${at}text follows a closing quote ("); quotes inside a cell must be doubled ("")`;
    case 'csv-extra-columns':
      return `${at}this row has ${info.count} cells but the first row has ${info.limit}: a name that contains the delimiter (${info.detail ?? ','}) must be quoted`;
    case 'cell-too-long':
      return `${at}the cell has ${info.count} characters, more than a name can have (${info.limit}): is this the right column?`;
    case 'column-not-found':
      return `no column "${info.column}"; the columns are: ${info.detail}`;
    case 'column-ambiguous':
      return `the file has several columns (${info.detail}): choose the one with the names`;
    case 'column-empty':
      return `column ${info.column} holds no names`;
    case 'sheet-not-found':
      return `no sheet "${info.detail}" in the workbook`;
    case 'html':
      return 'this is a web page: open it in the browser with the extension, or use `settlement-screen scan`';
    case 'data-file':
      return info.detail ?? 'the data file could not be read';
  }
}
