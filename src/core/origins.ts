// Origin findings: a place on the settlement-localities list named where a page states where
// a product comes from or who made it (an origin field, a producer line, an address). They
// are a kind of their own, apart from company flags: they name a place, not a listed
// company, and the list behind them is derived, not an official list.
//
// Pure: no DOM, no extension APIs. The index is compiled at build time (compileOriginIndex,
// called by scripts/build-data.ts) and loaded as JSON by the content script, the popup, the
// CLI and the tests; findOrigins runs the same everywhere.
//
// Context decides, never a bare word:
//  - Only text the caller states to be an origin value, a producer line or an address is
//    read. A place name in a description, a review or a person's name is never a finding.
//  - A name that runs on into a longer proper name is not a place: a capitalised word right
//    before it ("David Shilo") or right after it ("Barkan Wineries", "Ariel Sharon Street")
//    makes it part of a name, unless that word is a place word (industrial zone, kibbutz,
//    north, ...).
//  - A one-word name, or one made of very short words ("Ariel", "Eli", "Alon", "Bar On"),
//    is weak: it is a finding only with corroboration in the same value: an industrial-zone
//    word next to it ("Ariel Industrial Park"), a postcode next to it in an address
//    ("40700 Ariel"), or the West Bank or one of its settlement regions named in the value.
//  - A country alone ("Made in Israel", "Herkomst: Israël") names no place on the list and
//    so is never a finding; "Jordan Valley" is not on the list either (part of the valley
//    is in Jordan) and corroborates nothing.
import { normalizeName, tokenize, type Token } from './normalize';
import { placeKey } from './origin-variants';

export type PlaceCategory = 'locality' | 'industrial_zone' | 'farm_outpost' | 'jerusalem_alert_sector';

/** One entry of the localities list, as the popup shows it. */
export interface OriginPlace {
  id: number;
  /** The entry's name exactly as in the list. */
  name: string;
  aliases: string[];
  category: PlaceCategory;
  reviewRequired: boolean;
  reviewReasons: string[];
  rationale: string;
  evidenceUrl: string;
}

export type OriginNameKind = 'name' | 'alias' | 'derived' | 'curated';

/** One matchable spelling: the keys of its tokens, pointing at a place. */
export interface OriginName {
  keys: string[];
  /** The name, alias or derived name as written in its source. */
  text: string;
  place: number;
  kind: OriginNameKind;
  weak: boolean;
  /** For curated variants: the page that writes the place this way. */
  sourceUrl?: string;
}

export type OriginContextKind = 'origin' | 'producer' | 'address';

/** A phrase from the origin lexicon (data/lexicon/origin-labels.json), normalised. */
export interface OriginPhrase {
  tokens: string[];
  text: string;
  lang: string;
}

export interface OriginListMeta {
  id: string;
  title: string;
  publisher: string;
  url: string;
  published: string | null;
  coverageNote: string;
  partial: boolean;
  entryCount: number;
  sha256: string;
}

export interface OriginIndex {
  formatVersion: 1;
  list: OriginListMeta;
  places: OriginPlace[];
  names: OriginName[];
  labels: { origin: OriginPhrase[]; producer: OriginPhrase[]; address: OriginPhrase[] };
  /** Industrial-zone words ("industrial zone", "zone industrielle", "אזור תעשייה"). */
  zoneWords: OriginPhrase[];
  /** The West Bank and its settlement regions, in the languages of the lexicon. */
  regions: OriginPhrase[];
  /** Words that may stand next to a place name without making it part of a longer name. */
  placeWords: string[];
}

/** Which rule made a finding. */
export type OriginRule = 'strong-name' | 'industrial-zone-word' | 'postcode' | 'region-named';

/** What a page states and where: the text of one origin value, producer line or address. */
export interface OriginContext {
  kind: OriginContextKind;
  /** The label the page gives the value ("Herkomst", "Producent"), or the data field. */
  label: string;
  /** The value's text. */
  text: string;
  /** Where it was read: "label", "json-ld Product.countryOfOrigin", ... */
  source: string;
}

