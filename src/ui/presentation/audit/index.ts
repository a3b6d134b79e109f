// Audit records (pure builders and exporters) for pages and bulk screenings.
export * from './types';
export { buildBulkRecord, buildPageRecord, type RecordContext } from './build';
export { dismissalFor, type DismissalReader } from './dismissals';
export { BULK_CSV_COLUMNS, PAGE_CSV_COLUMNS, bulkCsv, csvCell, evidenceText, pageCsv, toCsv } from './csv';
export { recordFileName, recordJson } from './json';
export { sha256Hex } from '../../../shared/sha256';
