// The matching policy's word lists, read from data/lexicon/ (validated against
// data/schema/lexicon.schema.json at build time). Pure data plus small lookups: which
// tokens are a legal form and where it is used, which words name a company or a business
// line, which words state a consortium role, which are titles, which follow a brand as its
// product. Every list is normalised with the same normaliser as page text.
import { lazy } from './lazy';
import legalForms from '../../data/lexicon/legal-forms.json';
import companyWords from '../../data/lexicon/company-words.json';
import countries from '../../data/lexicon/countries.json';
import roleMarkers from '../../data/lexicon/role-markers.json';
import titles from '../../data/lexicon/titles.json';
import consortiumWords from '../../data/lexicon/consortium-words.json';
import functionWords from '../../data/lexicon/function-words.json';
import commonWords from '../../data/lexicon/common-words.json';
import { normalizeName } from './normalize';

export interface LegalFormRecord {
  form: string;
  jurisdictions: string[];
  canonical?: string;
}

export interface CompanyWordRecord {
  word: string;
  line: string;
}

export interface CountryRecord {
  name: string;
  country: string | null;
}

export const LEGAL_FORM_RECORDS: readonly LegalFormRecord[] = legalForms.records;
export const COMPANY_WORD_RECORDS: readonly CompanyWordRecord[] = companyWords.records;
export const COUNTRY_RECORDS: readonly CountryRecord[] = countries.records;

/** Business line of a company word ('generic' agrees with any company). */
const lineOf = lazy(() => new Map(COMPANY_WORD_RECORDS.map((r) => [r.word, r.line])));
export function businessLineOf(norm: string): string | null {
  return lineOf().get(norm) ?? null;
}

/** Canonical legal form -> the jurisdictions (ISO 3166 codes) that use it. */
const jurisdictions = lazy(() => {
  const map = new Map<string, string[]>();
  for (const r of LEGAL_FORM_RECORDS) {
    const key = r.canonical ?? r.form;
    map.set(key, [...new Set([...(map.get(key) ?? []), ...r.jurisdictions])]);
    map.set(r.form, r.jurisdictions);
  }
  return map;
});
export function jurisdictionsOf(normalizedForm: string): readonly string[] {
  return jurisdictions().get(normalizedForm) ?? [];
}

const countryCodes = lazy(() => new Map(COUNTRY_RECORDS.map((r) => [r.name, r.country])));
/** ISO code of a country name as it follows a group name ("belgique" -> BE), null for a region. */
export function countryCodeOf(normalized: string): string | null {
  return countryCodes().get(normalized) ?? null;
}

/** Consortium role markers, normalised ("co-traitant" -> "co traitant"). */
export const roleMarkerSet = lazy(
  (): ReadonlySet<string> => new Set(roleMarkers.records.map((r) => normalizeName(r.marker))),
);

/** Titles without their dot, as written ("Ing", "Mgr", "ir"): case matters ("ING" is no title). */
export const titleSet = lazy((): ReadonlySet<string> => new Set(titles.records.map((r) => r.title.replace(/\.$/, ''))));

/** Words that introduce a consortium of several companies, normalised. */
export const consortiumWordList = lazy((): readonly string[] =>
  consortiumWords.records.map((r) => normalizeName(r.word)),
);

/**
 * Articles, prepositions, conjunctions and pronouns per language, normalised: a capitalised
 * one before a name starts a sentence or a phrase, it is not part of another company's name.
 */
export const functionWordSet = lazy(
  (): ReadonlySet<string> => new Set(functionWords.records.flatMap((r) => r.words.map((w) => normalizeName(w)))),
);

/** Languages whose ordinary words the build reads from a dictionary (data/lexicon/common-words.json). */
export const dictionaryLanguages = lazy((): ReadonlySet<string> => new Set(commonWords.records.map((r) => r.language)));
