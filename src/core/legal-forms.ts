// Legal forms, company words and country names, as normalised token sequences.
// Legal forms are stripped from list names to get the core name used for lookup (rigour's
// approach, opensanctions/rigour resources/names/org_types.yml), and on the page a legal
// form or company word next to a short name is evidence that the text names a company.
// All entries are written already normalised (lower case, no dots, no diacritics).
import { tokenize } from './normalize';

/** Legal forms in the languages our users meet (nl, fr, en, de, es) and of listed companies (he, ...). */
const LEGAL_FORMS = [
  // English
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'plc',
  'llc',
  'llp',
  'lp',
  'co ltd',
  'co inc',
  'company limited',
  'public limited company',
  'limited liability company',
  'pty ltd',
  'pty',
  'pvt ltd',
  'pte ltd',
  'the company',
  // Israel: B.M. (Ba'am), and the Hebrew בע"מ
  'bm',
  'בעמ',
  // Dutch / Belgian
  'nv',
  'bv',
  'bvba',
  'cvba',
  'cv',
  'vof',
  'vzw',
  'srl bv',
  'bv srl',
  'sa nv',
  'nv sa',
  'naamloze vennootschap',
  'besloten vennootschap',
  'besloten vennootschap met beperkte aansprakelijkheid',
  'commanditaire vennootschap',
  'cooperatieve vennootschap',
  // French / Belgian French / Luxembourg
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'srl',
  'sprl',
  'scrl',
  'sc',
  'sca',
  'snc',
  'asbl',
  'scs',
  'societe anonyme',
  'societe a responsabilite limitee',
  'societe par actions simplifiee',
  'societe cooperative',
  'societe en commandite par actions',
  // German / Austrian / Swiss
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'se',
  'eg',
  'ev',
  'kgaa',
  'gmbh co kg',
  'gmbh and co kg',
  'ag and co kg',
  'aktiengesellschaft',
  'gesellschaft mit beschrankter haftung',
  'mbh',
  // Spanish / Portuguese / Italian
  'sl',
  'slu',
  'sau',
  'sa de cv',
  'sociedad anonima',
  'sociedad limitada',
  'ltda',
  'spa',
  'sme',
  'mp',
  'sme mp',
  'sme mp sa',
  'sapi de cv',
  // Nordic / Central European
  'ab',
  'as',
  'a s',
  'aps',
  'asa',
  'oy',
  'oyj',
  'kft',
  'zrt',
  'nyrt',
  'sro',
  's r o',
  'as a s',
  'sp z o o',
  'spzoo',
  'doo',
  'dooel',
  'dd',
  'ad',
  'ood',
  'eood',
  'srl',
  'sa de cv',
];

/** Words that name a company without being a legal form (corroborate a short name). */
const COMPANY_WORDS = [
  'company',
  'corporation',
  'group',
  'groep',
  'groupe',
  'gruppe',
  'grupo',
  'holding',
  'holdings',
  'international',
  'industries',
  'industry',
  'systems',
  'solutions',
  'communications',
  'telecom',
  'telecommunications',
  'technologies',
  'technology',
  'services',
  'bank',
  'banque',
  'banco',
  'motors',
  'trucks',
  'construction',
  'constructions',
  'engineering',
  'rail',
  'transport',
  'logistics',
  'materials',
  'cement',
  'enterprises',
  'investments',
  'entreprise',
  'onderneming',
  'bedrijf',
  'unternehmen',
  'empresa',
  // Business lines that groups put after the group name ("Siemens Mobility", "Santander
  // Consumer Bank", "Carrefour Market", "Volvo Bus Corporation").
  'mobility',
  'consumer',
  'market',
  'bus',
  'buses',
  'finance',
  'financial',
  'leasing',
  'energy',
  'ingenieria',
  'ingenierie',
  'infrastructure',
  'healthcare',
  'digital',
  'capital',
  'insurance',
  'retail',
  'networks',
  'software',
  'equipment',
];

/** Countries (and a few regions) in en, nl, fr, de, es, as they follow a group name. */
const COUNTRIES = [
  'belgium',
  'belgie',
  'belgique',
  'belgien',
  'belgica',
  'netherlands',
  'the netherlands',
  'nederland',
  'pays bas',
  'niederlande',
  'paises bajos',
  'holland',
  'uk',
  'united kingdom',
  'great britain',
  'gb',
  'england',
  'scotland',
  'ireland',
  'ierland',
  'irlande',
  'irland',
  'irlanda',
  'france',
  'frankrijk',
  'frankreich',
  'francia',
  'germany',
  'deutschland',
  'duitsland',
  'allemagne',
  'alemania',
  'spain',
  'espana',
  'spanje',
  'espagne',
  'spanien',
  'italy',
  'italia',
  'italie',
  'italien',
  'israel',
  'luxembourg',
  'luxemburg',
  'austria',
  'osterreich',
  'oostenrijk',
  'autriche',
  'switzerland',
  'schweiz',
  'suisse',
  'zwitserland',
  'suiza',
  'denmark',
  'danmark',
  'denemarken',
  'danemark',
  'danemark',
  'sweden',
  'sverige',
  'zweden',
  'suede',
  'schweden',
  'suecia',
  'norway',
  'norge',
  'noorwegen',
  'finland',
  'suomi',
  'poland',
  'polska',
  'polen',
  'pologne',
  'polonia',
  'portugal',
  'czech republic',
  'czechia',
  'hungary',
  'magyarorszag',
  'romania',
  'greece',
  'usa',
  'us',
  'united states',
  'america',
  'canada',
  'australia',
  'japan',
  'china',
  'india',
  'brasil',
  'brazil',
  'mexico',
  'turkey',
  'turkiye',
  'europe',
  'europa',
  'benelux',
  'nordic',
  'emea',
  'iberia',
  'iberica',
];

