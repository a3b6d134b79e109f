// Token-trie matcher (FlashText-style): one pass over a block's tokens, longest match
// wins, word boundaries come from the tokenizer. Cost is linear in the text and does not
// grow with the number of names. Pure: no DOM, no extension APIs.
//
// Speed (docs/performance.md): a block is first scanned into typed arrays (token offsets
// and hashes, scanTokens) and walked through a copy of the trie keyed by token hash
// (HashTrie, at the end of this file). Only a block in which that walk reaches a name or
// a guard is turned into token objects and scanned as below; every other block (most of
// a page's text) costs one pass over its characters and one table probe per token.
import type {
  CompiledData,
  CompiledGuard,
  CompiledName,
  Entity,
  Evidence,
  FieldRole,
  GuardHit,
  Match,
  MatchType,
  RuleName,
  TextBlock,
} from './types';
import { hashNorm, normalizeName, scanTokens, tokenize, tokensFrom, TokenBuffer, type Token } from './normalize';
import { affixAt, canonicalLegalForm } from './legal-forms';
import {
  businessLineAgrees,
  countryAgrees,
  isAbbreviationOfPrecedingWords,
  isForeignWord,
  isInsideCode,
  longerNameKind,
  isPublicBodyAcronym,
  isRoleMarker,
  isTitle,
  isWholeValue,
  legalFormAgrees,
  productAfter,
  type NameSite,
} from './rules';

/** What a scan saw besides its findings (Matcher.scanBlock). */
export interface ScanSeen {
  named: boolean;
}

export interface BlockScan {
  matches: Match[];
  guards: GuardHit[];
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  name: CompiledName | null;
  guard: CompiledGuard | null;
}

export interface MatcherOptions {
  /** Lists switched on; null or undefined = all. */
  enabledLists?: ReadonlySet<string> | null;
  /**
   * false: scan every block in full, without the hash-trie pre-check. Same results, slower;
   * for the benchmark's equivalence check (scripts/lib/bench-check.ts).
   */
  prefilter?: boolean;
}

const LINK_TYPES: Record<string, MatchType> = {
  brand: 'brand',
  subsidiary: 'subsidiary',
  'former-name': 'former-name',
  'trading-name': 'trading-name',
  'legal-name': 'legal-name',
};

export class Matcher {
  readonly data: CompiledData;
  readonly #root: TrieNode = { next: new Map(), name: null, guard: null };
  readonly #entities = new Map<string, Entity>();
  readonly #guards = new Map<number, CompiledGuard>();
  /** Null when disabled, or when two sibling tokens share a hash (never seen; then no pre-check). */
  readonly #hashTrie: HashTrie | null;
  readonly #buf = new TokenBuffer();

