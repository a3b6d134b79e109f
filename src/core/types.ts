// Shared data shapes of the matching engine. Pure types: no DOM, no extension APIs.
// The compiled data (built by scripts/build-data.ts) and every match carry their own
// explanation, so the popup, the CLI and the exports never re-derive it.

import type { CorporateLink } from '../generated/list-types';

/** `flag`: shown as a flag. `possible`: shown for review only, never counted on the badge. */
export type MatchLevel = 'flag' | 'possible';

/** How the page text relates to the listed entry. */
export type MatchType =
  | 'exact' // the entry's own name (legal form may differ or be absent)
  | 'alias' // an alias given by the list, or derived from the listed name
  | 'weak-alias' // a short or common-word alias, flagged only with corroboration
  | 'group-member' // listed group name followed by a country or a legal form
  | 'brand'
  | 'subsidiary'
  | 'former-name'
  | 'trading-name'
  | 'legal-name';

/** The role a page states for a name (tender field, product brand, ...), or null. */
export type FieldRole =
  | 'supplier'
  | 'contractor'
  | 'winner'
  | 'tenderer'
  | 'subcontractor'
  | 'buyer'
  | 'brand'
  | 'manufacturer'
  | 'seller'
  | 'organisation';

/**
 * Whether an entry is current: `listed` entries flag; `delisted` ones (removed, revoked, an
 * exclusion revoked) are history and never flag. What the list says in its own terms is the
 * entry's `standing`.
 */
export type EntryStatus = 'listed' | 'delisted';

/**
 * An entry's status in the words of its kind of list: listed (UN database, sanctions, NGO
 * research), excluded or divested (an investor's decision), removed (delisted by the list),
 * revoked (the legal basis was revoked), exclusion revoked. Only listed, excluded and divested
 * are current.
 */
export type EntryStanding = 'listed' | 'removed' | 'revoked' | 'excluded' | 'divested' | 'exclusion-revoked';

/** What kind of list an entry is on; the wording of a listing depends on it. */
export type ListKind = 'un-database' | 'sanctions' | 'investor-exclusion' | 'ngo-research' | 'imported';

/** One dated event in an entry's history, as the list gives it. */
export interface EntryEvent {
  /** ISO date, or a partial date (YYYY, YYYY-MM) as the list gives it. */
  date: string;
  event: 'listed' | 'recommended' | 'excluded' | 'divested' | 'announced' | 'removed' | 'revoked' | 'exclusion-revoked';
  /** The list's own words for the event, when it gives them ("excluded again"). */
  note: string | null;
}

/** One criterion an entry is listed for, e.g. OHCHR activity (e) with its full text. */
export interface Criterion {
  code: string;
  text: string;
}

/** Metadata of one list (bundled or imported). */
export interface ListMeta {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Publication date as the list states it (ISO date or partial date), or null. */
  published: string | null;
  /** Version label shown to users and written to audit records. */
  version: string;
  coverageNote: string;
  /** True when the coverage note says the copy is partial: the UI must say so. */
  partial: boolean;
  entryCount: number;
  /** SHA-256 (hex) of the list file's bytes as bundled or imported. */
  sha256: string;
  /** Sanctions regime or legal basis, when the list has one. */
  regime: string | null;
  origin: 'bundled' | 'imported';
  /** Absent on lists stored before kinds existed: read it with listKindOf (src/core/entry-wording.ts). */
  kind?: ListKind;
  /** Investor exclusions: who recommends the exclusions ("Council on Ethics"), when the list says so. */
  recommendedBy?: string | null;
  /** True when no entry of the list is current (every designation revoked): a historical list. */
  historical?: boolean;
}

