// Compile list files into the structure the matcher loads (CompiledData). Pure: runs at
// build time for the bundled lists and in the extension for lists a user imports.
import type {
  CompiledData,
  CompiledGuard,
  CompiledName,
  Criterion,
  Entity,
  EntryEvent,
  EntryRef,
  EntryStanding,
  LinkSource,
  LinkStatus,
  ListKind,
  ListMeta,
  NameKind,
  NameStrength,
  WeakReason,
} from './types';
import { coreOf, nameVariants, type NameVariant } from './name-variants';
import { affixAt, canonicalLegalForm, isCompanyWord, isDroppableWord, isLegalForm } from './legal-forms';
import { businessLineOf, countryCodeOf, jurisdictionsOf } from './lexicon';
import { normalizeName, tokenize } from './normalize';
import { parseLooseDate } from './dates';
import { splitRecordName } from './record-names';
import type { ListEntry, ListFile } from '../generated/list-types';

/**
 * A list file as the compiler reads it (validated before it gets here): the shape of
 * data/schema/list.schema.json. A list a user imports may lack the texts only this project's
 * maintainers write, and its entries may use other lists' words for the entity type.
 */
export interface SourceList extends Omit<
  ListFile,
  'retrieved_from' | 'license_note' | 'curation_note' | 'categories' | 'entries'
> {
  retrieved_from?: string;
  license_note?: string;
  curation_note?: string;
  categories?: ListFile['categories'];
  entries: SourceEntry[];
}

export interface SourceEntry extends Omit<ListEntry, 'entity_type'> {
  entity_type?: string;
}

export interface SourceListFile {
  list: SourceList;
  sha256: string;
  origin: 'bundled' | 'imported';
}

/** A "not this company" record: a look-alike that must stay clear. */
export interface SourceGuard {
  name: string;
  notTheSameAs: string;
  list: string;
  reason: string;
  sourceUrl: string;
  /**
   * A public register or body ("Banque-Carrefour des Entreprises"): it stays clear, but does
   * not make the name it contains a homonym of another company.
   */
  publicBody?: boolean;
}

/** A sourced corporate link (brand, subsidiary, former name, ...) to a listed entry. */
export interface SourceLink {
  name: string;
  relation: LinkSource['relation'];
  listedEntity: string;
  list: string;
  sourceUrl: string;
  quote: string;
  asOf: string | null;
  note: string | null;
  status: LinkStatus;
  statusNote: string | null;
}

export interface CompileOptions {
  /** True when a token is an ordinary word in one of our users' languages (build-time dictionaries). */
  isCommonWord: (norm: string) => boolean;
  /**
   * True when an acronym's lower-case form is an ordinary word in at least two of those
   * languages ("cat", "semi"): its capitals then say nothing. Defaults to isCommonWord.
   */
  isWidelyCommonWord?: (norm: string) => boolean;
  /** True when a token is a proper noun in those dictionaries (a place, a person, another brand). */
  isKnownName?: (norm: string) => boolean;
  /** Names (normalised) that are weak by curated policy, e.g. homonyms without a guard record. */
  weakNames?: ReadonlySet<string>;
  /** The languages whose dictionaries hold a token as an ordinary word (build-time dictionaries). */
  commonIn?: (norm: string) => string[];
  /** Acronym -> languages in which it is also a public body's (data/lexicon/public-bodies.json). */
  publicBodyAcronyms?: ReadonlyMap<string, string[]>;
  /** Sourced product lines per brand (data/lexicon/product-lines.json). */
  productLines?: readonly SourceProductLine[];
}

export interface SourceProductLine {
  brand: string;
  /** The listed entry whose company sells the line; null for another company's line. */
  company: { list: string; entry: string } | null;
  otherCompany: string | null;
  line: string;
  models: string;
  words: string[];
  sourceUrl: string;
}

const PARTIAL_RE = /\bpartial\b|\bsample\b|not captured/i;
const PERSON_TYPES = new Set(['person', 'individual']);