  private constructor(data: CompiledData, opts: MatcherOptions) {
    this.data = data;
    const enabled = opts.enabledLists ?? null;
    for (const e of data.entities) {
      const entries = enabled ? e.entries.filter((r) => enabled.has(r.list)) : e.entries;
      if (entries.length > 0) this.#entities.set(e.id, entries === e.entries ? e : { ...e, entries });
    }
    for (const n of data.names) {
      if (this.#entities.has(n.entity)) this.#insert(n.tokens).name = n;
    }
    for (const g of data.guards) {
      this.#guards.set(g.id, g);
      const node = this.#insert(g.tokens);
      node.guard ??= g;
    }
    this.#hashTrie = opts.prefilter === false ? null : HashTrie.from(this.#root);
  }

  static fromData(data: CompiledData, opts: MatcherOptions = {}): Matcher {
    return new Matcher(data, opts);
  }

  entity(id: string): Entity | undefined {
    return this.#entities.get(id);
  }

  guard(id: number): CompiledGuard | undefined {
    return this.#guards.get(id);
  }

  #insert(tokens: readonly string[]): TrieNode {
    let node = this.#root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) {
        child = { next: null, name: null, guard: null };
        node.next.set(t, child);
      }
      node = child;
    }
    return node;
  }

  /** Find every listed name (and every look-alike guard) in one block of text. */
  /**
   * The block's matches and look-alike guards. `seen.named` is set when the block holds the
   * words of a listed name or guard, whatever was decided of them: a caller that matched
   * without the block's field learns whether the field could matter.
   */
  scanBlock(block: TextBlock, seen?: ScanSeen): BlockScan {
    const buf = this.#buf;
    const trie = this.#hashTrie;
    buf.shrink(); // a very long previous block's arrays
    scanTokens(block.text, buf);
    if (trie && !trie.reachesEntry(buf)) return { matches: [], guards: [] };
    const tokens = tokensFrom(block.text, buf);
    const hashes = buf.hash;
    const norms = tokens.map((t) => t.norm);
    const matches: Match[] = [];
    const guards: GuardHit[] = [];
    const root = this.#root.next!;
    let i = 0;
    while (i < tokens.length) {
      // A token that starts no name or guard is passed over by its hash, not a string lookup.
      let node = trie && !trie.startsEntry(hashes[i]) ? undefined : root.get(norms[i]);
      if (!node) {
        i++;
        continue;
      }
      let bestName: CompiledName | null = null;
      let bestNameEnd = -1;
      let bestGuard: CompiledGuard | null = null;
      let bestGuardEnd = -1;
      let j = i;
      while (node) {
        j++;
        if (node.name) {
          bestName = node.name;
          bestNameEnd = j;
        }
        if (node.guard) {
          bestGuard = node.guard;
          bestGuardEnd = j;
        }
        if (!node.next || j >= tokens.length) break;
        node = node.next.get(norms[j]);
      }
      if (seen && (bestName || bestGuard)) seen.named = true;
      // Longest wins; on a tie a look-alike guard beats a weak name (never a strong one).
      if (
        bestGuard &&
        (bestGuardEnd > bestNameEnd || (bestGuardEnd === bestNameEnd && bestName?.strength !== 'strong'))
      ) {
        guards.push({
          start: tokens[i].start,
          end: tokens[bestGuardEnd - 1].end,
          text: block.text.slice(tokens[i].start, tokens[bestGuardEnd - 1].end),
          guard: bestGuard.id,
        });
        i = bestGuardEnd;
        continue;
      }
      if (bestName) {
        const m = this.#buildMatch(block, tokens, norms, i, bestNameEnd, bestName);
        if (m) {
          matches.push(m.match);
          i = m.endToken;
          continue;
        }
      }
      i++;
    }
    return { matches, guards };
  }

  #buildMatch(
    block: TextBlock,
    tokens: Token[],
    norms: string[],
    i: number,
    j: number,
    name: CompiledName,
  ): { match: Match; endToken: number } | null {
    const entity = this.#entities.get(name.entity);
    if (!entity) return null;
    const text = block.text;
    const raw = (a: number, b: number) => text.slice(tokens[a].start, tokens[b - 1].end);
    const nameRaw = raw(i, j);
    const evidence: Evidence[] = [];

    // What follows the name: a country ("Belgium") and/or a legal form ("NV", "S.A.").
    let k = j;
    let country: string | null = null;
    let legalForm: string | null = null;
    let companyWord: string | null = null;
    const credible = (a: number, b: number) => isCredibleAffix(raw(a, b), norms.slice(a, b));
    // A bare number ("1664") is a name only through a field or the full name on the page:
    // in "Acme 1664 Ltd" the legal form belongs to some other company.
    let hit = /^\d+$/.test(nameRaw) ? null : affixAt(norms, k);
    if (hit && hit.kind === 'country' && credible(k, k + hit.length)) {
      country = raw(k, k + hit.length);
      k += hit.length;
      hit = affixAt(norms, k);
    } else if (hit && hit.kind === 'company-word' && credible(k, k + hit.length) && /^\p{Lu}/u.test(nameRaw)) {
      // One or two company or business-line words, then perhaps a country and a legal
      // form: "Siemens Mobility SAS", "Santander Consumer Bank AG", "Volvo Bus Corporation".
      let m = k;
      let words = 0;
      while (hit && hit.kind === 'company-word' && words < 2 && credible(m, m + hit.length)) {
        m += hit.length;
        words++;
        hit = affixAt(norms, m);
      }
      companyWord = raw(k, m);
      if (hit && hit.kind === 'country' && credible(m, m + hit.length)) {
        m += hit.length;
        hit = affixAt(norms, m);
      }
      if (hit && hit.kind === 'legal-form' && credible(m, m + hit.length)) k = m;
      else hit = null;
    }
    let legalFormTokens = 0;
    if (hit && hit.kind === 'legal-form' && credible(k, k + hit.length)) {
      legalForm = raw(k, k + hit.length);
      legalFormTokens = hit.length;
      k += hit.length;
    }

    // A short name the list writes with capitals, written as a lower-case word on the page
    // ("ineco" for a local consultancy), is no more than a weak name there.
    const writtenAsWord =
      name.strength === 'strong' &&
      name.tokens.length === 1 &&
      name.tokens[0].length <= 6 &&
      /\p{Lu}/u.test(name.text) &&
      !/\p{Lu}/u.test(nameRaw);
    const weak = name.strength === 'weak' || writtenAsWord;
    const pageLooksLikeName = /\p{Lu}/u.test(nameRaw) || /\p{Lu}/u.test(name.text) === false;
    if (
      weak &&
      (name.weakReason === 'acronym' ||
        name.weakReason === 'common-word' ||
        name.weakReason === 'generic-words' ||
        name.weakReason === 'homonym')
    ) {
      // An acronym or ordinary word written in lower case is a word, not a name: skip it
      // entirely rather than filling the review list with "booking a table".
      if (!pageLooksLikeName) return null;
      // A brand written in lower case by its owner ("innocent") reads like the word itself:
      // only a stated field (brand, supplier, ...) makes it worth a look.
      if (!/\p{Lu}/u.test(nameRaw) && !block.field) return null;
    }

    const site: NameSite = { block, tokens, norms, i, j, name, entity };
    // Not a name at all: a role, a title, a code, an abbreviation of the words before it,
    // a public body's acronym, or another company's product under the same brand.
    let product: ReturnType<typeof productAfter> = null;
    if (weak) {
      if (isRoleMarker(site) || isTitle(site) || isInsideCode(site)) return null;
      // A legal form, country or company word after the acronym makes it a company ("CAF France SAS").
      if (isAbbreviationOfPrecedingWords(site) || (k === j && isPublicBodyAcronym(site))) return null;
      product = k === j ? productAfter(site) : null;
      if (product && product.line.otherCompany !== null) return null;
    }

    let matchType: MatchType;
    if (name.link) matchType = LINK_TYPES[name.link.relation];
    else if ((country || (companyWord && legalForm)) && entity.entries.every((e) => e.entityType !== 'person')) {
      matchType = 'group-member';
    } else if (name.kind === 'listed-name') matchType = 'exact';
    else matchType = weak ? 'weak-alias' : 'alias';

    let rule: RuleName = 'strong-name';
    if (weak) {
      // What surrounds the name describes another company when the name is only its tail.
      const longerKind = longerNameKind(site);
      const longer = longerKind !== null;
      const companyWords = companyWord ? norms.slice(j, j + tokenCount(companyWord)) : [];
      const lineAgrees = companyWord !== null && businessLineAgrees(entity, companyWords);
      // A longer name that runs on into a legal form, country or company word is one other
      // company ("Nokia Siemens Networks Oy"); a capitalised word before a bare name may be
      // just a noun ("Hipermarket Carrefour w Krakowie").
      const longerCompany =
        longerKind === 'joined' ||
        longerKind === 'number' ||
        (longer && (country !== null || legalForm !== null || companyWord !== null));
      if (longer) {
        country = null;
        legalForm = null;
        companyWord = null;
      }
      if (companyWord && !lineAgrees) companyWord = null;
      if (legalForm) {
        const lf = canonicalLegalForm(norms.slice(k - legalFormTokens, k).join(' '));
        // A homonym shares its name with other companies: only the listed one's own legal
        // form tells them apart ("Elco Ltd." yes, "ELCO GmbH" no).
        const agrees =
          name.weakReason === 'homonym' && entity.legalForms?.length
            ? entity.legalForms.includes(lf)
            : legalFormAgrees(entity, lf, country ? normalizeName(country) : null, companyWord !== null);
        if (!agrees) legalForm = null;
      }
      const candidates: [RuleName, Evidence | null][] = [];
      if (country) candidates.push(['country-subsidiary', { kind: 'country', text: country }]);
      if (legalForm) candidates.push(['legal-form-agrees', { kind: 'legal-form', text: legalForm }]);
      // Capitals confirm a listed acronym, not a brand's: a brand is one step further away.
      const acronymOk = name.acronym !== null && !name.link && nameRaw.replace(/[.\s]/g, '') === name.acronym;
      if (acronymOk) candidates.push(['acronym-case', { kind: 'case', text: nameRaw }]);
      if (companyWord) candidates.push(['business-line', { kind: 'company-word', text: companyWord }]);
      // "Banco Santander", "Groupe Carrefour": a company word just before the name, when
      // the name is not itself the start of a longer one ("Grupo Villar Mir").
      const before = i > 0 ? affixAt(norms, i - 1) : null;
      const nextStartsName =
        k < tokens.length &&
        /^\p{Lu}/u.test(text[tokens[k].start]) &&
        !/[,;:.()]/.test(text.slice(tokens[k - 1].end, tokens[k].start));
      if (
        !companyWord &&
        before?.kind === 'company-word' &&
        before.length === 1 &&
        /^\p{Lu}/u.test(text[tokens[i - 1].start]) &&
        /^\p{Lu}/u.test(nameRaw) &&
        !nextStartsName &&
        !/[,;:.()]/.test(text.slice(tokens[i - 1].end, tokens[i].start)) &&
        businessLineAgrees(entity, [norms[i - 1]])
      ) {
        candidates.push(['business-line', { kind: 'company-word', text: raw(i - 1, i) }]);
      }
      if (name.weakReason === 'generic-words' && sameCapitals(nameRaw, name.text)) {
        candidates.push(['capitalised-words', { kind: 'case', text: nameRaw }]);
      }
      // A field says what the whole value is: "Partner in Bouwstoffen BV" as tenderer is
      // not Partner. The name must be the value, give or take a label, legal form, country.
      if (block.field && !longer && isWholeValue(site, k) && countryAgrees(entity, block.country)) {
        candidates.push(['stated-field', { kind: 'field', field: block.field }]);
      }
      if (product) candidates.push(['brand-product', { kind: 'product', text: product.text }]);
      if (!longerCompany && isForeignWord(site) && block.lang)
        candidates.push(['foreign-word', { kind: 'foreign-word', lang: block.lang }]);
      for (const [, ev] of candidates) if (ev) evidence.push(ev);
      if (candidates.length > 0) rule = candidates[0][0];
      else {
        rule = longer ? 'part-of-longer-name' : 'no-corroboration';
        evidence.push({ kind: 'no-corroboration', reason: name.weakReason ?? 'short' });
      }
    }
    let flagged = rule !== 'no-corroboration' && rule !== 'part-of-longer-name';
    if (name.link && name.link.status !== 'current') {
      evidence.push({ kind: 'link-not-current', status: name.link.status, note: name.link.statusNote });
      flagged = false;
      rule = 'link-not-current';
    }
    if (entity.entries.every((e) => e.status === 'delisted')) {
      evidence.push({ kind: 'delisted-only' });
      flagged = false;
      rule = 'delisted-only';
    }

    // "Volvo EX30", "Santander Consumer": the name runs on into a longer proper name.
    if (
      weak &&
      !product &&
      k < tokens.length &&
      !legalForm &&
      !country &&
      !companyWord &&
      // Model numbers ("Volvo FH 460", "Cat 320") are products, not another name.
      /^\p{Lu}\p{Ll}+$/u.test(text.slice(tokens[k].start, tokens[k].end)) &&
      !/[,;:.()]/.test(text.slice(tokens[k - 1].end, tokens[k].start))
    ) {
      evidence.push({ kind: 'runs-on', text: raw(k, k + 1) });
    }
    const start = tokens[i].start;
    let end = tokens[k - 1].end;
    // "S.A." / "Inc.": the abbreviation's final dot belongs to the matched text.
    if (legalForm && text[end] === '.') end += 1;
    return {
      endToken: k,
      match: {
        start,
        end,
        text: text.slice(start, end),
        level: flagged ? 'flag' : 'possible',
        matchType,
        entity: entity.id,
        entityName: entity.displayName,
        name: name.text,
        nameId: name.id,
        nameStrength: name.strength,
        lists: entity.entries.map((e) => ({ list: e.list, entry: e.entry, status: e.status })),
        field: block.field as FieldRole | null,
        evidence,
        rule,
      },
    };
  }
}

