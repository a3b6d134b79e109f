// Build-time only: ordinary words per language, from the Hunspell dictionaries of the
// dictionary-* packages that data/lexicon/common-words.json names. A one-word company name
// that is an ordinary word in one of the `weak_names` languages ("Delta", "Partner",
// "Carrefour") is weak: it needs corroboration. Every dictionary also says in which
// languages a word is ordinary, so that a capitalised "Carrefour" in Polish text reads as
// a name (src/core/rules.ts, isForeignWord).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import lexicon from '../../data/lexicon/common-words.json';
import { normalizeToken } from '../../src/core/normalize';

export interface Dictionaries {
  /** Ordinary words of the weak-name languages. */
  common: Set<string>;
  /** Proper nouns of those dictionaries (places, people, other brands). */
  properNouns: Set<string>;
  /** In how many weak-name languages a lower-case word occurs ("cat": en, nl). */
  languages: Map<string, number>;
  /** Every dictionary language in which a word is ordinary. */
  commonIn(norm: string): string[];
}

/**
 * Lower-case dictionary entries are ordinary words in any language. Capitalised entries are
 * proper nouns (famous brands and places such as "Airbnb" or "Cisco" are in the
 * dictionaries) except in German, which capitalises every noun: a German capitalised entry
 * counts as an ordinary word unless another language lists the same form as a proper noun.
 */
export function loadDictionaries(): Dictionaries {
  const require = createRequire(import.meta.url);
  const lower = new Set<string>();
  const languages = new Map<string, number>();
  const germanNouns = new Set<string>();
  const properNouns = new Set<string>();
  const byLanguage = new Map<string, Set<string>>();
  for (const { language: lang, package: pkg, weak_names: weakNames } of lexicon.records) {
    // The packages export only index.js; the .dic file sits beside it.
    const dir = dirname(require.resolve(pkg));
    const lines = readFileSync(join(dir, 'index.dic'), 'utf8').split('\n');
    const words = new Set<string>();
    byLanguage.set(lang, words);
    // First line is the entry count.
    for (let i = 1; i < lines.length; i++) {
      const stem = lines[i].split('/')[0].trim();
      if (stem.length < 2 || /\s/.test(stem)) continue;
      const norm = normalizeToken(stem);
      const isLower = stem === stem.toLowerCase();
      if (isLower || lang === 'de') words.add(norm);
      if (!weakNames) continue;
      if (isLower) {
        // Abbreviations ("ing." for ingenieur) are not words an acronym could be read as.
        if (!stem.endsWith('.') && !lower.has(`${lang}:${norm}`)) languages.set(norm, (languages.get(norm) ?? 0) + 1);
        lower.add(`${lang}:${norm}`);
        lower.add(norm);
      } else if (lang === 'de') germanNouns.add(norm);
      else properNouns.add(norm);
    }
  }
  const common = new Set([...lower].filter((w) => !w.includes(':')));
  for (const n of germanNouns) if (!properNouns.has(n)) common.add(n);
  for (const n of common) properNouns.delete(n);
  const commonIn = (norm: string) => {
    const out: string[] = [];
    for (const [lang, words] of byLanguage) {
      if (words.has(norm) || (norm.endsWith('s') && words.has(norm.slice(0, -1)))) out.push(lang);
    }
    return out;
  };
  return { common, properNouns, languages, commonIn };
}
