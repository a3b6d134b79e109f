// Bulk screening, shared by the screening page and the CLI `screen` command. Pure: no DOM
// globals, no extension APIs (the XML parser is passed in).
export * from '../../core/screening-types';
export { ScreeningInputError, englishMessage, type ScreeningErrorCode, type ScreeningErrorInfo } from './errors';
export {
  resultOf,
  createScreener,
  screenName,
  screenAll,
  screenInSlices,
  countResults,
  type SliceOptions,
} from '../../core/screening';
export {
  MAX_NAME_LENGTH,
  MAX_ROWS,
  columnCount,
  columnLabel,
  columnLetter,
  columnOptions,
  describeColumns,
  findColumn,
  guessColumn,
  guessHeader,
  inputsFromSheet,
  isNameHeader,
  type ColumnChoice,
  type ColumnOption,
  type SheetTable,
  type TableInputs,
} from './table';
export { chooseColumn, chooseSheet, formatSource } from './choose';
export { parseCsvTable } from './csv-read';
export { readXlsxTables, cellText } from './xlsx-read';
export { decodeText, type DecodedText } from './decode';
export {
  MAX_FILE_BYTES,
  inputsFromLines,
  loadPastedText,
  loadScreeningFile,
  type InputFormat,
  type LoadedInput,
  type ScreeningWarning,
} from './load';