/** One list entry behind an entity, with everything the popup shows for it. */
export interface EntryRef {
  list: string;
  /** The entry name exactly as in the list file. */
  entry: string;
  status: EntryStatus;
  /** Removal date for delisted entries (ISO date when known, else as printed). */
  removedOn: string | null;
  /** Listing / designation date when the list gives one. */
  listedOn: string | null;
  criteria: Criterion[];
  rationale: string;
  sourceUrl: string;
  entityType: string | null;
  country: string | null;
  /** Company response noted by the list (OHCHR), if any. */
  response: string | null;
  // The fields below are absent on entries compiled before list kinds existed (imported lists
  // stored earlier, test fixtures): readers fall back to `status`.
  /** The status in the list's own terms (see EntryStanding). */
  standing?: EntryStanding;
  /** The date of that status: listing, decision, removal or revocation date. */
  standingOn?: string | null;
  /** Investor exclusions: who decided (Norges Bank, the Ministry of Finance, KLP, ...). */
  decidedBy?: string | null;
  /** Investor exclusions: the dates of the recommendations behind the decision. */
  recommendedOn?: string[];
  /** Investor exclusions: the ground as a code; "settlements" for settlement activity. */
  ground?: string | null;
  /** False when the list says the entry's current status was not checked. */
  statusVerified?: boolean | null;
  /** The list's note on the status ("whether the exclusion is still in force has not been confirmed"). */
  statusNote?: string | null;
  /** Revoked entries: the instrument that revoked them. */
  revokedBy?: string | null;
  /** The list's own note on the entry, if any. */
  note?: string | null;
  /** Dated events (listing, recommendation, decision, removal, revocation), oldest first. */
  history?: EntryEvent[];
}

/** A cluster of list entries that name the same company, organisation or person. */
export interface Entity {
  id: string;
  displayName: string;
  entries: EntryRef[];
  /** Canonical legal forms the lists give for this entity ("ltd", "ag"), for homonym checks. */
  legalForms?: string[];
  /**
   * Where the entity is established (ISO 3166 codes): its entries' countries and the
   * jurisdictions of the legal forms its own names and sourced links carry. A legal form
   * after a weak name corroborates it only when it is used in one of these.
   */
  jurisdictions?: string[];
  /** Business lines named in its names, links and rationales ("telecom", "finance"). */
  lines?: string[];
  /** Sourced product lines of its brand, and of other companies sharing the brand. */
  productLines?: ProductLine[];
}

/** Models and product words that follow a brand on a page ("Volvo FH16", "Cisco Catalyst"). */
export interface ProductLine {
  line: string;
  /** Regular expression source over the token after the brand. */
  models: string;
  words: string[];
  /** Null: the entity's own line. Else the other company that sells it under the brand. */
  otherCompany: string | null;
  sourceUrl: string;
}

export type NameStrength = 'strong' | 'weak';

export type NameKind = 'listed-name' | 'list-alias' | 'derived-alias' | 'link';

/** A sourced corporate link (brand, subsidiary, ...) from data/corporate-links.json. */
export interface LinkSource {
  /** As data/schema/corporate-links.schema.json spells it. */
  relation: CorporateLink['relation'];
  /** The link's name exactly as in the links file. */
  linkName: string;
  sourceUrl: string;
  quote: string;
  asOf: string | null;
  note: string | null;
  /**
   * `current`: flags like the entity's own name. `historical` (divested, renamed away,
   * licence ended), `weak-source` (the only source is weak or covers an announcement) and
   * `contested` (a "not this company" record covers the same name in some markets) are
   * shown for what they are and never flag on their own.
   */
  status: LinkStatus;
  /** Why the link has that status (from data/curation/link-status.json). */
  statusNote: string | null;
}

export type LinkStatus = 'current' | 'historical' | 'weak-source' | 'contested';

/** One matchable name: normalised core tokens pointing at an entity. */
export interface CompiledName {
  id: number;
  /** Normalised core tokens (legal forms removed). */
  tokens: string[];
  /** The name as written in its source (listed name, alias or link name). */
  text: string;
  entity: string;
  kind: NameKind;
  strength: NameStrength;
  /** Why the name is weak (short, acronym, common word, homonym), for explanations. */
  weakReason: WeakReason | null;
  /** For acronyms: the upper-case form the page must show for case evidence (e.g. "CAF"). */
  acronym: string | null;
  /** Present for corporate links. */
  link: LinkSource | null;
  /**
   * For a one-word name that is an ordinary word: the languages whose dictionaries hold it.
   * On a page in another language that has a dictionary, the capitalised word is a name.
   */
  commonIn?: string[];
  /** Languages in which this acronym is also a public body's ("CAF" in French). */
  publicBodyIn?: string[];
}

