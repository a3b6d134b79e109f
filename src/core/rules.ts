// The corroboration policy for weak names ("Partner", "Volvo", "CAF", "Carrefour"), as small
// named rules. Each rule serves one class of cases seen on real notices and pages and is
// tested on its own (tests/unit/rules.test.ts) with tiny lists. The matcher finds where a
// listed name occurs; these rules say whether the text there names the listed company.
//
// Three kinds:
//  - not-a-name rules: the text is a role, a title, a code, an abbreviation of the words before
//    it, or another company's product: no mark at all;
//  - corroboration rules: evidence that the weak name names the listed company;
//  - part-of-longer-name: the weak name is the tail of another name ("Meixner + Partner GmbH",
//    "Nokia Siemens Networks Oy"), so the legal form, country, company word or field around it
//    describe that other company.
import { lazy } from './lazy';
import { affixAt } from './legal-forms';
import {
  consortiumWordList,
  dictionaryLanguages,
  functionWordSet,
  jurisdictionsOf,
  roleMarkerSet,
  titleSet,
  businessLineOf,
  countryCodeOf,
} from './lexicon';
import type { Token } from './normalize';
import type { CompiledName, Entity, ProductLine, TextBlock } from './types';

/** Where a listed name occurs: tokens [i, j) of the block name it. */
export interface NameSite {
  block: TextBlock;
  tokens: readonly Token[];
  norms: readonly string[];
  i: number;
  j: number;
  name: CompiledName;
  entity: Entity;
}

const raw = (s: NameSite, a: number, b: number) => s.block.text.slice(s.tokens[a].start, s.tokens[b - 1].end);
const gapBefore = (s: NameSite, a: number) => s.block.text.slice(s.tokens[a - 1].end, s.tokens[a].start);
const gapAfter = (s: NameSite, b: number) =>
  b < s.tokens.length
    ? s.block.text.slice(s.tokens[b - 1].end, s.tokens[b].start)
    : s.block.text.slice(s.tokens[b - 1].end);

// ---------------------------------------------------------------- not a name

/** The role markers as token sequences, split once: this runs for every weak name found. */
const roleMarkerTokens = lazy((): readonly (readonly string[])[] => [...roleMarkerSet()].map((m) => m.split(' ')));

/**
 * A consortium role in brackets after a member's name ("STEKOP-OCHRONA Sp. z o.o. (Partner)",
 * "X (mandataire)"), or a multi-word role ("Lead Partner").
 */
export function isRoleMarker(s: NameSite): boolean {
  const text = s.block.text;
  for (const m of roleMarkerTokens()) {
    const from = s.j - m.length;
    if (from < 0 || from > s.i || !m.every((tok, x) => s.norms[from + x] === tok)) continue;
    if (m.length > 1) return true;
    const before = text.slice(0, s.tokens[from].start).trimEnd();
    const after = text.slice(s.tokens[s.j - 1].end).trimStart();
    if (before.endsWith('(') && after.startsWith(')')) return true;
  }
  return false;
}

/** A title with its dot, before a person's name: "Ing. Peter Nemec", "Ing. arch. ..." ("Ing" is not ING). */
export function isTitle(s: NameSite): boolean {
  if (s.j - s.i !== 1 || !titleSet().has(raw(s, s.i, s.j))) return false;
  return s.block.text[s.tokens[s.i].end] === '.';
}

