// Loads the bundled list data from disk and refuses to hand back anything invalid: the build
// (scripts/build-data.ts) and the tests read data only through here, so a malformed list fails
// them with messages naming file, entry and field. The file bytes are returned too because the
// compiled data records each list's SHA-256.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText, validateCorporateLinks, validateLists, type ValidationIssue } from './validate';

export type { ValidationIssue } from './validate';

// ---------------------------------------------------------------------------------------------
// Shapes of data/lists/*.json and data/corporate-links.json, as enforced by
// data/schema/*.schema.json plus the cross-file checks in validate.ts.

/** A category's text: a plain string, or (Who Profits) an object with its own source page. */
export type CategoryDefinition = string | { description: string; source?: string };

/** One entry of a list. Common fields first, then the fields only some sources carry. */
export interface ListEntry {
  name: string;
  aliases: string[];
  country: string | null;
  /** Codes that are keys of the list's `categories` object (may be empty, e.g. Who Profits). */
  categories: string[];
  rationale: string;
  evidence_url: string;

  /** Absent means listed. "delisted": removed, revoked or an exclusion revoked (history, never a flag). */
  status?: 'listed' | 'delisted';
  /** Sanctions lists. */
  entity_type?: 'company' | 'organisation' | 'outpost' | 'person';
  /** ISO 3166-1 alpha-2 (OHCHR, Who Profits); null when the country is unknown. */
  country_code?: string | null;

  // OHCHR database
  /** Letters as printed, e.g. "(a), (g)". */
  listed_activity_raw?: string;
  ohchr_row_no?: number;
  ohchr_delisted_row_no?: number;
  /** As printed, e.g. "Response (24 September 2025)". */
  ohchr_company_response?: string;
  ohchr_footnote_marker?: string;
  /** Removal date as printed in OHCHR's removed-enterprises table, e.g. "26 September 2025" (not ISO). */
  delisted_table_date?: string;

  // Sanctions: the listing date has a different field name per list (YYYY, YYYY-MM or YYYY-MM-DD).
  /** Canada. */
  listed?: string;
  /** EU. */
  listed_since?: string;
  /** UK. */
  designated?: string;
  /** Canada, e.g. "Part 1, item 17". */
  schedule_item?: string;
  /** EU: "I.A" (natural persons) or "I.B" (entities). */
  eu_annex?: string;
  eu_record_id?: number;
  website?: string;
  /** EU, free text as printed ("18.2.1979", "2021"). */
  incorporationDate?: string;
  registrationNumber?: string;
  address?: string;
  position?: string;
  note?: string;
  sources_read?: string[];

  // Investor exclusions (Norway GPFG, KLP, ISIF)
  /** "settlements" for settlement activity, another code when the exclusion rests on another ground. */
  ground?: string;
  /** GPFG: the guideline criterion applied. */
  criterion?: string;
  /** The investor's own word: excluded, divested (ISIF), or revoked (the exclusion ended). */
  exclusion_status?: 'excluded' | 'divested' | 'revoked';
  /** False when only the announcement was seen and the exclusion's current status was not checked. */
  status_verified?: boolean;
  status_note?: string;
  decision_date?: string;
  /** GPFG: who decided (Norges Bank; the Ministry of Finance before 2015). */
  decision_by?: string;
  announced?: string;
  council_recommendation_dates?: string[];
  /** GPFG: exclusions revoked and imposed again, in order. */
  exclusion_history?: { date: string; event: string }[];

  // Revoked sanctions (US E.O. 14115)
  /** The date the legal basis was revoked (ISO); the entry is "delisted". */
  revoked?: string;
  revoked_by?: string;
  designated_note?: string;
  /** Canada: the schedule item is an estimate. */
  schedule_item_inferred?: boolean;

  // DBIO and Who Profits
  /** OHCHR entry names of the same company; Who Profits values may carry a trailing "(...)" remark. */
  also_in_ohchr_database_2025?: string[];

  // Who Profits sample
  /** This project's own labels, not Who Profits categories. */
  topics?: string[];
  whoprofits_id?: number | null;
  captured?: string | null;
  /** Latest dated event on the stored page; free text ("2021-09", "about 2017 (...)") or null. */
  content_as_of?: string | null;
  related_entities?: string[];
  other_evidence_urls?: string[];
  page_version?: string;
  notes?: string | null;

  // Settlement localities (shipped, not used for flagging yet)
  lat?: number;
  lng?: number;
  hfc_id?: number;
  hfc_zone_en?: string;
  hfc_zone_he?: string;
  boundary_dist_m?: number;
  corroborated_civil_admin_jewish_plan?: boolean;
  review_required?: boolean;
  review_reasons?: string[];

  /** Unknown source-specific fields are allowed by the schema. */
  [extra: string]: unknown;
}

