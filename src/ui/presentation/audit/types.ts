// The audit record: what was checked, when, against which version of which list, with
// which settings, what was found and why, what was clear, and which dismissals were in
// force. One JSON shape for pages and bulk screenings; CSV and the printable report are
// views of it. Field meanings are stable: add fields, never repurpose them.
import type { EntryRef, FieldRole } from '../../../core/types';
import type { ListRecord, MatchRecord } from '../../../core/match-record';
import type { ScreenCounts, ScreenResult } from '../../../core/screening-types';

export const AUDIT_FORMAT = 'settlement-screen-audit-record';
export const AUDIT_FORMAT_VERSION = 1;

/** A list as used for the check: the list record every output shares, and whether it was switched on. */
export interface AuditList extends ListRecord {
  enabled: boolean;
}

/** A user's dismissal of a flag ("not this company"), as the user-data store keeps it. */
export interface Dismissal {
  entityName: string;
  /** As stored (e.g. 'site' or 'everywhere'); recorded as is. */
  scope: string;
  /** Hostname the dismissal is limited to; null when it applies everywhere. */
  site: string | null;
  reason: string;
  createdAt: string;
}

export interface AuditDismissalRef {
  reason: string;
  createdAt: string;
  scope: string;
  site: string | null;
}

/** A match: the match record every output shares, and the dismissal that covers it. */
export interface AuditMatch extends MatchRecord {
  /** The user's dismissal that covers this entity here, if any. */
  dismissed: AuditDismissalRef | null;
}

export interface AuditLookalike {
  text: string;
  notEntityName: string | null;
  reason: string | null;
  sourceUrl: string | null;
}

/** A list entity named by any finding, with its entries exactly as the lists give them. */
export interface AuditEntity {
  id: string;
  displayName: string;
  entries: EntryRef[];
}

interface AuditRecordBase {
  format: typeof AUDIT_FORMAT;
  formatVersion: typeof AUDIT_FORMAT_VERSION;
  /** ISO date-time (UTC) the record was made. */
  createdAt: string;
  generator: { name: string; version: string };
  lists: AuditList[];
  /** The settings the check ran with: every list, on or off. */
  settings: { enabledLists: Record<string, boolean> };
  /** Every dismissal in force when the record was made, with its reason. */
  dismissals: Dismissal[];
  entities: AuditEntity[];
}

export interface AuditRow {
  row: number;
  input: string;
  field: FieldRole | null;
  /** Where in the input the name is ("row 5, column B (Name)", a JSON path, an XPath). */
  source: string;
  result: ScreenResult;
  matches: AuditMatch[];
  lookalikes: AuditLookalike[];
}

export interface BulkInputInfo {
  /** File name, or null for pasted text. */
  fileName: string | null;
  /** SHA-256 (hex) of the file's bytes, or of the pasted text as UTF-8. */
  sha256: string;
  bytes: number;
  format: string;
  /** For tables: the sheet, the column and whether the first row was a header. */
  sheet: string | null;
  column: string | null;
  header: boolean | null;
}

export interface BulkAuditRecord extends AuditRecordBase {
  kind: 'bulk';
  input: BulkInputInfo;
  counts: ScreenCounts;
  /** Every name checked, clear ones included. */
  rows: AuditRow[];
  /** Things the reader said about the input (encoding guessed, parts of a data file not read). */
  warnings: string[];
}

export interface PageMatch extends AuditMatch {
  /** Page text around the first occurrence. */
  context: string;
  occurrences: number;
}

export interface PageFinding {
  section: 'flag' | 'possible' | 'removed';
  entity: string;
  entityName: string;
  matches: PageMatch[];
  dismissed: AuditDismissalRef | null;
}

export interface PageInfo {
  url: string;
  title: string;
  /** When the page was scanned (latest frame report). */
  scannedAt: string | null;
  frames: number;
  blocks: number;
  chars: number;
}

export interface PageAuditRecord extends AuditRecordBase {
  kind: 'page';
  page: PageInfo;
  counts: { flag: number; possible: number; removed: number; lookalikes: number };
  findings: PageFinding[];
  lookalikes: AuditLookalike[];
}

export type AuditRecord = BulkAuditRecord | PageAuditRecord;