export interface OriginFinding {
  place: number;
  placeName: string;
  category: PlaceCategory;
  reviewRequired: boolean;
  /** Exactly the page text that named the place. */
  text: string;
  start: number;
  end: number;
  /** The list's spelling that matched, and whether the page spelled it differently. */
  matchedName: string;
  nameKind: OriginNameKind;
  spelling: 'same' | 'variant';
  rule: OriginRule;
  /** The corroborating words (industrial-zone word, postcode, region), when weak. */
  evidence: string | null;
  context: OriginContext;
}

// ---------------------------------------------------------------------------------------
// Compiling

export interface SourceLocality {
  name: string;
  aliases: string[];
  categories: string[];
  rationale: string;
  evidence_url: string;
  review_required?: boolean;
  review_reasons?: string[];
}

export interface OriginLexiconRecord {
  phrase: string;
  role: 'origin-label' | 'producer-label' | 'address-label' | 'industrial-zone' | 'region' | 'place-word';
  language: string;
  source: string;
}

const keysOf = (text: string): string[] => tokenize(text).map((t) => placeKey(t.norm));
const phraseOf = (r: OriginLexiconRecord): OriginPhrase => ({
  tokens: tokenize(r.phrase).map((t) => t.norm),
  text: r.phrase,
  lang: r.language,
});

/** A name is weak when one word, or only very short words, carry it. */
function isWeak(keys: readonly string[], text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length <= 1 || tokens.every((t) => [...t.norm].length <= 3) || keys.length === 0;
}

function categoryOf(categories: readonly string[]): PlaceCategory {
  for (const c of ['industrial_zone', 'farm_outpost', 'jerusalem_alert_sector'] as const) {
    if (categories.includes(c)) return c;
  }
  return 'locality';
}

/**
 * The name of an industrial zone without its industrial-zone words, and without a city
 * before a dash ("Jerusalem - Atarot Industrial Zone" -> "Atarot"), so that a page writing
 * "Atarot" or "Barkan Industrial Zone" finds it.
 */
function withoutZoneWords(name: string, zoneWords: readonly OriginPhrase[]): string | null {
  const dash = name.lastIndexOf(' - ');
  const tail = dash >= 0 ? name.slice(dash + 3) : name;
  const tokens = tokenize(tail);
  const norms = tokens.map((t) => t.norm);
  for (const z of zoneWords) {
    const n = z.tokens.length;
    for (let i = 0; i + n <= norms.length; i++) {
      if (z.tokens.every((t, k) => norms[i + k] === t)) {
        const kept = [...tokens.slice(0, i), ...tokens.slice(i + n)];
        if (kept.length === 0) return null;
        return kept.map((t) => tail.slice(t.start, t.end)).join(' ');
      }
    }
  }
  return dash >= 0 ? tail : null;
}

export function compileOriginIndex(
  list: { meta: OriginListMeta; entries: readonly SourceLocality[] },
  lexicon: readonly OriginLexiconRecord[],
  curated: readonly { place: string; variant: string; source_url: string }[] = [],
): OriginIndex {
  const pick = (role: OriginLexiconRecord['role']) => lexicon.filter((r) => r.role === role).map(phraseOf);
  const zoneWords = pick('industrial-zone');
  const places: OriginPlace[] = [];
  const names: OriginName[] = [];
  const seen = new Set<string>();
  const add = (place: number, text: string, kind: OriginNameKind, sourceUrl?: string) => {
    const keys = keysOf(text);
    if (keys.length === 0) return;
    const id = `${place}\u0000${keys.join(' ')}`;
    if (seen.has(id)) return;
    seen.add(id);
    names.push({ keys, text, place, kind, weak: isWeak(keys, text), ...(sourceUrl ? { sourceUrl } : {}) });
  };
  list.entries.forEach((e, id) => {
    const category = categoryOf(e.categories);
    places.push({
      id,
      name: e.name,
      aliases: e.aliases,
      category,
      reviewRequired: e.review_required === true,
      reviewReasons: e.review_reasons ?? [],
      rationale: e.rationale,
      evidenceUrl: e.evidence_url,
    });
    // A city's alert sector ("Jerusalem - East") is not a locality: the list says so, and
    // "Jerusalem" alone on a label names no settlement.
    if (category === 'jerusalem_alert_sector') return;
    for (const n of [e.name, ...e.aliases]) {
      add(id, n, n === e.name ? 'name' : 'alias');
      if (category === 'industrial_zone') {
        const short = withoutZoneWords(n, zoneWords);
        if (short) add(id, short, 'derived');
      }
    }
  });
  for (const c of curated) {
    const place = places.find((p) => p.name === c.place);
    if (!place) throw new Error(`curated origin variant "${c.variant}": no place "${c.place}" on the list`);
    add(place.id, c.variant, 'curated', c.source_url);
  }
  return {
    formatVersion: 1,
    list: list.meta,
    places,
    names,
    labels: { origin: pick('origin-label'), producer: pick('producer-label'), address: pick('address-label') },
    zoneWords,
    regions: pick('region'),
    placeWords: [...new Set(lexicon.filter((r) => r.role === 'place-word').map((r) => normalizeName(r.phrase)))],
  };
}

