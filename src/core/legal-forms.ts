// Legal forms, company words and country names, as normalised token sequences.
// Legal forms are stripped from list names to get the core name used for lookup (rigour's
// approach, opensanctions/rigour resources/names/org_types.yml), and on the page a legal
// form or company word next to a short name is evidence that the text names a company.
// The lists are data (data/lexicon/legal-forms.json, company-words.json, countries.json),
// written already normalised (lower case, no dots, no diacritics).
import { lazy } from './lazy';
import { COMPANY_WORD_RECORDS, COUNTRY_RECORDS, LEGAL_FORM_RECORDS } from './lexicon';
import { tokenize } from './normalize';

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

// Legal forms; words that name a company without being a legal form (they corroborate a
// short name); countries (and a few regions) as they follow a group name.
const affixes = lazy(() =>
  buildSeqTrie([
    ['legal-form', LEGAL_FORM_RECORDS.map((r) => r.form)],
    ['company-word', COMPANY_WORD_RECORDS.map((r) => r.word)],
    ['country', COUNTRY_RECORDS.map((r) => r.name)],
  ]),
);

export interface AffixHit {
  kind: AffixKind;
  /** Number of tokens the affix spans. */
  length: number;
}

/** The longest legal form, company word or country starting at token index i. */
export function affixAt(norms: readonly string[], i: number): AffixHit | null {
  let node: SeqNode | undefined = affixes();
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
  const hit = affixes().next.get(norm);
  return hit?.kind === 'company-word' || hit?.kind === 'legal-form';
}

// Spellings of the same legal form, so "Elco Limited" agrees with the listed "Elco Ltd.".
const canonicalForms = lazy((): Record<string, string> =>
  Object.fromEntries(LEGAL_FORM_RECORDS.filter((r) => r.canonical).map((r) => [r.form, r.canonical!])),
);

/** One spelling per legal form; the last form of a stack ("S.M.E. M.P, S.A." -> "sa"). */
export function canonicalLegalForm(normalized: string): string {
  const direct = canonicalForms()[normalized];
  if (direct) return direct;
  const parts = normalized.split(' ');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join(' ');
    if (isLegalForm(parts.slice(i))) return canonicalForms()[tail] ?? tail;
  }
  return normalized;
}