const PLAIN_EDGE = /[\s,;:()"'“”‘’«»!?]/;

/**
 * An upper-case token inside a reference or a code: slash-joined ("UT/CAT/WBE"), in a URL or
 * an e-mail address, or hyphen-joined to other codes ("F16-CAT-2"). A hyphen to a lower-case
 * word is an inflection or a compound ("IBM-ohjelmistojen"): that stays a name.
 */
export function isInsideCode(s: NameSite): boolean {
  const text = s.block.text;
  let a = s.tokens[s.i].start;
  let b = s.tokens[s.j - 1].end;
  // Most names stand between spaces or plain punctuation: no code around them.
  if ((a === 0 || PLAIN_EDGE.test(text[a - 1])) && (b === text.length || PLAIN_EDGE.test(text[b]))) return false;
  while (a > 0 && !/\s/.test(text[a - 1])) a--;
  while (b < text.length && !/\s/.test(text[b])) b++;
  const chunk = text.slice(a, b).replace(/^[("'“‘«[]+|[)"'”’»\],;:.]+$/g, '');
  if (/:\/\/|www\.|@|\.(com|org|net|eu|html?|pdf|docx?|xlsx?|zip)\b/i.test(chunk)) return true;
  const name = raw(s, s.i, s.j);
  const at = chunk.indexOf(name);
  if (at < 0) return false;
  const rest = [chunk.slice(0, at), chunk.slice(at + name.length)];
  if (rest.some((r) => r.includes('/') || r.includes('_'))) return true;
  const parts = rest
    .join('-')
    .split(/[-–]/)
    .filter((p) => p !== '');
  return parts.some((p) => /\d/.test(p) || (/^\p{Lu}{2,}$/u.test(p) && p.length <= 6));
}

/**
 * An acronym in brackets right after the words it abbreviates: "Corporación Andina de
 * Fomento (CAF)" names that organisation, not the listed CAF.
 */
export function isAbbreviationOfPrecedingWords(s: NameSite): boolean {
  const acronym = s.name.acronym;
  if (!acronym || s.j - s.i !== 1) return false;
  const text = s.block.text;
  const before = text.slice(0, s.tokens[s.i].start).trimEnd();
  if (!before.endsWith('(') || !text.slice(s.tokens[s.i].end).trimStart().startsWith(')')) return false;
  const initials: string[] = [];
  for (let t = s.i - 1; t >= 0 && initials.length < acronym.length + 4; t--) {
    const word = raw(s, t, t + 1);
    if (/^\p{Lu}/u.test(word)) initials.unshift(word[0].toUpperCase());
    if (initials.join('') === acronym.toUpperCase()) return true;
  }
  return false;
}

/** The acronym is a public body's in the text's language ("CAF" in French: the family allowance funds). */
export function isPublicBodyAcronym(s: NameSite): boolean {
  const lang = s.block.lang;
  return !!lang && !!s.name.publicBodyIn?.includes(lang) && raw(s, s.i, s.j) === s.name.acronym;
}

/** The brand's product line that the token after the name belongs to, if any. */
export function productAfter(s: NameSite): { line: ProductLine; text: string } | null {
  const lines = s.entity.productLines;
  if (!lines || s.j >= s.tokens.length || !/^\s+$/.test(gapAfter(s, s.j))) return null;
  const next = raw(s, s.j, s.j + 1);
  for (const line of lines) {
    if (line.words.includes(next) || modelPattern(line).test(next)) return { line, text: next };
  }
  return null;
}

const MODEL_PATTERNS = new WeakMap<ProductLine, RegExp>();
/** Compiled once per product line: this runs for every occurrence of a brand. */
function modelPattern(line: ProductLine): RegExp {
  let re = MODEL_PATTERNS.get(line);
  if (!re) MODEL_PATTERNS.set(line, (re = new RegExp(line.models === '' ? '^$' : line.models)));
  return re;
}

// ---------------------------------------------------------------- part of a longer name

/** How the name is the tail of a longer one: joined by "+"/"&", after a number, or after a word. */
export function longerNameKind(s: NameSite): 'joined' | 'number' | 'word' | null {
  if (s.i === 0) return null;
  const gap = gapBefore(s, s.i);
  const prev = raw(s, s.i - 1, s.i);
  const prevNorm = s.norms[s.i - 1];
  if (/^\s*[+&]\s*$/.test(gap)) return /^[\p{Lu}\p{N}]/u.test(prev) ? 'joined' : null;
  // "&" is a token of its own ("and"): look one token further back.
  if (prev === '&') return s.i >= 2 && /^[\p{Lu}\p{N}]/u.test(raw(s, s.i - 2, s.i - 1)) ? 'joined' : null;
  if (!/^[\s"'“„«]+$/.test(gap)) return null;
  if (/^\d+$/.test(prev)) return 'number';
  if (s.block.lang === 'de' || !/^\p{Lu}/u.test(prev)) return null;
  if (functionWordSet().has(prevNorm) || consortiumWordList().includes(prevNorm)) return null;
  const affix = affixAt(s.norms, s.i - 1);
  if (affix && affix.length === 1 && (affix.kind === 'legal-form' || affix.kind === 'company-word')) return null;
  return 'word';
}

// ---------------------------------------------------------------- corroboration

/**
 * A legal form after the name names a company of the listed one's jurisdiction ("Elco Ltd."
 * for an Israeli company); "Partner GmbH" is a German company, not Partner Communications.
 * A country or a business-line word before the legal form makes a national subsidiary of a
 * group ("IBM Finland Ab", "Siemens Mobility Sp. z o.o."): its legal form is the country's.
 */
export function legalFormAgrees(
  entity: Entity,
  canonicalForm: string,
  country: string | null,
  companyWordAgrees: boolean,
): boolean {
  if (entity.legalForms?.includes(canonicalForm)) return true;
  const where = jurisdictionsOf(canonicalForm);
  if (country !== null) {
    const code = countryCodeOf(country);
    if (code === null || where.includes(code)) return true;
  }
  if (companyWordAgrees) return true;
  const home = entity.jurisdictions;
  if (!home || home.length === 0 || where.length === 0) return true;
  return where.some((j) => home.includes(j));
}

/**
 * A company or business-line word next to the name agrees with the listed company: a generic
 * one ("Group", "Holding") always; a line ("Communications", "Bank") when it is the
 * company's own line; when the company's lines are unknown it cannot disagree.
 */
export function businessLineAgrees(entity: Entity, companyWords: readonly string[]): boolean {
  return companyWords.every((w) => {
    const line = businessLineOf(w);
    return line === null || line === 'generic' || !entity.lines || entity.lines.includes(line);
  });
}

/**
 * A word that is ordinary only in other languages, capitalised in text of a language that
 * has a dictionary and where it is not a word: "Carrefour" in Polish, "Caterpillar" in
 * Spanish. Short words ("Hot", "Mega") and words of many languages travel and never count.
 */
const MAX_HOME_LANGUAGES = 2;
export function isForeignWord(s: NameSite): boolean {
  const lang = s.block.lang;
  const common = s.name.commonIn;
  if (!lang || !common || s.j - s.i !== 1 || s.name.tokens[0].length < 5) return false;
  if (!dictionaryLanguages().has(lang) || common.includes(lang)) return false;
  // A word ordinary in many languages ("Partner", "Splendid") travels: it is no one's.
  if (common.length > MAX_HOME_LANGUAGES) return false;
  return /^\p{Lu}/u.test(raw(s, s.i, s.j));
}

/**
 * The country a notice states for the organisation agrees with where the listed company is
 * established: "ineco" at an address in France is not the Spanish Ineco. Unknown on either
 * side cannot disagree.
 */
export function countryAgrees(entity: Entity, country: string | null | undefined): boolean {
  const home = entity.jurisdictions;
  if (!country || !home || home.length === 0) return true;
  return home.includes(country);
}

/**
 * A stated field (supplier, brand, ...) whose value the name is: it runs to the end of the
 * value, or of one member of a consortium ("UTE CAF - Acciona", "Groupement A / B").
 */
export function isWholeValue(s: NameSite, k: number): boolean {
  if (k === s.tokens.length) return true;
  if (!consortiumWordList().some((w) => s.norms.slice(0, 3).join(' ').startsWith(w))) return false;
  return /^\s*([-–/,;+&]|\s(y|et|und|en|e|i|și|and)\s)\s*$/u.test(gapAfter(s, k));
}