// ---------------------------------------------------------------------------------------
// Matching

const UPPER_START = /^\p{Lu}/u;
const POSTCODE = /^\d{5}(\d{2})?$/;

/** Longest line read as a label/value row: longer text is a description, not a row. */
export const MAX_ORIGIN_LINE_CHARS = 300;

/** True when `line` opens an origin row: a short line that starts with an origin, producer or address label. */
export function opensOriginRow(line: string, labels: Pick<OriginLabels, 'labelAt'>): boolean {
  return line.length <= MAX_ORIGIN_LINE_CHARS && labels.labelAt(line.trim()) !== null;
}

/**
 * The origin, producer and address labels alone ("Herkomst", "Producent"): what a page's
 * rows are read with before any place is looked up. Small, so a content script can hold
 * it without the places.
 */
export class OriginLabels {
  readonly #labels: OriginIndex['labels'];

  constructor(labels: OriginIndex['labels']) {
    this.#labels = labels;
  }

  /** The label phrase `text` starts with, as [context kind, label text, tokens used], or null. */
  labelAt(text: string): { kind: OriginContextKind; label: string; rest: string } | null {
    const tokens = tokenize(text);
    let best: { kind: OriginContextKind; n: number } | null = null;
    for (const kind of ['origin', 'producer', 'address'] as const) {
      for (const p of this.#labels[kind]) {
        const n = p.tokens.length;
        if (n <= tokens.length && (!best || n > best.n) && p.tokens.every((t, k) => tokens[k].norm === t)) {
          best = { kind, n };
        }
      }
    }
    if (!best) return null;
    const end = tokens[best.n - 1].end;
    return {
      kind: best.kind,
      label: text.slice(0, end).trim(),
      rest: text
        .slice(end)
        .replace(/^[\s:：\-–—]+/, '')
        .trim(),
    };
  }
}

export class OriginMatcher {
  readonly index: OriginIndex;
  /** First key -> names starting with it. */
  readonly #byFirst = new Map<string, OriginName[]>();
  readonly #placeWords: Set<string>;
  readonly #zoneFirst: Set<string>;
  readonly #labels: OriginLabels;

