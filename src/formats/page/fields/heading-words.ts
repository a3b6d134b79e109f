// The heading words of award pages (data/lexicon/field-headings.json, compiled by the build:
// heading-tables.ts) as lookups: the role a heading's whole text states, whether a label only
// says "name", and the role a class or id states.
// Headings are matched like labels (labels.ts): normalised whole tokens, section numbering
// ("Section V:", "V.2.3)") and filler words ("Information about", "Liste des") skipped.
// Pure: no DOM.
import { lazy } from '../../../core/lazy';
import type { FieldRole } from '../../../core/types';
import { tokenize } from '../../../core/normalize';
import compiled from '../../../generated/heading-tables.json';
import { foldForGate, type HeadingTables, type PhraseEntry } from './heading-tables';
import { leadingPhrase, MAX_LABEL_CHARS, isFiller } from './labels';
import { PhraseTrie } from './phrases';

const TABLES = compiled as HeadingTables;

interface Entry {
  role: FieldRole | null;
  languages: ReadonlySet<string>;
}

function trieOf(entries: readonly PhraseEntry[]): PhraseTrie<Entry> {
  const trie = new PhraseTrie<Entry>();
  for (const [key, role, languages] of entries) trie.add(key, { role, languages: new Set(languages) });
  return trie;
}

const headings = lazy(() => trieOf(TABLES.heading));
const nameLabels = lazy(() => trieOf(TABLES.nameLabel));
/** Languages some heading is written in: a page in one of them reads only its own headings. */
const LANGUAGES = new Set(TABLES.languages);

/**
 * Words that may follow a heading without changing what it heads: the lot it is about
 * ("Attributaire du lot 2", "Gunning perceel 1").
 */
const LOT_WORDS = new Set([
  'lot',
  'lots',
  'perceel',
  'percelen',
  'los',
  'lose',
  'lote',
  'lotes',
  'lotto',
  'lotti',
  'czesc',
]);

/**
 * A cheap first test before tokenising: the text contains a word of some heading or name
 * label. Every heading element of a page (th and dt included) is asked about; most state
 * nothing ("Product 12", "Prix").
 */
const gate = lazy(() => new RegExp(TABLES.gateWords.join('|')));

/** The entry of `table` that `text` is all of, with numbering, fillers and a lot reference allowed around it. */
function wholeEntry(table: PhraseTrie<Entry>, text: string): Entry | null {
  if (text.length > MAX_LABEL_CHARS || !gate().test(foldForGate(text))) return null;
  const tokens = tokenize(text);
  const hit = leadingPhrase(table, text, tokens);
  if (!hit) return null;
  const rest = tokens.slice(hit.end).map((t) => t.norm);
  const extraOk = (t: string) => isFiller(t) || LOT_WORDS.has(t) || /\d/.test(t);
  if (rest.every(extraOk)) return hit.value;
  // "Award of contract/concession": a standard-form phrase may go on a little.
  return hit.phrase.split(' ').length >= 3 && rest.length <= 3 ? hit.value : null;
}

/**
 * The role a heading states when `text` is all heading ("Attributaire(s)", "Section V:
 * Award of contract", "6.1.2 Informatie over winnaars"). `lang` is the heading's language
 * (primary subtag) when the page says it: a phrase is not read in another language we
 * have phrases for ("Attribution" on an English page is a credit line, not an award).
 */
export function headingPhraseRole(text: string, lang: string | null): FieldRole | null {
  const e = wholeEntry(headings(), text);
  if (!e) return null;
  if (lang && LANGUAGES.has(lang) && !e.languages.has(lang)) return null;
  return e.role;
}

/** True when `text` is a label that only says "name": "Official name", "Officiële benaming", "Nom". */
export function isNameLabel(text: string): boolean {
  return wholeEntry(nameLabels(), text) !== null;
}

const LOT_NUMBER_WORDS = new Set(['n', 'no', 'nr', 'num', 'numero', 'nummer']);

/** True when `text` only says which lot: "Lot 2", "Lot n° 3", "Perceel 1", "Los 4". */
export function isLotReference(text: string): boolean {
  const norms = tokenize(text).map((t) => t.norm);
  return (
    norms.length > 1 &&
    LOT_WORDS.has(norms[0]) &&
    norms.slice(1).every((t) => /\d/.test(t) || LOT_NUMBER_WORDS.has(t) || t.length === 1)
  );
}

// Class and id words: one word each, matched against the parts of class names.
const CLASS_ROLES = new Map<string, FieldRole>(TABLES.classes);

/** A cheap test before splitting class names: most elements' classes contain no class word. */
const CLASS_GATE = new RegExp([...CLASS_ROLES.keys()].sort((a, b) => b.length - a.length).join('|'), 'i');

/**
 * Parts a class name may have besides its class word without changing what it marks:
 * "winner-name", "awarded-supplier", "lot-winner", "contractor_info", "awardeeList".
 */
const CLASS_COMPANIONS = new Set([
  'name',
  'names',
  'nom',
  'naam',
  'list',
  'item',
  'items',
  'info',
  'details',
  'detail',
  'data',
  'box',
  'block',
  'card',
  'col',
  'column',
  'cell',
  'field',
  'value',
  'values',
  'row',
  'table',
  'wrapper',
  'container',
  'section',
  'label',
  'title',
  'text',
  'lot',
  'lots',
  'company',
  'org',
  'organisation',
  'organization',
  'party',
  'entity',
  'supplier',
  'suppliers',
  'bidder',
  'tenderer',
  'to',
  'of',
  'the',
  'de',
  'du',
  'des',
]);

/** Splits a class name into lower-case parts: "awardedSupplier" and "awarded-supplier" both give awarded, supplier. */
function classParts(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((p) => p.length > 0);
}

/**
 * The role a class or id attribute value states: a class name made of a class word and
 * companion parts ("attributaire", "winner-name", "awarded-supplier"). "award-criteria",
 * "prize-winner" and "award-winning" state none.
 */
export function classWordRole(attr: string | null): FieldRole | null {
  if (!attr || !CLASS_GATE.test(attr)) return null;
  for (const name of attr.split(/\s+/)) {
    const parts = classParts(name);
    let role: FieldRole | null = null;
    let ok = parts.length > 0;
    for (const p of parts) {
      const r = CLASS_ROLES.get(p);
      if (r) role ??= r;
      else if (!CLASS_COMPANIONS.has(p)) ok = false;
    }
    if (ok && role) return role;
  }
  return null;
}
