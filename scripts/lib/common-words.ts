// Build-time only: ordinary words of our users' languages (nl, fr, en, de, es), from the
// Hunspell dictionaries of the dictionary-* packages. A one-word company name that is also
// an ordinary word ("Delta", "Partner", "Carrefour") is weak: it needs corroboration.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeToken } from '../../src/core/normalize';

const LANGS = ['en', 'nl', 'fr', 'de', 'es'];

/**
 * Lower-case dictionary entries are ordinary words in any language. Capitalised entries are
 * proper nouns (famous brands and places such as "Airbnb" or "Cisco" are in the
 * dictionaries) except in German, which capitalises every noun: a German capitalised entry
 * counts as an ordinary word unless another language lists the same form as a proper noun.
 */
export function loadDictionaries(): { common: Set<string>; properNouns: Set<string>; languages: Map<string, number> } {
  const require = createRequire(import.meta.url);
  const lower = new Set<string>();
  // In how many languages a lower-case word occurs ("cat": en, nl; "ing": es only).
  const languages = new Map<string, number>();
  const germanNouns = new Set<string>();
  const properNouns = new Set<string>();
  for (const lang of LANGS) {
    // The packages export only index.js; the .dic file sits beside it.
    const dir = dirname(require.resolve(`dictionary-${lang}`));
    const lines = readFileSync(join(dir, 'index.dic'), 'utf8').split('\n');
    const seenIn = new Set<string>();
    // First line is the entry count.
    for (let i = 1; i < lines.length; i++) {
      const stem = lines[i].split('/')[0].trim();
      if (stem.length < 2 || /\s/.test(stem)) continue;
      const norm = normalizeToken(stem);
      if (stem === stem.toLowerCase()) {
        // Abbreviations ("ing." for ingenieur) are not words an acronym could be read as.
        if (!seenIn.has(norm) && !stem.endsWith('.')) languages.set(norm, (languages.get(norm) ?? 0) + 1);
        seenIn.add(norm);
        lower.add(norm);
      } else if (lang === 'de') germanNouns.add(norm);
      else properNouns.add(norm);
    }
  }
  const common = new Set(lower);
  for (const n of germanNouns) if (!properNouns.has(n)) common.add(n);
  for (const n of common) properNouns.delete(n);
  return { common, properNouns, languages };
}