function tokenCount(text: string): number {
  return tokenize(text).length;
}

/**
 * A name made of ordinary words ("Diet Coke", "Red Hat", "Hilltop Youth") reads as a name
 * when the page capitalises every word the way the list does; "red hat" in prose does not.
 */
function sameCapitals(pageText: string, listedText: string): boolean {
  const page = tokenize(pageText);
  // The listed text may go on with a legal form ("Hot Mobile Ltd."): compare the core.
  const listed = tokenize(listedText).slice(0, page.length);
  if (page.length !== listed.length || page.length < 2) return false;
  return page.every((t, idx) => {
    const p = pageText[t.start];
    const l = listedText[listed[idx].start];
    const listedUpper = l !== l.toLowerCase();
    return !listedUpper || p !== p.toLowerCase() || !/\p{L}/u.test(p);
  });
}

/**
 * Short affixes are ordinary words too ("as", "sa", "us", "se"): on the page they count
 * only when written like an abbreviation (capitals, or with dots or a slash).
 */
function isCredibleAffix(raw: string, norms: string[]): boolean {
  const letters = norms.join('').length;
  if (letters > 3) return true;
  return /\p{Lu}/u.test(raw) || /[./]/.test(raw);
}

/**
 * The trie again, keyed by token hash (hashNorm) in one open-addressing table of edges
 * (parent node, token hash) -> child node, so that a page token is looked up as a number
 * without being made into a string. It answers one question: does the walk from any token
 * reach a node holding a name or a guard? If not, the string trie finds nothing either (a
 * token's hash is the hash of its normalised form, and equal strings hash alike); if so,
 * or on a hash collision, the block is scanned in full.
 */