/** One list file (data/lists/*.json). */
export interface ListFile {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when the source gives no date (Who Profits). */
  published: string | null;
  retrieved_from: string;
  license_note: string;
  /** For users: what the list is, how complete this copy is, as of when. */
  coverage_note: string;
  /** For maintainers only (how the copy was gathered); never shown to users. */
  curation_note: string;
  categories: Record<string, CategoryDefinition>;
  entries: ListEntry[];
  /** Required for lists used for flagging (validate.ts). */
  kind?: 'un-database' | 'sanctions' | 'investor-exclusion' | 'ngo-research';
  /** True when this copy does not hold every entry of the list; required for lists used for flagging. */
  partial?: boolean;
  /** Investor exclusions: who recommends the exclusions the investor decides (GPFG: Council on Ethics). */
  recommended_by?: string;

  /** Sanctions lists: the legal basis. */
  regime?: string;
  published_note?: string;
  url_note?: string;
  snapshot_date?: string;
  categories_source?: string;
  evidence_url_note?: string;
  aliases_note?: string;
  topics_note?: string;
  method?: string;
  headline_figures?: Record<string, number | string>;
  counts?: Record<string, number>;
  stored_company_page_urls?: string[];
  [extra: string]: unknown;
}

export type CorporateRelation = 'brand' | 'subsidiary' | 'former_name' | 'trading_name' | 'legal_name';

/** Another list entry the same link name points to. */
export interface AlsoListedAs {
  list: string;
  listed_entity: string;
  /** Free text when present, e.g. "franchisee of". */
  relation?: string;
}

/** A sourced link from a name seen on pages (brand, subsidiary, ...) to a list entry. */
export interface CorporateLink {
  name: string;
  relation: CorporateRelation;
  /** Exactly the `name` of an entry in the list whose id is `list`. */
  listed_entity: string;
  list: string;
  source_url: string;
  /** At most ~25 words from the source page. */
  source_quote: string;
  /** Free text: a date or a description of the source's age. */
  as_of: string;
  retrieved_from: string;
  note?: string;
  also_listed_as?: AlsoListedAs[];
}

/** A look-alike that must not be flagged as the named entry. */
export interface NotRelatedRecord {
  name: string;
  /** Exactly the `name` of an entry in the list whose id is `list`. */
  not_the_same_as: string;
  list: string;
  reason: string;
  source_url: string;
  source_quote: string;
  retrieved_from: string;
}

export interface CorporateLinksFile {
  title?: string;
  compiled?: string;
  note?: string;
  counts?: Record<string, number>;
  links: CorporateLink[];
  not_related: NotRelatedRecord[];
  [extra: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadedListFile {
  /** Path as read, e.g. "data/lists/dbio-2024.json". */
  file: string;
  /** The file's exact bytes (hash these, not a re-serialisation). */
  bytes: Buffer;
  json: ListFile;
}

export interface LoadedCorporateLinks {
  file: string;
  bytes: Buffer;
  json: CorporateLinksFile;
}

export { NOT_FOR_FLAGGING } from './validate';

/** Thrown when data fails validation; `message` lists every issue, one per line. */
export class DataValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const n = issues.length;
    super(
      `Invalid list data (${n} problem${n === 1 ? '' : 's'}):\n${issues.map((i) => `  - ${i.message}`).join('\n')}`,
    );
    this.name = 'DataValidationError';
    this.issues = issues;
  }
}

interface RawFile {
  file: string;
  bytes: Buffer;
  /** Undefined when the text is not valid JSON (the issue is already recorded). */
  json: unknown;
  parsed: boolean;
}

function readJsonFile(file: string, issues: ValidationIssue[]): RawFile {
  const bytes = readFileSync(file);
  const result = parseJsonText(file, bytes.toString('utf8'));
  if (!result.ok) {
    issues.push(result.issue);
    return { file, bytes, json: undefined, parsed: false };
  }
  return { file, bytes, json: result.json, parsed: true };
}

/** Reads and validates every *.json in `dir` (sorted by name) without throwing. */
export function checkListFiles(dir = 'data/lists'): { lists: LoadedListFile[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort();
  const raw = names.map((name) => readJsonFile(join(dir, name), issues)).filter((r) => r.parsed);
  issues.push(...validateLists(raw));
  const lists = raw.map((r) => ({ file: r.file, bytes: r.bytes, json: r.json as ListFile }));
  return { lists, issues };
}

/** Reads and validates the corporate-links file against the given lists without throwing. */
export function checkCorporateLinks(
  path: string,
  lists: readonly LoadedListFile[],
): { links: LoadedCorporateLinks | null; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const raw = readJsonFile(path, issues);
  if (!raw.parsed) return { links: null, issues };
  issues.push(
    ...validateCorporateLinks(
      path,
      raw.json,
      lists.map((l) => l.json),
    ),
  );
  return { links: { file: path, bytes: raw.bytes, json: raw.json as CorporateLinksFile }, issues };
}

/** All list files in `dir`, validated. Throws DataValidationError listing every issue. */
export function loadListFiles(dir = 'data/lists'): LoadedListFile[] {
  const { lists, issues } = checkListFiles(dir);
  if (issues.length) throw new DataValidationError(issues);
  return lists;
}

/** The corporate-links file, validated against `lists` (from loadListFiles). Throws DataValidationError. */
export function loadCorporateLinks(path: string, lists: readonly LoadedListFile[]): LoadedCorporateLinks {
  const { links, issues } = checkCorporateLinks(path, lists);
  if (issues.length || !links) throw new DataValidationError(issues);
  return links;
}
