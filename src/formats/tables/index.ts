// Bulk screening, shared by the screening page and the CLI `screen` command. Pure: no DOM
// globals, no extension APIs (the XML parser is passed in).
export * from '../../core/screening-types';
export { ScreeningInputError, type ScreeningErrorInfo } from './errors';
export { resultOf, screenName, screenAll, screenInSlices, countResults } from '../../core/screening';
export {
  MAX_NAME_LENGTH,
  columnLabel,
  columnOptions,
  findColumn,
  guessColumn,
  inputsFromSheet,
  type SheetTable,
} from './table';
export { chooseColumn, chooseSheet, formatSource } from './choose';
export { parseCsvTable } from './csv-read';
export { readXlsxTables } from './xlsx-read';
export { inputsFromLines, loadPastedText, loadScreeningFile, type LoadedInput, type ScreeningWarning } from './load';