export function compileLists(
  files: SourceListFile[],
  guards: SourceGuard[],
  opts: CompileOptions,
  links: SourceLink[] = [],
): CompiledData {
  const lists: ListMeta[] = files.map(({ list, sha256, origin }) => ({
    id: list.id,
    title: list.title,
    publisher: list.publisher,
    url: list.url,
    published: list.published ?? null,
    version: list.version ?? versionLabel(list),
    coverageNote: list.coverage_note,
    partial: list.partial ?? PARTIAL_RE.test(list.coverage_note),
    entryCount: list.entries.length,
    sha256,
    regime: list.regime ?? null,
    origin,
    ...(origin === 'imported' ? { kind: 'imported' as const } : list.kind ? { kind: list.kind } : {}),
    recommendedBy: list.recommended_by ?? null,
    historical: list.entries.length > 0 && list.entries.every((e) => e.status === 'delisted'),
  }));

  const entities = clusterEntities(files.map((f) => f.list));
  const guardNames = compileGuards(guards, entities, opts);
  const names = compileNames(entities, guardNames, opts, links);
  addProductLines(entities, names, opts.productLines ?? []);
  for (const n of names) {
    if (n.weakReason === 'common-word' && n.tokens.length === 1 && opts.commonIn)
      n.commonIn = opts.commonIn(n.tokens[0]);
    const langs = n.acronym ? opts.publicBodyAcronyms?.get(n.acronym) : undefined;
    if (langs) n.publicBodyIn = langs;
  }
  for (const c of entities) describeEntity(c, names);
  return { formatVersion: 1, lists, entities: entities.map((e) => e.entity), names, guards: guardNames };
}

function versionLabel(list: SourceList): string {
  const pub = list.published ?? 'undated';
  return list.snapshot_date && list.snapshot_date !== list.published ? `${pub} (copy of ${list.snapshot_date})` : pub;
}

// ---------------------------------------------------------------- entities

interface Cluster {
  entity: Entity;
  sources: { list: SourceList; entry: SourceEntry }[];
}

/**
 * Entries of different lists that name the same company become one entity: when the
 * list says so (also_in_ohchr_database_2025), or when their core names are identical,
 * or when one entry's alias is another's core name ("Volvo Group (AB Volvo)" and
 * "Volvo Group").
 */