export type WeakReason = 'short' | 'acronym' | 'common-word' | 'homonym' | 'generic-words';

/** A look-alike that must not flag: "Volvo Cars" is not the Volvo Group. */
export interface CompiledGuard {
  id: number;
  tokens: string[];
  text: string;
  /** The record name exactly as in the source file. */
  recordName: string;
  notEntity: string;
  notEntityName: string;
  reason: string;
  sourceUrl: string;
  /** A public register or body, not another company. */
  publicBody?: boolean;
}

/** The structure the matcher loads: produced at build time, loaded as JSON. */
export interface CompiledData {
  formatVersion: 1;
  lists: ListMeta[];
  entities: Entity[];
  names: CompiledName[];
  guards: CompiledGuard[];
}

/** Why a weak alias was accepted as a flag, or why a match is only `possible`. */
export type Evidence =
  | { kind: 'legal-form'; text: string }
  | { kind: 'company-word'; text: string }
  | { kind: 'country'; text: string }
  | { kind: 'case'; text: string }
  | { kind: 'field'; field: FieldRole }
  /** A model or product line of the brand's listed company follows the name ("Volvo FH16"). */
  | { kind: 'product'; text: string }
  /** An ordinary word only in other languages, capitalised in text of this language. */
  | { kind: 'foreign-word'; lang: string }
  | { kind: 'full-name-on-page'; text: string }
  | { kind: 'no-corroboration'; reason: WeakReason }
  /** The name runs on into a longer proper name ("Volvo EX30"): never promoted by the page. */
  | { kind: 'runs-on'; text: string }
  | { kind: 'link-not-current'; status: LinkStatus; note: string | null }
  | { kind: 'delisted-only' };

/** One list entry as reported in a match (the CLI's stable contract). */
export interface MatchedEntry {
  list: string;
  entry: string;
  status: EntryStatus;
}

/** One match in a block of text. Offsets are UTF-16 offsets into the block text. */
export interface Match {
  start: number;
  end: number;
  /** Exactly the page text that matched. */
  text: string;
  level: MatchLevel;
  matchType: MatchType;
  entity: string;
  entityName: string;
  /** The listed name, alias or link name that matched. */
  name: string;
  nameId: number;
  /** Whether the name that matched is strong (flags alone) or weak (needs corroboration). */
  nameStrength: NameStrength;
  lists: MatchedEntry[];
  field: FieldRole | null;
  evidence: Evidence[];
  /** The named rule that decided the level (see src/core/rules.ts), for the popup, CLI and audit. */
  rule: RuleName;
}

/** Rules that decide a match's level; each is one small function in src/core/rules.ts. */
export type RuleName =
  | 'strong-name'
  | 'legal-form-agrees'
  | 'country-subsidiary'
  | 'business-line'
  | 'acronym-case'
  | 'capitalised-words'
  | 'stated-field'
  | 'brand-product'
  | 'foreign-word'
  | 'full-name-on-page'
  | 'no-corroboration'
  | 'part-of-longer-name'
  | 'link-not-current'
  | 'delisted-only';

/** A look-alike seen on the page and left clear, with its reason. */
export interface GuardHit {
  start: number;
  end: number;
  text: string;
  guard: number;
}

/** A block of visible text as the page or a data file presents it. */
export interface TextBlock {
  text: string;
  field: FieldRole | null;
  /**
   * The language the text is written in (two-letter code: the page's or element's `lang`, a
   * notice's language), or null/absent when unknown. A word that is ordinary only in other
   * languages reads as a name here ("Carrefour" in Polish text).
   */
  lang?: string | null;
  /**
   * The country the page or file states for the organisation this text names (ISO 3166
   * code: a notice's address of that party), or null/absent. A weak name at an address in a
   * country where the listed company is not established is another organisation.
   */
  country?: string | null;
}