export type AffixKind = 'legal-form' | 'company-word' | 'country';

interface SeqNode {
  next: Map<string, SeqNode>;
  kind: AffixKind | null;
}

function buildSeqTrie(groups: [AffixKind, string[]][]): SeqNode {
  const root: SeqNode = { next: new Map(), kind: null };
  for (const [kind, phrases] of groups) {
    for (const phrase of phrases) {
      const toks = tokenize(phrase).map((t) => t.norm);
      let node = root;
      for (const tok of toks) {
        let child = node.next.get(tok);
        if (!child) {
          child = { next: new Map(), kind: null };
          node.next.set(tok, child);
        }
        node = child;
      }
      // A phrase listed as a legal form stays a legal form even if also a company word.
      if (node.kind === null || kind === 'legal-form') node.kind = kind;
    }
  }
  return root;
}

const AFFIXES = buildSeqTrie([
  ['legal-form', LEGAL_FORMS],
  ['company-word', COMPANY_WORDS],
  ['country', COUNTRIES],
]);

export interface AffixHit {
  kind: AffixKind;
  /** Number of tokens the affix spans. */
  length: number;
}

/** The longest legal form, company word or country starting at token index i. */
export function affixAt(norms: readonly string[], i: number): AffixHit | null {
  let node: SeqNode | undefined = AFFIXES;
  let best: AffixHit | null = null;
  for (let j = i; j < norms.length; j++) {
    node = node.next.get(norms[j]);
    if (!node) break;
    if (node.kind) best = { kind: node.kind, length: j - i + 1 };
  }
  return best;
}

/** True when the whole token sequence is one legal form. */
export function isLegalForm(norms: readonly string[]): boolean {
  const hit = affixAt(norms, 0);
  return hit !== null && hit.kind === 'legal-form' && hit.length === norms.length;
}

/**
 * Remove trailing legal forms (repeatedly: "S.M.E. M.P, S.A."), never down to nothing:
 * a company literally named "Limited" keeps its name (rigour's safety rule).
 * Returns the core tokens and the removed legal-form tokens.
 */
export function stripLegalForms(norms: readonly string[]): { core: string[]; removed: string[] } {
  let end = norms.length;
  let changed = true;
  while (changed && end > 1) {
    changed = false;
    // Try every suffix start; take the longest legal form that ends exactly at `end`.
    for (let start = Math.max(1, end - 8); start < end; start++) {
      const hit = affixAt(norms.slice(0, end), start);
      if (hit && hit.kind === 'legal-form' && start + hit.length === end) {
        end = start;
        changed = true;
        break;
      }
    }
  }
  return { core: norms.slice(0, end), removed: norms.slice(end) };
}

/**
 * Generic words that may be dropped from the end of a listed name to derive a shorter
 * alias ("Volvo Group" -> "Volvo"). Words that carry meaning (Bank, Materials, Rail) stay.
 */
const DROPPABLE = new Set([
  'group',
  'groep',
  'groupe',
  'gruppe',
  'grupo',
  'holding',
  'holdings',
  'company',
  'corporation',
  'international',
  'industries',
  'systems',
  'communications',
  'enterprises',
  'investments',
]);

export function isDroppableWord(norm: string): boolean {
  return DROPPABLE.has(norm);
}

export function isCompanyWord(norm: string): boolean {
  const hit = AFFIXES.next.get(norm);
  return hit?.kind === 'company-word' || hit?.kind === 'legal-form';
}

// Spellings of the same legal form, so "Elco Limited" agrees with the listed "Elco Ltd.".
const CANONICAL: Record<string, string> = {
  limited: 'ltd',
  'company limited': 'ltd',
  'co ltd': 'ltd',
  bm: 'ltd',
  בעמ: 'ltd',
  incorporated: 'inc',
  'co inc': 'inc',
  corporation: 'corp',
  'public limited company': 'plc',
  'naamloze vennootschap': 'nv',
  'besloten vennootschap': 'bv',
  'societe anonyme': 'sa',
  'sociedad anonima': 'sa',
  'sa nv': 'sa',
  'nv sa': 'sa',
  aktiengesellschaft: 'ag',
  'gesellschaft mit beschrankter haftung': 'gmbh',
  'sociedad limitada': 'sl',
};

/** One spelling per legal form; the last form of a stack ("S.M.E. M.P, S.A." -> "sa"). */
export function canonicalLegalForm(normalized: string): string {
  const direct = CANONICAL[normalized];
  if (direct) return direct;
  const parts = normalized.split(' ');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join(' ');
    if (isLegalForm(parts.slice(i))) return CANONICAL[tail] ?? tail;
  }
  return normalized;
}