class HashTrie {
  readonly #mask: number;
  readonly #shift: number;
  /** Per slot: parent node id, token hash, child node id (0 = empty slot; the root is 0). */
  readonly #parent: Int32Array;
  readonly #hash: Int32Array;
  readonly #child: Int32Array;
  /** Per node id: 1 when a name or a guard ends there. */
  readonly #entry: Uint8Array;
  /**
   * One bit per hash bucket of the tokens that start a name or a guard. Most page tokens
   * start none: for them one bit test replaces the table probe (which misses only after
   * reaching an empty slot). Sized for a few per cent of false positives.
   */
  readonly #first: Uint32Array;
  readonly #firstShift: number;

  private constructor(edges: number, firstTokens: number) {
    // At most half full, so a probe rarely looks past its first slot.
    let bits = 4;
    while (1 << bits < edges * 2) bits++;
    this.#mask = (1 << bits) - 1;
    this.#shift = 32 - bits;
    this.#parent = new Int32Array(1 << bits);
    this.#hash = new Int32Array(1 << bits);
    this.#child = new Int32Array(1 << bits);
    this.#entry = new Uint8Array(edges + 1);
    let firstBits = 10;
    while (1 << firstBits < firstTokens * 64 && firstBits < 22) firstBits++;
    this.#first = new Uint32Array(1 << (firstBits - 5));
    this.#firstShift = 32 - firstBits;
  }

