// The audit record as a JSON file: the record itself, indented for people who open it.
import type { AuditRecord } from './types';

export function recordJson(record: AuditRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** A file name that sorts by date and says what it is: settlement-screen-bulk-2026-11-23T1405Z. */
export function recordFileName(record: AuditRecord, ext: 'json' | 'csv'): string {
  const stamp = record.createdAt.replace(/:\d\d(\.\d+)?Z$/, 'Z').replace(/:/g, '');
  return `settlement-screen-${record.kind}-${stamp}.${ext}`;
}