  constructor(index: OriginIndex) {
    this.index = index;
    this.#labels = new OriginLabels(index.labels);
    for (const n of index.names) {
      const list = this.#byFirst.get(n.keys[0]);
      if (list) list.push(n);
      else this.#byFirst.set(n.keys[0], [n]);
    }
    this.#zoneFirst = new Set(index.zoneWords.map((z) => z.tokens[0]));
    // Labels too: "Producent Psagot" without a colon is a label before a place, not a name.
    const labels = [...index.labels.origin, ...index.labels.producer, ...index.labels.address];
    this.#placeWords = new Set([
      ...index.placeWords,
      ...index.zoneWords.flatMap((z) => z.tokens),
      ...labels.flatMap((l) => l.tokens),
    ]);
  }

  /** The label phrase `text` starts with (see OriginLabels.labelAt). */
  labelAt(text: string): { kind: OriginContextKind; label: string; rest: string } | null {
    return this.#labels.labelAt(text);
  }

  /** Every place of the list named in one stated value (see the rules at the top). */
  findOrigins(context: OriginContext): OriginFinding[] {
    const text = context.text;
    const tokens = tokenize(text);
    const keys = tokens.map((t) => placeKey(t.norm));
    const out: OriginFinding[] = [];
    for (let i = 0; i < tokens.length;) {
      const candidates = this.#byFirst.get(keys[i]);
      let best: OriginName[] = [];
      let bestLen = 0;
      for (const n of candidates ?? []) {
        const len = n.keys.length;
        if (len < bestLen || i + len > tokens.length) continue;
        if (!n.keys.every((k, j) => keys[i + j] === k)) continue;
        if (len > bestLen) {
          best = [n];
          bestLen = len;
        } else best.push(n);
      }
      if (bestLen === 0) {
        i++;
        continue;
      }
      const end = i + bestLen;
      const finding = this.#decide(context, tokens, i, end, best);
      if (finding) out.push(finding);
      i = end;
    }
    return out;
  }

  #decide(
    context: OriginContext,
    tokens: readonly Token[],
    i: number,
    end: number,
    names: OriginName[],
  ): OriginFinding | null {
    const text = context.text;
    if (this.#runsOn(text, tokens, i, end)) return null;
    const zone = this.#zoneNext(tokens, i, end);
    // With an industrial-zone word next to it, the zone of that name; else its own name
    // before a name derived from a zone.
    const places = names.map((n) => this.index.places[n.place]);
    let k = zone ? places.findIndex((p) => p.category === 'industrial_zone') : -1;
    if (k < 0) k = names.findIndex((n) => n.kind !== 'derived');
    if (k < 0) k = 0;
    const name = names[k];
    const place = places[k];
    let rule: OriginRule = 'strong-name';
    let evidence: string | null = null;
    if (name.weak) {
      const postcode = context.kind !== 'origin' ? this.#postcodeNext(text, tokens, i, end) : null;
      const region = zone || postcode ? null : this.#regionIn(tokens, i, end);
      if (zone) {
        rule = 'industrial-zone-word';
        evidence = zone;
      } else if (postcode) {
        rule = 'postcode';
        evidence = postcode;
      } else if (region) {
        rule = 'region-named';
        evidence = region;
      } else return null;
    }
    const start = tokens[i].start;
    const stop = tokens[end - 1].end;
    const pageText = text.slice(start, stop);
    const same = normalizeName(pageText) === normalizeName(name.text);
    return {
      place: place.id,
      placeName: place.name,
      category: place.category,
      reviewRequired: place.reviewRequired,
      text: pageText,
      start,
      end: stop,
      matchedName: name.text,
      nameKind: name.kind,
      spelling: same ? 'same' : 'variant',
      rule,
      evidence,
      context,
    };
  }

  /** Part of a longer proper name: a capitalised word joined to it that is no place word. */
  #runsOn(text: string, tokens: readonly Token[], i: number, end: number): boolean {
    const joined = (a: Token, b: Token) =>
      /^[\s-]*$/.test(text.slice(a.end, b.start)) && !/\n/.test(text.slice(a.end, b.start));
    const isNameWord = (t: Token) =>
      UPPER_START.test(text.slice(t.start, t.end)) && !this.#placeWords.has(t.norm) && !POSTCODE.test(t.norm);
    const before = tokens[i - 1];
    const after = tokens[end];
    if (before && joined(before, tokens[i]) && isNameWord(before)) return true;
    if (after && joined(tokens[end - 1], after) && isNameWord(after)) return true;
    return false;
  }

  #zoneNext(tokens: readonly Token[], i: number, end: number): string | null {
    for (const z of this.index.zoneWords) {
      const n = z.tokens.length;
      const fits = (at: number) =>
        at >= 0 && at + n <= tokens.length && z.tokens.every((t, k) => tokens[at + k].norm === t);
      if (this.#zoneFirst.has(tokens[end]?.norm ?? '') && fits(end)) return z.text;
      if (fits(i - n)) return z.text;
    }
    return null;
  }

  #postcodeNext(text: string, tokens: readonly Token[], i: number, end: number): string | null {
    for (const t of [tokens[i - 1], tokens[end]]) {
      if (t && POSTCODE.test(t.norm)) return text.slice(t.start, t.end);
    }
    return null;
  }

  #regionIn(tokens: readonly Token[], i: number, end: number): string | null {
    for (const r of this.index.regions) {
      const n = r.tokens.length;
      for (let at = 0; at + n <= tokens.length; at++) {
        // The matched name's own words are not a region named beside it ("Karnei Shomron").
        if (at < end && at + n > i) continue;
        if (r.tokens.every((t, k) => tokens[at + k].norm === t)) return r.text;
      }
    }
    return null;
  }
}