function clusterEntities(lists: SourceList[]): Cluster[] {
  type Ref = { list: SourceList; entry: SourceEntry };
  const refs: Ref[] = [];
  for (const list of lists) for (const entry of list.entries) refs.push({ list, entry });
  const parent = refs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const byPrimary = new Map<string, number[]>();
  const keyOf = (s: string) => nameVariants(s, false).at(-1)?.tokens.join(' ') ?? normalizeName(s);
  refs.forEach((r, i) => {
    const k = `${isPerson(r.entry) ? 'p' : 'o'}:${keyOf(r.entry.name)}`;
    const arr = byPrimary.get(k) ?? [];
    arr.push(i);
    byPrimary.set(k, arr);
  });
  for (const ids of byPrimary.values()) for (const i of ids.slice(1)) union(ids[0], i);

  refs.forEach((r, i) => {
    const kind = isPerson(r.entry) ? 'p' : 'o';
    // The first cross-reference names the same company; any further ones name its
    // subsidiaries (Who Profits' HeidelbergCement -> Heidelberg Materials AG, Hanson Israel
    // Ltd.). A reference the list marks as "not checked to be the same" joins nothing.
    const xref = (r.entry.also_in_ohchr_database_2025 ?? []).slice(0, 1).filter((x) => !/not checked/i.test(x));
    for (const other of [...xref, ...r.entry.aliases]) {
      for (const j of byPrimary.get(`${kind}:${keyOf(other)}`) ?? []) union(i, j);
    }
  });

  const groups = new Map<number, Ref[]>();
  refs.forEach((r, i) => {
    const root = find(i);
    const arr = groups.get(root) ?? [];
    arr.push(r);
    groups.set(root, arr);
  });

  const usedIds = new Set<string>();
  const clusters: Cluster[] = [];
  for (const members of groups.values()) {
    // Display the name the UN list uses when there is one, else the first list's name.
    const display = members.find((m) => m.list.id.startsWith('ohchr')) ?? members[0];
    let id = slug(display.entry.name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(display.entry.name)}-${n}`;
    usedIds.add(id);
    const legalForms = new Set<string>();
    for (const m of members) {
      for (const n of [m.entry.name, ...m.entry.aliases]) {
        const lf = coreOf(n).legalForm.join(' ');
        if (lf) legalForms.add(canonicalLegalForm(lf));
      }
    }
    clusters.push({
      entity: {
        id,
        displayName: display.entry.name,
        // The UN database first, then sanctions, investor exclusions, NGO research and
        // imported lists: the order a reader weighs them in, the same in every output.
        entries: members
          .map((m, i) => ({ m, i }))
          .sort((a, b) => kindRank(a.m.list) - kindRank(b.m.list) || a.i - b.i)
          .map(({ m }) => entryRef(m.list, m.entry)),
        legalForms: [...legalForms],
      },
      sources: members,
    });
  }
  return clusters;
}

const KIND_ORDER: readonly ListKind[] = ['un-database', 'sanctions', 'investor-exclusion', 'ngo-research', 'imported'];

function kindRank(list: SourceList): number {
  const i = list.kind ? KIND_ORDER.indexOf(list.kind) : -1;
  return i < 0 ? KIND_ORDER.length : i;
}

function isPerson(e: SourceEntry): boolean {
  return PERSON_TYPES.has((e.entity_type ?? '').toLowerCase());
}

function slug(s: string): string {
  return (
    normalizeName(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entity'
  );
}

function entryRef(list: SourceList, e: SourceEntry): EntryRef {
  const cats = (list.categories ?? {}) as Record<string, unknown>;
  const criteria: Criterion[] = e.categories.map((code) => ({ code, text: categoryText(cats[code]) }));
  const status = e.status ?? 'listed';
  const removedOn =
    status === 'delisted' ? (parseLooseDate(e.delisted_table_date) ?? e.delisted_table_date ?? null) : null;
  const listedOn =
    parseLooseDate(e.listed_since ?? e.designated ?? e.listed) ?? e.listed_since ?? e.designated ?? e.listed ?? null;
  const exclusion = list.kind === 'investor-exclusion';
  const revokedOn = e.revoked ?? null;
  const decisionDate = e.decision_date ?? e.announced ?? e.listed ?? null;
  let standing: EntryStanding;
  let standingOn: string | null;
  if (exclusion) {
    const revoked = status === 'delisted' || e.exclusion_status === 'revoked';
    standing = revoked ? 'exclusion-revoked' : e.exclusion_status === 'divested' ? 'divested' : 'excluded';
    standingOn = revoked ? (revokedOn ?? removedOn) : decisionDate;
  } else if (status === 'delisted') {
    standing = revokedOn ? 'revoked' : 'removed';
    standingOn = revokedOn ?? removedOn;
  } else {
    standing = 'listed';
    standingOn = listedOn;
  }
  return {
    list: list.id,
    entry: e.name,
    status,
    removedOn,
    listedOn,
    criteria,
    rationale: e.rationale,
    sourceUrl: e.evidence_url,
    entityType: e.entity_type ?? null,
    country: e.country ?? null,
    response: e.ohchr_company_response ?? null,
    standing,
    standingOn,
    decidedBy: exclusion ? (e.decision_by ?? null) : null,
    recommendedOn: e.council_recommendation_dates ?? [],
    ground: e.ground ?? null,
    statusVerified: e.status_verified ?? null,
    statusNote: e.status_note ?? null,
    revokedBy: e.revoked_by ?? null,
    note: e.note ?? null,
    history: entryHistory(e, { exclusion, standing, standingOn, listedOn, removedOn, revokedOn }),
  };
}

/**
 * The entry's dated events, oldest first: recommendations and decisions of an investor (its
 * own history when the list records one: excluded, revoked, excluded again), a listing, a
 * removal or a revocation. Only what the list dates.
 */
function entryHistory(
  e: SourceEntry,
  x: {
    exclusion: boolean;
    standing: EntryStanding;
    standingOn: string | null;
    listedOn: string | null;
    removedOn: string | null;
    revokedOn: string | null;
  },
): EntryEvent[] {
  const events: EntryEvent[] = [];
  const add = (date: string | null | undefined, event: EntryEvent['event'], note: string | null = null) => {
    if (date) events.push({ date, event, note });
  };
  if (x.exclusion) {
    for (const d of e.council_recommendation_dates ?? []) add(d, 'recommended');
    if (e.exclusion_history?.length) {
      for (const h of e.exclusion_history)
        add(h.date, /revok/i.test(h.event) ? 'exclusion-revoked' : 'excluded', h.event);
    } else {
      const decided = e.exclusion_status === 'divested' ? 'divested' : 'excluded';
      add(e.decision_date ?? e.announced ?? e.listed, decided, e.decision_by ?? null);
    }
    if (e.announced && e.announced !== (e.decision_date ?? e.announced)) add(e.announced, 'announced');
    if (x.standing === 'exclusion-revoked' && !e.exclusion_history?.some((h) => /revok/i.test(h.event)))
      add(x.standingOn, 'exclusion-revoked');
  } else {
    add(x.listedOn, 'listed');
    if (x.standing === 'revoked') add(x.revokedOn, 'revoked', e.revoked_by ?? null);
    else if (x.standing === 'removed') add(x.removedOn, 'removed');
  }
  // Partial ISO dates sort as text ("2010" < "2013-08" < "2014-01"); a stable sort keeps the
  // list's order for events of the same date.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function categoryText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { description?: unknown }).description === 'string') {
    return (v as { description: string }).description;
  }
  return '';
}

/**
 * Where an entity is established and what it does, from its own data only: the countries
 * its entries and the names of its sourced links give (else the jurisdictions of the legal
 * forms in its names), and the business-line words in those names.
 */
function describeEntity(c: Cluster, names: readonly CompiledName[]): void {
  const countries = new Set<string>();
  const formJurisdictions = new Set<string>();
  const lines = new Set<string>();
  const texts: string[] = [];
  for (const { entry } of c.sources) {
    // Not the rationales: they name places and activities ("West Bank"), not the company's line.
    texts.push(entry.name, ...entry.aliases);
    for (const code of countriesIn(entry.country ?? '')) countries.add(code);
  }
  for (const n of names) if (n.entity === c.entity.id) texts.push(n.text);
  for (const text of texts) {
    const norms = tokenize(text).map((t) => t.norm);
    for (const t of norms) {
      const line = businessLineOf(t);
      if (line && line !== 'generic') lines.add(line);
    }
    const lf = coreOf(text).legalForm.join(' ');
    if (lf) for (const j of jurisdictionsOf(canonicalLegalForm(lf))) formJurisdictions.add(j);
    // A link such as "Heidelberg Materials Belgium" or "IBM Finland" names a country too.
    for (const code of countriesIn(text)) countries.add(code);
  }
  // The countries the data names; only without any, the places its own legal forms are used
  // ("S.A." alone says Spain or France or Belgium ...).
  const jurisdictions = countries.size > 0 ? countries : formJurisdictions;
  if (jurisdictions.size > 0) c.entity.jurisdictions = [...jurisdictions].sort();
  if (lines.size > 0) c.entity.lines = [...lines].sort();
}

/** ISO codes of the country names in a text ("Israel", "Spain / Israel"). */
function countriesIn(text: string): string[] {
  const norms = tokenize(text).map((t) => t.norm);
  const out: string[] = [];
  for (let i = 0; i < norms.length; i++) {
    const hit = affixAt(norms, i);
    if (hit?.kind !== 'country') continue;
    const code = countryCodeOf(norms.slice(i, i + hit.length).join(' '));
    if (code) out.push(code);
  }
  return out;
}

/**
 * Attaches each sourced product line to the entity whose brand it is (or, for another
 * company's line, to the listed entity sharing the brand), and makes sure the brand itself
 * is a (weak) name of that entity: "Solaris" from the link "Solaris Bus & Coach".
 */
function addProductLines(clusters: Cluster[], names: CompiledName[], lines: readonly SourceProductLine[]): void {
  let nextId = names.reduce((m, n) => Math.max(m, n.id), -1) + 1;
  for (const pl of lines) {
    const brand = tokenize(pl.brand).map((t) => t.norm);
    const named = names.find((n) => n.tokens.join(' ') === brand.join(' '));
    const owner = pl.company
      ? clusters.find((c) =>
          c.sources.some((s) => s.list.id === pl.company!.list && s.entry.name === pl.company!.entry),
        )
      : clusters.find((c) => c.entity.id === named?.entity);
    if (!owner) continue;
    (owner.entity.productLines ??= []).push({
      line: pl.line,
      models: pl.models,
      words: pl.words,
      otherCompany: pl.otherCompany,
      sourceUrl: pl.sourceUrl,
    });
    if (!named && pl.company && brand.length > 0) {
      names.push({
        id: nextId++,
        tokens: brand,
        text: pl.brand,
        entity: owner.entity.id,
        kind: 'derived-alias',
        strength: 'weak',
        weakReason: 'homonym',
        acronym: null,
        link: null,
      });
    }
  }
}

// ---------------------------------------------------------------- guards

function compileGuards(guards: SourceGuard[], clusters: Cluster[], opts: CompileOptions): CompiledGuard[] {
  const out: CompiledGuard[] = [];
  let id = 0;
  // A look-alike record never hides a name the lists themselves give ("Egis
  // Pharmaceuticals (Egis, ...)" must not turn the listed "Egis" into a guard).
  const listed = new Set<string>();
  for (const c of clusters) {
    for (const { entry } of c.sources) {
      for (const n of [entry.name, ...entry.aliases]) {
        for (const v of nameVariants(n, false)) listed.add(v.tokens.join(' '));
      }
    }
  }
  for (const g of guards) {
    const target = clusters.find((c) => c.sources.some((s) => s.list.id === g.list && s.entry.name === g.notTheSameAs));
    if (!target) continue;
    for (const text of splitRecordName(g.name, g.notTheSameAs).names) {
      // The guard's own name, and the same without a generic trailing word ("Volvo Car
      // Corporation" also guards "Volvo Car Germany GmbH").
      const variants = nameVariants(text, false);
      for (const v of guardVariants(text))
        if (!variants.some((x) => x.tokens.join(' ') === v.join(' '))) variants.push({ ...variants[0], tokens: v });
      for (const { tokens } of variants) {
        if (tokens.length === 0 || listed.has(tokens.join(' '))) continue;
        // A one-word look-alike that is an ordinary word ("DELTA" the fibre provider) would
        // put its note on every river delta: keep the longer names of the record only.
        // ("HP Inc." stays: its legal form makes it a company name.)
        if (tokens.length === 1 && opts.isCommonWord(tokens[0]) && coreOf(text).legalForm.length === 0) continue;
        out.push({
          id: id++,
          tokens,
          text,
          recordName: g.name,
          notEntity: target.entity.id,
          notEntityName: target.entity.displayName,
          reason: g.reason,
          sourceUrl: g.sourceUrl,
          ...(g.publicBody ? { publicBody: true } : {}),
        });
      }
    }
  }
  return out;
}

/** "Volvo Car Corporation" -> ["volvo", "car"]: a guard without its generic trailing words. */
function guardVariants(text: string): string[][] {
  const out: string[][] = [];
  let toks = coreOf(text).tokens;
  while (toks.length > 2 && isDroppableWord(toks[toks.length - 1])) {
    toks = toks.slice(0, -1);
    out.push(toks);
  }
  return out;
}

// ---------------------------------------------------------------- names

const KIND_RANK: Record<NameKind, number> = { 'listed-name': 0, 'list-alias': 1, 'derived-alias': 2, link: 3 };

function compileNames(
  clusters: Cluster[],
  guards: CompiledGuard[],
  opts: CompileOptions,
  links: SourceLink[],
): CompiledName[] {
  const guardKeys = new Set(guards.map((g) => g.tokens.join(' ')));
  // Another company sharing the first word makes a homonym; a public body's name does not
  // ("Banque-Carrefour" leaves "Carrefour" an ordinary French word, read by its language).
  const guardHeads = new Set(guards.filter((g) => !g.publicBody).map((g) => g.tokens[0]));
  const byKey = new Map<string, CompiledName>();
  let nextId = 0;

  for (const c of clusters) {
    for (const { entry } of c.sources) {
      const person = isPerson(entry);
      const candidates: [NameVariant, NameKind][] = [];
      for (const v of nameVariants(entry.name, !person)) {
        candidates.push([
          v,
          v.derivation === 'as-listed' || v.derivation === 'no-brackets' ? 'listed-name' : 'derived-alias',
        ]);
      }
      for (const alias of entry.aliases) {
        for (const v of nameVariants(alias, !person)) {
          candidates.push([
            v,
            v.derivation === 'as-listed' || v.derivation === 'no-brackets' ? 'list-alias' : 'derived-alias',
          ]);
        }
      }
      for (const [v, kind] of candidates) addName(c, v, kind, person, null);
    }
  }

  // Sourced links point from a brand or subsidiary to the cluster holding the listed entry.
  for (const l of links) {
    const c = clusters.find((x) => x.sources.some((s) => s.list.id === l.list && s.entry.name === l.listedEntity));
    if (!c) continue;
    const { names: linkNames } = splitRecordName(l.name, l.listedEntity);
    for (const text of linkNames) {
      const link: LinkSource = {
        relation: l.relation,
        linkName: l.name,
        sourceUrl: l.sourceUrl,
        quote: l.quote,
        asOf: l.asOf,
        note: l.note,
        status: l.status,
        statusNote: l.statusNote,
      };
      for (const v of nameVariants(text, false)) addName(c, v, 'link', false, link);
      // "Coca-Cola GmbH" names a company by its legal form: keep that form in the pattern
      // too, so it wins over the shorter "Coca-Cola" (longest match).
      const full = tokenize(text);
      if (full.length > 1 && isLegalForm(full.slice(-1).map((t) => t.norm))) {
        addName(
          c,
          {
            text,
            tokens: full.map((t) => t.norm),
            raw: full.map((t) => text.slice(t.start, t.end)),
            derivation: 'as-listed',
          },
          'link',
          false,
          link,
        );
      }
    }
  }
  return [...byKey.values()];

  function addName(c: Cluster, v: NameVariant, kind: NameKind, person: boolean, link: LinkSource | null): void {
    const key = v.tokens.join(' ');
    // A derived alias or a link never shadows a look-alike that must stay clear.
    if ((kind === 'derived-alias' || kind === 'link') && guardKeys.has(key)) return;
    const derived = kind === 'derived-alias' || kind === 'link';
    const { strength, weakReason, acronym } = classify(v, person, guardHeads, opts, derived || kind === 'list-alias');
    const existing = byKey.get(key);
    if (existing) {
      if (existing.entity !== c.entity.id) {
        // Two entities share a core name: the listed name wins over derived aliases;
        // between equals the first stays (and the build prints a warning).
        if (KIND_RANK[kind] < KIND_RANK[existing.kind]) {
          byKey.set(key, { ...existing, entity: c.entity.id, kind, text: v.text, strength, weakReason, acronym, link });
        }
      } else if (KIND_RANK[kind] < KIND_RANK[existing.kind]) {
        existing.kind = kind;
        existing.text = v.text;
        existing.link = link;
      }
      return;
    }
    byKey.set(key, {
      id: nextId++,
      tokens: v.tokens,
      text: v.text,
      entity: c.entity.id,
      kind,
      strength,
      weakReason,
      acronym,
      link,
    });
  }
}

const ACRONYM_RE = /^[\p{Lu}\p{N}&.]{2,6}$/u;

/**
 * Strong names flag on their own; weak ones (short, acronyms, common words, homonyms,
 * names made only of ordinary words) need corroboration on the page.
 */
export function classify(
  v: Pick<NameVariant, 'tokens' | 'raw'>,
  person: boolean,
  guardHeads: ReadonlySet<string>,
  opts: CompileOptions,
  derived = false,
): { strength: NameStrength; weakReason: WeakReason | null; acronym: string | null } {
  const strong = { strength: 'strong' as const, weakReason: null, acronym: null };
  const weak = (weakReason: WeakReason, acronym: string | null = null) => ({
    strength: 'weak' as const,
    weakReason,
    acronym,
  });
  const { tokens, raw } = v;
  if (opts.weakNames?.has(tokens.join(' '))) return weak('homonym');
  if (person) return tokens.length >= 2 ? strong : weak('short');
  if (tokens.length === 1) {
    const t = tokens[0];
    const r = raw[0] ?? t;
    if (ACRONYM_RE.test(r) && /\p{Lu}/u.test(r) && t.length <= 5) {
      // Capitals are evidence only for acronyms that are not also words ("CAT", "SEMI").
      const widely = opts.isWidelyCommonWord ?? opts.isCommonWord;
      return widely(t) ? weak('common-word') : weak('acronym', r.replace(/\./g, ''));
    }
    if (t.length <= 3 || /^\d+$/.test(t)) return weak('short');
    if (guardHeads.has(t)) return weak('homonym');
    if (opts.isCommonWord(t)) return weak('common-word');
    // A one-word alias cut from a longer listed name ("Medan" from "Medan – Roads and
    // Quarries") is weaker evidence than a name the list gives on its own.
    if (derived && (t.length <= 4 || opts.isKnownName?.(t))) return weak(t.length <= 4 ? 'short' : 'homonym');
    return strong;
  }
  // Multi-word names made only of ordinary words ("Hot Mobile", "Field Produce", "New Way
  // Traffic") are weak, unless a company word says it is a company ("Partner Communications").
  const ordinary = tokens.every((t) => t.length <= 2 || opts.isCommonWord(t));
  const companyish = tokens.some((t) => isCompanyWord(t));
  if (ordinary && !companyish) return weak('generic-words');
  return strong;
}