  #firstBit(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.#firstShift;
  }

  /** Null when two tokens leaving the same node have the same hash. */
  static from(root: TrieNode): HashTrie | null {
    let edges = 0;
    const count = (n: TrieNode): void => {
      for (const c of n.next?.values() ?? []) {
        edges++;
        count(c);
      }
    };
    count(root);
    const t = new HashTrie(edges, root.next?.size ?? 0);
    for (const token of root.next?.keys() ?? []) {
      const bit = t.#firstBit(hashNorm(token));
      t.#first[bit >>> 5] |= 1 << (bit & 31);
    }
    let nextId = 1;
    const add = (n: TrieNode, id: number): boolean => {
      for (const [token, c] of n.next ?? []) {
        const child = nextId++;
        if (!t.#insert(id, hashNorm(token), child)) return false;
        if (c.name || c.guard) t.#entry[child] = 1;
        if (!add(c, child)) return false;
      }
      return true;
    };
    return add(root, 0) ? t : null;
  }

  #slot(parent: number, hash: number): number {
    return Math.imul(hash ^ Math.imul(parent, 0x27d4eb2d), 0x9e3779b1) >>> this.#shift;
  }

  #insert(parent: number, hash: number, child: number): boolean {
    for (let s = this.#slot(parent, hash); ; s = (s + 1) & this.#mask) {
      if (this.#child[s] === 0) {
        this.#parent[s] = parent;
        this.#hash[s] = hash;
        this.#child[s] = child;
        return true;
      }
      if (this.#parent[s] === parent && this.#hash[s] === hash) return false;
    }
  }

  #get(parent: number, hash: number): number {
    const child = this.#child;
    for (let s = this.#slot(parent, hash); ; s = (s + 1) & this.#mask) {
      const c = child[s];
      if (c === 0) return 0;
      if (this.#hash[s] === hash && this.#parent[s] === parent) return c;
    }
  }

  /** Whether a token with this hash may start a name or a guard. */
  startsEntry(hash: number): boolean {
    const bit = this.#firstBit(hash);
    return (this.#first[bit >>> 5] & (1 << (bit & 31))) !== 0 && this.#get(0, hash) !== 0;
  }

  /** Whether the walk from some token of the last scan reaches a name or a guard. */
  reachesEntry(buf: TokenBuffer): boolean {
    const n = buf.count;
    const hashes = buf.hash;
    const entry = this.#entry;
    const first = this.#first;
    const shift = this.#firstShift;
    for (let i = 0; i < n; i++) {
      const bit = Math.imul(hashes[i], 0x9e3779b1) >>> shift; // #firstBit, inlined
      if ((first[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      let node = this.#get(0, hashes[i]);
      for (let j = i + 1; node !== 0; j++) {
        if (entry[node] === 1) return true;
        if (j >= n) break;
        node = this.#get(node, hashes[j]);
      }
    }
    return false;
  }
}
