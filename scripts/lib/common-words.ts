// Build-time only: ordinary words per language, from the Hunspell dictionaries of the
// dictionary-* packages that data/lexicon/common-words.json names. A one-word company name
// that is an ordinary word in one of the `weak_names` languages ("Delta", "Partner",
// "Carrefour") is weak: it needs corroboration. Every dictionary also says in which
// languages a word is ordinary, so that a capitalised "Carrefour" in Polish text reads as
// a name (src/core/rules.ts, isForeignWord).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * `candidates`: the only tokens `commonIn` will be asked about (the lists' name tokens), so
 * the per-language sets stay small.
 *
 * Lower-case dictionary entries are ordinary words in any language. Capitalised entries are
 * proper nouns (famous brands and places such as "Airbnb" or "Cisco" are in the
 * dictionaries) except in German, which capitalises every noun: a German capitalised entry
 * counts as an ordinary word unless another language lists the same form as a proper noun.
 */
export function loadDictionaries(candidates?: ReadonlySet<string>): Dictionaries {
  // Reading 16 dictionaries takes seconds; the build and every test that compiles the lists
  // would pay it again. The result depends only on the packages, the lexicon and the
  // candidates, so it is kept in node_modules/.cache under a hash of those.
  const require = createRequire(import.meta.url);
  const versions = lexicon.records.map((r) => {
    const pkg = JSON.parse(readFileSync(join(dirname(require.resolve(r.package)), 'package.json'), 'utf8')) as {
      version: string;
    };
    return `${r.package}@${pkg.version}`;
  });
  const key = createHash('sha256')
    .update(JSON.stringify([versions, lexicon.records, candidates ? [...candidates].sort() : null]))
    // How the dictionaries are read is part of the key too.
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const cacheDir = join(dirname(require.resolve('dictionary-en')), '..', '.cache', 'settlement-screen');
  const cacheFile = join(cacheDir, `dictionaries-${key}.json`);
  try {
    return fromCache(JSON.parse(readFileSync(cacheFile, 'utf8')) as DictionaryCache);
  } catch {
    // No cache yet (or a damaged one): read the dictionaries.
  }
  const dicts = readDictionaries(candidates);
  if (candidates) {
    const cache: DictionaryCache = {
      common: [...dicts.common],
      properNouns: [...dicts.properNouns],
      languages: [...dicts.languages],
      commonIn: [...candidates]
        .map((t) => [t, dicts.commonIn(t)] as [string, string[]])
        .filter(([, l]) => l.length > 0),
    };
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cacheFile, JSON.stringify(cache));
    } catch {
      // A read-only node_modules only costs time.
    }
  }
  return dicts;
}

interface DictionaryCache {
  common: string[];
  properNouns: string[];
  languages: [string, number][];
  commonIn: [string, string[]][];
}

function fromCache(c: DictionaryCache): Dictionaries {
  const commonIn = new Map(c.commonIn);
  return {
    common: new Set(c.common),
    properNouns: new Set(c.properNouns),
    languages: new Map(c.languages),
    commonIn: (norm) => commonIn.get(norm) ?? [],
  };
}

function readDictionaries(candidates?: ReadonlySet<string>): Dictionaries {
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
      const isLower = stem === stem.toLowerCase();
      if (!weakNames) {
        // Only asked which languages hold a few names: the full normaliser is not needed
        // for the (ASCII or accented Latin) words that can equal one.
        if (!isLower) continue;
        const folded = /^[a-z]+$/.test(stem) ? stem : stem.normalize('NFD').replace(/\p{M}/gu, '');
        if (!candidates || candidates.has(folded) || candidates.has(`${folded}s`)) words.add(folded);
        continue;
      }
      const norm = normalizeToken(stem);
      if ((isLower || lang === 'de') && (!candidates || candidates.has(norm) || candidates.has(`${norm}s`)))
        words.add(norm);
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
