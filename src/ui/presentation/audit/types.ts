// The audit record: what was checked, when, against which version of which list, with
// which settings, what was found and why, what was clear, and which dismissals were in
// force. One JSON shape for pages and bulk screenings; CSV and the printable report are
// views of it. Field meanings are stable: add fields, never repurpose them.
import type {
  EntryRef,
  Evidence,
  FieldRole,
  ListKind,
  MatchedEntry,
  MatchLevel,
  MatchType,
  RuleName,
} from '../../../core/types';
import type { ScreenCounts, ScreenResult } from '../../../core/screening-types';

export const AUDIT_FORMAT = 'settlement-screen-audit-record';
export const AUDIT_FORMAT_VERSION = 1;

/** A list as used for the check: its full metadata and whether it was switched on. */
export interface AuditList {
  id: string;
  title: string;
  publisher: string;
  url: string;
  published: string | null;
  version: string;
  /** SHA-256 (hex) of the list data as bundled or imported. */
  sha256: string;
  origin: 'bundled' | 'imported';
  partial: boolean;
  coverageNote: string;
  entryCount: number;
  regime: string | null;
  enabled: boolean;
  /** UN database, sanctions, investor exclusion, NGO research or imported; null when unknown. */
  kind: ListKind | null;
  /** Investor exclusions: who recommends them (GPFG: Council on Ethics), else null. */
  recommendedBy: string | null;
  /** True when no entry of the list is in force (every designation revoked). */
  historical: boolean;
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

export interface AuditMatch {
  level: MatchLevel;
  matchType: MatchType;
  /** Exactly the text that matched (in the input name or on the page). */
  text: string;
  /** The listed name, alias or link name that matched. */
  name: string;
  entity: string;
  entityName: string;
  field: FieldRole | null;
  lists: MatchedEntry[];
  evidence: Evidence[];
  /** The user's dismissal that covers this entity here, if any. */
  dismissed: AuditDismissalRef | null;
  /** The named rule that decided the level (src/core/rules.ts). */
  rule: RuleName;
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
