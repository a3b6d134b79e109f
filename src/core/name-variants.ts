// Derive the matchable variants of a listed name. Only mechanical derivations of the
// name itself (legal form dropped, bracketed parts dropped, a generic trailing word such
// as "Group" dropped, the part before a dash): never an alias that is not in the name.
import { tokenize } from './normalize';
import { isDroppableWord, stripLegalForms } from './legal-forms';

export interface NameVariant {
  /** The text the variant was derived from (shown in explanations). */
  text: string;
  /** Normalised core tokens (legal forms removed). */
  tokens: string[];
  /** Raw spellings of the core tokens, in order (for acronym / case checks). */
  raw: string[];
  derivation: 'as-listed' | 'no-brackets' | 'no-leading-the' | 'no-generic-word' | 'first-part' | 'joined';
}

const TRAILING_FILLERS = new Set(['and', 'of', 'the', 'en', 'et', 'und', 'y', 'de']);
const BRACKETS_RE = /\s*[([][^)\]]*[)\]]\s*/g;
const DASH_SPLIT_RE = /\s+[–—-]\s+/;

/** Tokens of a name with legal forms stripped, plus the raw spellings of the core tokens. */
export function coreOf(text: string): { tokens: string[]; raw: string[]; legalForm: string[] } {
  const toks = tokenize(text);
  const norms = toks.map((t) => t.norm);
  const { core, removed } = stripLegalForms(norms);
  return {
    tokens: core,
    raw: toks.slice(0, core.length).map((t) => text.slice(t.start, t.end)),
    legalForm: removed,
  };
}

/** Variants of a listed name or alias. `derive` = false gives only the name as written. */
export function nameVariants(name: string, derive: boolean): NameVariant[] {
  const out: NameVariant[] = [];
  const seen = new Set<string>();
  const add = (text: string, derivation: NameVariant['derivation']) => {
    const { tokens, raw } = coreOf(text);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text: text.trim(), tokens, raw, derivation });
  };

  add(name, 'as-listed');
  const noBrackets = name.replace(BRACKETS_RE, ' ').replace(/\s+/g, ' ').trim();
  if (noBrackets !== name.trim()) add(noBrackets, 'no-brackets');
  if (!derive) return out;

  const base = noBrackets || name;
  // "The Coca-Cola Company" -> "Coca-Cola Company"
  if (/^the\s+/i.test(base)) add(base.replace(/^the\s+/i, ''), 'no-leading-the');

  // "Ahava – Dead Sea Laboratories Ltd." -> "Ahava"
  const parts = base.split(DASH_SPLIT_RE);
  if (parts.length > 1 && parts[0].trim().length > 0) add(parts[0], 'first-part');

  // "Volvo Group" -> "Volvo"; "Partner Communications Company" -> "Partner Communications" -> "Partner"
  for (const v of [...out]) {
    if (v.tokens[0] === 'the') continue;
    let toks = v.tokens.slice();
    let raw = v.raw.slice();
    while (toks.length > 1 && (isDroppableWord(toks[toks.length - 1]) || TRAILING_FILLERS.has(toks[toks.length - 1]))) {
      const wasFiller = TRAILING_FILLERS.has(toks[toks.length - 1]);
      toks = toks.slice(0, -1);
      raw = raw.slice(0, -1);
      if (wasFiller) continue;
      while (toks.length > 1 && TRAILING_FILLERS.has(toks[toks.length - 1])) {
        toks = toks.slice(0, -1);
        raw = raw.slice(0, -1);
      }
      const key = toks.join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ text: raw.join(' '), tokens: toks, raw, derivation: 'no-generic-word' });
      }
    }
  }

  // "J.C. Bamford" also written with spaced initials and no dots: "J C Bamford".
  for (const v of [...out]) {
    const spaced = v.text.replace(/\b(\p{Lu})\.(?=\p{Lu}\.)/gu, '$1 ').replace(/\b(\p{Lu})\.(?=\s|$)/gu, '$1');
    if (spaced !== v.text && /\b\p{Lu} \p{Lu}\b/u.test(spaced)) {
      const { tokens, raw } = coreOf(spaced);
      const key = tokens.join(' ');
      if (tokens.length > 0 && !seen.has(key)) {
        seen.add(key);
        out.push({ text: spaced, tokens, raw, derivation: 'joined' });
      }
    }
  }

  // "Coca-Cola" / "RE/MAX" also written as one word: "CocaCola", "REMAX".
  const compound = /[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)+/gu;
  for (const v of [...out]) {
    const joined = v.text.replace(compound, (m) => m.replace(/[-/]/g, ''));
    if (joined !== v.text) add(joined, 'joined');
  }
  return out;
}
