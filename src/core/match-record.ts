// The one serialised shape of a match and of a list, as every output writes them: the CLI's
// JSON (`scan`, `check`, `screen`) and the audit record (its JSON and its CSV columns). Each
// output adds only what is its own (where the match was: a block, offsets, a page's context;
// what the user did: a dismissal), so a field added or renamed here reaches all of them at
// once. tests/unit/match-record-contract.test.ts holds the outputs to this.
import { listKindOf, standingDate, standingOf } from './entry-wording';
import type {
  EntryStanding,
  Entity,
  Evidence,
  FieldRole,
  ListKind,
  ListMeta,
  Match,
  MatchedEntry,
  MatchLevel,
  MatchType,
  RuleName,
} from './types';

/** One list entry a match names: the list, the entry's name there, and what the list says of it. */
export interface MatchRecordEntry extends MatchedEntry {
  /** The kind of list (UN database, sanctions, investor exclusion, ...); null when the list is unknown. */
  kind: ListKind | null;
  /**
   * The entry's status in its list's own terms: listed, excluded and divested are current;
   * removed, revoked and exclusion-revoked are history, never a flag.
   */
  standing: EntryStanding;
  /** The date of that standing (listing, decision, removal, revocation), or null. */
  standingOn: string | null;
}

/** A match as every output writes it. */
export interface MatchRecord {
  /** Exactly the text that matched (in the page, the file or the name screened). */
  text: string;
  level: MatchLevel;
  matchType: MatchType;
  /** The listed entity's id and display name. */
  entity: string;
  entityName: string;
  /** The listed name, alias or link name that matched. */
  name: string;
  lists: MatchRecordEntry[];
  /** The role the input states for the name (supplier, brand, ...), or null. */
  field: FieldRole | null;
  evidence: Evidence[];
  /** The named rule that decided the level (src/core/rules.ts). */
  rule: RuleName;
}

/** What a match record is made from: a match, or a popup item that stands for several. */
export type MatchRecordSource = Pick<
  Match,
  'text' | 'level' | 'matchType' | 'entity' | 'entityName' | 'name' | 'lists' | 'field' | 'evidence' | 'rule'
>;

/** Where the record reads what the lists say about an entry (the presentation's DataLookup fits). */
export interface RecordLookup {
  entity(id: string): Entity | undefined;
  list(id: string): ListMeta | undefined;
}

function entryRecord(l: MatchedEntry, entity: Entity | undefined, lookup: RecordLookup | undefined): MatchRecordEntry {
  const entry = entity?.entries.find((e) => e.list === l.list && e.entry === l.entry);
  return {
    list: l.list,
    entry: l.entry,
    status: l.status,
    kind: listKindOf(lookup?.list(l.list)),
    // Without the entry's details the match's own status still says current or history.
    standing: standingOf(entry ?? l),
    standingOn: entry ? standingDate(entry) : null,
  };
}

/**
 * A match as a plain record. Without `lookup` (or for an entry the data lacks) the entry's
 * kind is null and its standing follows its status.
 */
export function matchRecord(m: MatchRecordSource, lookup?: RecordLookup): MatchRecord {
  const entity = lookup?.entity(m.entity);
  return {
    text: m.text,
    level: m.level,
    matchType: m.matchType,
    entity: m.entity,
    entityName: m.entityName,
    name: m.name,
    lists: m.lists.map((l) => entryRecord(l, entity, lookup)),
    field: m.field,
    evidence: m.evidence.map((e) => ({ ...e })),
    rule: m.rule,
  };
}

/**
 * The record with an output's own fields added before `rule`: printed JSON has always ended a
 * match with `rule`, and readers that compare key order keep working.
 */
export function recordWith<T extends object>(
  record: MatchRecord,
  own: T,
): Omit<MatchRecord, 'rule'> & T & Pick<MatchRecord, 'rule'> {
  const { rule, ...rest } = record;
  return { ...rest, ...own, rule };
}

/**
 * A list as every output names it: what was checked, at which version, from which bytes.
 * `screen` printed only id, version and sha256 before the rest: they come first.
 */
export interface ListRecord {
  id: string;
  version: string;
  /** SHA-256 (hex) of the list data as bundled or imported. */
  sha256: string;
  title: string;
  publisher: string;
  url: string;
  /** Publication date as the list states it (ISO date or partial date), or null. */
  published: string | null;
  origin: 'bundled' | 'imported';
  /** True when the copy is partial (see coverageNote). */
  partial: boolean;
  coverageNote: string;
  entryCount: number;
  /** Sanctions regime or legal basis, else null. */
  regime: string | null;
  /** UN database, sanctions, investor exclusion, NGO research or imported; null when unknown. */
  kind: ListKind | null;
  /** Investor exclusions: who recommends them (GPFG: Council on Ethics), else null. */
  recommendedBy: string | null;
  /** True when no entry of the list is in force (every designation revoked). */
  historical: boolean;
}

export function listRecord(l: ListMeta): ListRecord {
  return {
    id: l.id,
    version: l.version,
    sha256: l.sha256,
    title: l.title,
    publisher: l.publisher,
    url: l.url,
    published: l.published,
    origin: l.origin,
    partial: l.partial,
    coverageNote: l.coverageNote,
    entryCount: l.entryCount,
    regime: l.regime,
    kind: listKindOf(l),
    recommendedBy: l.recommendedBy ?? null,
    historical: l.historical ?? false,
  };
}
